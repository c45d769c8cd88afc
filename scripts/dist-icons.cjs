#!/usr/bin/env node
/**
 * Renders the app icon (build/icon.svg) into what the installers need, with ImageMagick:
 *   build/icons/<N>x<N>.png   the Linux hicolor sizes (AppImage, deb, the desktop entry)
 *   build/icon.ico            Windows: the executable, the NSIS installer and uninstaller (16–256 px in one file)
 *   build/icon.png            512 px, the window icon on Linux
 * The results are committed; run this again only after changing icon.svg (Debian: apt-get install imagemagick).
 */
'use strict'
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const BUILD = path.resolve(__dirname, '..', 'build')
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

function convert(args) {
  const result = spawnSync('convert', args, { encoding: 'utf8' })
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : result.stderr.trim().split('\n')[0]
    throw new Error(`ImageMagick's convert failed (${why}); Debian/Ubuntu: apt-get install imagemagick`)
  }
}

/** Rendered from the vector at each size (not scaled from one bitmap), so small sizes stay sharp. */
function render(size, out) {
  const density = Math.max(72, Math.ceil((72 * size) / 512) * 2)
  convert(['-background', 'none', '-density', String(density), path.join(BUILD, 'icon.svg'), '-resize', `${size}x${size}`, '-strip', `PNG32:${out}`])
}

function main() {
  const dir = path.join(BUILD, 'icons')
  fs.mkdirSync(dir, { recursive: true })
  for (const size of LINUX_SIZES) render(size, path.join(dir, `${size}x${size}.png`))
  fs.copyFileSync(path.join(dir, '512x512.png'), path.join(BUILD, 'icon.png'))
  convert([...ICO_SIZES.map((size) => path.join(dir, `${size}x${size}.png`)), path.join(BUILD, 'icon.ico')])
  console.log(`Wrote build/icons/{${LINUX_SIZES.map((s) => `${s}x${s}`).join(',')}}.png, build/icon.png and build/icon.ico`)
}

module.exports = { LINUX_SIZES, ICO_SIZES }

if (require.main === module) {
  try {
    main()
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
