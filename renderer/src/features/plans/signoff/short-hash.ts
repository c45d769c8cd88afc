/** A content hash as people compare it aloud between offices: the first 12 hex digits, in groups of four. */
export const shortHash = (hash: string) => (hash.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ')
