/** What the station keeps about each shared document: its name, what it holds, and who may write it. */
export type DocKind = 'records' | 'messages' | 'plan'

export interface DocInfo {
  name: string
  kind: DocKind
  /** Station ID of the single writer, or null when both paired stations may write. */
  owner: string | null
}
