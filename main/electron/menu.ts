/**
 * The native menu. Standard roles wherever one exists, so Electron supplies the labels in the system language
 * and the usual shortcuts (copy/paste in the case form, zoom for small office screens) just work; our own items
 * (About) take their words from the locale files.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron'
import type { ReportLabels } from '../core/reports/report-labels'

export interface MenuActions {
  about(): void
}

export function installMenu(actions: MenuActions, labels: ReportLabels): void {
  const isMac = process.platform === 'darwin'
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const about: MenuItemConstructorOptions = { label: labels.t('desktop.menu.about'), click: () => actions.about() }
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: app.name, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'reload' },
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    ...(isMac ? [] : [{ role: 'help', label: labels.t('desktop.menu.help'), submenu: [about] } satisfies MenuItemConstructorOptions])
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
