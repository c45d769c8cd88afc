/** Vite's `?inline` import: the file's bytes as a data: URL, built into the bundle (see report-fonts.ts). */
declare module '*.woff?inline' {
  const dataUrl: string
  export default dataUrl
}
