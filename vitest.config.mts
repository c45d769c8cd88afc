import { defineConfig } from 'vitest/config'

// Unit and integration tests run in Node against real SQLite files and real sockets;
// Playwright specs (tests/e2e) are run by `playwright test`, never by vitest.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Forks, not threads: better-sqlite3 is a native addon and each test file gets its own process.
    pool: 'forks',
    // Two at a time, whatever the core count (vitest's default on 2 cores is one): most files wait on child
    // processes, sockets and fsync far more than they compute, and none depends on having the machine to itself.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000
  }
})
