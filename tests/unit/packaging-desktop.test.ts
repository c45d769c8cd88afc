/**
 * The desktop shell's parts that run without Electron (window placement, the shell's own words, the About text),
 * and the rest of Electron's security checklist, checked in the source as tests/unit/shell-security.test.ts does.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { aboutText, desktopLabels, desktopLanguage, linkSummary } from '../../main/electron/desktop-labels'
import { DEFAULT_SIZE, MIN_SIZE, placeWindow } from '../../main/electron/window-bounds'

const root = join(__dirname, '..', '..')
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1')
const shellDir = join(root, 'main', 'electron')
const shell = Object.fromEntries(
  readdirSync(shellDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, withoutComments(readFileSync(join(shellDir, name), 'utf8'))])
)
const allShell = Object.values(shell).join('\n')

describe('window placement', () => {
  const laptop = [{ x: 0, y: 0, width: 1366, height: 728 }]
  const twoScreens = [...laptop, { x: 1366, y: 0, width: 1920, height: 1040 }]

  it('reopens where and as large as it was', () => {
    expect(placeWindow({ x: 1500, y: 100, width: 1400, height: 900, maximized: false }, twoScreens, DEFAULT_SIZE, MIN_SIZE)).toEqual({
      bounds: { x: 1500, y: 100, width: 1400, height: 900 },
      maximized: false
    })
    expect(placeWindow({ x: 10, y: 10, width: 1200, height: 700, maximized: true }, laptop, DEFAULT_SIZE, MIN_SIZE).maximized).toBe(true)
  })

  it('centres a window whose screen is gone, and fits it to the screens there are', () => {
    expect(placeWindow({ x: 1500, y: 100, width: 1800, height: 1000 }, laptop, DEFAULT_SIZE, MIN_SIZE)).toEqual({
      bounds: { width: 1366, height: 728 },
      maximized: false
    })
    // Only a sliver of the title bar left on screen is not enough to grab it.
    expect(placeWindow({ x: 1300, y: 100, width: 1200, height: 700 }, laptop, DEFAULT_SIZE, MIN_SIZE).bounds).toEqual({ width: 1200, height: 700 })
    // Above the top edge: the title bar is unreachable.
    expect(placeWindow({ x: 0, y: -300, width: 1200, height: 700 }, laptop, DEFAULT_SIZE, MIN_SIZE).bounds).toEqual({ width: 1200, height: 700 })
  })

  it('never goes below the design minimum, and falls back to the default for anything damaged', () => {
    expect(placeWindow({ x: 0, y: 0, width: 200, height: 100 }, laptop, DEFAULT_SIZE, MIN_SIZE).bounds).toEqual({ x: 0, y: 0, ...MIN_SIZE })
    for (const damaged of [null, 'x', [], { width: '1200', height: 700 }, { width: 1200.5, height: 700 }, {}]) {
      expect(placeWindow(damaged, laptop, DEFAULT_SIZE, MIN_SIZE), JSON.stringify(damaged)).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
    }
    expect(placeWindow({ x: 1, y: 1, width: 1200, height: 700 }, [], DEFAULT_SIZE, MIN_SIZE)).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })
})

describe("the shell's own words", () => {
  it('follow the first system language the screens speak', () => {
    expect(desktopLanguage(['th-TH', 'en-US'])).toBe('th')
    expect(desktopLanguage(['fr-FR', 'lo_LA'])).toBe('lo')
    expect(desktopLanguage(['vi-VN', 'km-KH'])).toBe('en')
    expect(desktopLanguage([])).toBe('en')
  })

  it('give the About box version, station, station ID and data folder', () => {
    const facts = {
      version: '0.2.0',
      station: { name: 'BLO Chiang Khong', country: 'TH' },
      stationId: 'ABCD-EFGH-JKLM',
      dataDir: '/home/somchai/.config/BLO Station',
      versions: { electron: '39.8.9', chrome: '142.0.0.0', node: '22.20.0' }
    }
    const en = aboutText(facts, desktopLabels(['en']))
    expect(en.title).toBe('About BLO Station')
    expect(en.detail.split('\n')).toEqual([
      'Version 0.2.0',
      'Station: BLO Chiang Khong (TH)',
      'Station ID: ABCD-EFGH-JKLM',
      'Data folder: /home/somchai/.config/BLO Station',
      'Electron 39.8.9 · Chromium 142.0.0.0 · Node.js 22.20.0'
    ])
    const th = aboutText({ ...facts, stationId: null }, desktopLabels(['th']))
    expect(th.title).toBe('เกี่ยวกับ BLO Station')
    expect(th.detail).toContain('รหัสสถานี: ยังไม่ได้สร้าง')
  })

  it('sum up the link for the tray', () => {
    const en = desktopLabels(['en'])
    expect(linkSummary(null, en)).toBe('Connecting…')
    expect(linkSummary({ peers: [] }, en)).toBe('not paired')
    expect(linkSummary({ peers: [{ state: 'connected' }] }, en)).toBe('Connected')
    expect(linkSummary({ peers: [{ state: 'offline' }] }, desktopLabels(['lo']))).not.toBe('Offline')
  })
})

describe("Electron's security checklist, beyond shell-security.test.ts", () => {
  it('has no developer tools in an installed app', () => {
    expect(shell['window.ts']).toMatch(/devTools:\s*!app\.isPackaged/)
    expect(shell['menu.ts']).toMatch(/app\.isPackaged\s*\?\s*\[\]/)
  })

  it('lets no web request leave the app', () => {
    expect(shell['security.ts']).toMatch(/webRequest\.onBeforeRequest\(\(details, callback\) => callback\(\{ cancel: WEB_PROTOCOLS\.test\(details\.url\) \}\)\)/)
    expect(shell['security.ts']).toMatch(/const WEB_PROTOCOLS = \/\^\(https\?\|wss\?\|ftp\):\/i/)
  })

  it('grants no device access (USB, HID, serial)', () => {
    expect(shell['security.ts']).toMatch(/setDevicePermissionHandler\(\(\)\s*=>\s*false\)/)
    expect(allShell).not.toMatch(/select-(usb|hid|serial)-device|select-bluetooth-device/)
  })

  it('opens no external links and enables no experimental or Blink features', () => {
    // External links: none. The screens link nowhere outside the app; shell.openExternal is never used.
    for (const risky of [/openExternal\(/, /openPath\(/, /experimentalFeatures/, /enableBlinkFeatures/, /allowpopups/, /nodeIntegrationInWorker/]) {
      expect(allShell).not.toMatch(risky)
    }
  })

  it('keeps one instance per user, focusing the first window on a second launch', () => {
    const desktop = shell['desktop.ts']
    expect(desktop).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*app\.quit\(\)\s*return/)
    expect(desktop).toMatch(/app\.on\('second-instance',[\s\S]{0,80}focusWindow\(win\)/)
  })

  it('opens the station with the Electron build of the SQLite module, from the installer or the checkout', () => {
    expect(shell['desktop.ts']).toMatch(/nativeBinding:\s*electronSqliteBinding\(\{\s*packaged:\s*app\.isPackaged/)
  })
})
