import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { version } from './package.json'

// Every program reports the version it was built from, however it is started (npm, node, Electron).
const define = { __APP_VERSION__: JSON.stringify(version) }

// The design puts main/, preload/ and renderer/ at the top level, so every entry is explicit.
// main builds three programs from one tree: the Electron shell, the headless station host and the `blo` CLI.
export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(__dirname, 'main/index.ts'),
          station: resolve(__dirname, 'main/host/main.ts'),
          cli: resolve(__dirname, 'main/cli/main.ts')
        },
        formats: ['cjs']
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything it uses.
      externalizeDeps: false,
      lib: { entry: { index: resolve(__dirname, 'preload/index.ts') }, formats: ['cjs'] }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') }
    }
  }
})
