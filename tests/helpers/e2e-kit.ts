/** What end-to-end specs that drive the built `blo` and take screenshots share. */
import { expect, type Page } from '@playwright/test'
import { runCli } from './built-programs'

/** `blo ARGS`, which must succeed; its standard output. */
export async function bloOk(args: string[]): Promise<string> {
  const run = await runCli(args)
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}

/** A screenshot into `dir` once the fonts the screen needs are in, so it shows glyphs, not boxes. */
export function screenshotsIn(dir: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await page.waitForFunction(() => (globalThis as unknown as { document: { fonts: { status: string } } }).document.fonts.status === 'loaded')
    await page.screenshot({ path: `${dir}/${name}.png` })
  }
}
