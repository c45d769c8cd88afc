// Lint keeps the layering honest: only main/electron and preload may touch Electron,
// and the renderer sees nothing of Node, the database or main — only the contract in preload/api.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electronFree = {
  patterns: [
    {
      regex: '(^|/)electron(/|$)',
      message: 'Only main/electron and preload may import electron; this layer runs in plain Node too.'
    }
  ]
}

const rendererBoundary = {
  paths: [
    ...builtinModules.map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node modules.' })),
    { name: 'electron', message: 'The renderer talks to main only through window.blo (see src/api).' },
    { name: 'better-sqlite3', message: 'The database lives in main/core; call the API instead.' }
  ],
  patterns: [
    { regex: '^node:', message: 'The renderer runs in a sandboxed page: no Node modules.' },
    { regex: '^(\\.\\./)+main(/|$)', message: 'The renderer may not import main; use the API contract in preload/api.' },
    {
      regex: '(^|/)preload/(index|ipc-channels)$',
      message: 'That is the Electron side of the bridge; use the API contract in preload/api.'
    }
  ]
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.native/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node }
  },
  {
    files: ['main/core/**', 'main/host/**', 'main/cli/**'],
    rules: { 'no-restricted-imports': ['error', electronFree] }
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': ['error', rendererBoundary] }
  }
)
