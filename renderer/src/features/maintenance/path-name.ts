/** The last part of a path on either system (the page has no node:path). */
export const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path
