/**
 * Real consumers of the exported files: LibreOffice (headless) opens and converts spreadsheets, Poppler renders
 * and reads PDFs. Debian packages: libreoffice-calc-nogui, poppler-utils (.ci/run installs them). When one is
 * missing, tests that need it are skipped with this reason rather than passing without looking.
 */
import { execFile } from 'node:child_process'
import { accessSync, constants, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

function executable(path: string): string | null {
  try {
    accessSync(path, constants.X_OK)
    return path
  } catch {
    return null
  }
}

export const SOFFICE = executable('/usr/bin/soffice')
export const PDFTOTEXT = executable('/usr/bin/pdftotext')
export const PDFTOPPM = executable('/usr/bin/pdftoppm')

export const missing = (tool: string | null, name: string, pkg: string) =>
  tool ? '' : `${name} is not installed (Debian: apt-get install ${pkg}); the test that needs it is skipped`

/** Each call gets its own LibreOffice profile: two instances on one profile (parallel test files) refuse to start. */
export async function libreOfficeConvert(file: string, to: string, outDir: string, infilter?: string): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'blo-lo-profile-'))
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore']
  if (infilter) args.push(`--infilter=${infilter}`)
  args.push('--convert-to', to, '--outdir', outDir, file)
  await run(SOFFICE!, args, { timeout: 120_000 })
}

/**
 * `layout` keeps the page's columns; `raw` keeps the order the text was drawn in, which Poppler's layout pass
 * can cut where a font moves a Thai or Lao mark back over its consonant.
 */
export async function pdfText(file: string, mode: 'layout' | 'raw' = 'layout'): Promise<string> {
  return (await run(PDFTOTEXT!, [`-${mode}`, file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
}

/** Renders one page to PNG; returns the PNG's path. */
export async function pdfPage(file: string, page: number, outPrefix: string, dpi = 100): Promise<string> {
  await run(PDFTOPPM!, ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), file, outPrefix])
  return `${outPrefix}.png`
}

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}
