import { defineConfig } from '@playwright/test'
import { electronRuntime } from './electron-runtime'

// The desktop app itself, driven through Playwright's _electron: `npm run test:electron`. Kept apart from the
// browser e2e project (tests/e2e) and from vitest. Where Electron cannot run, every test is skipped with the reason.
const runtime = electronRuntime()
if (runtime.problem) console.log(`\nElectron tests NOT RUN: ${runtime.problem}.\n`)

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']]
})
