/// <reference types="electron-vite/node" />
/** A tray icon that shows the state of the border link at a glance, with Show and Quit. */
import { app, Menu, nativeImage, Tray } from 'electron'
import type { LinkStatus } from '../../preload/api'
import type { ReportLabels } from '../core/reports/report-labels'
import type { ConnectionState, Station } from '../core/station'
import trayIconPath from '../../build/icons/32x32.png?asset'
import { linkSummary } from './desktop-labels'

/** Returns the function that removes the icon (on quit). */
export function showLinkInTray(station: Station, self: ConnectionState, labels: ReportLabels, onShow: () => void): () => void {
  const tray = new Tray(nativeImage.createFromPath(trayIconPath))
  const render = (status: LinkStatus | null): void => {
    const line = labels.t('desktop.tray.tooltip', { state: linkSummary(status, labels) })
    tray.setToolTip(line)
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: line, enabled: false },
        { type: 'separator' },
        { label: labels.t('desktop.tray.show'), click: onShow },
        { label: labels.t('desktop.tray.quit'), click: () => app.quit() }
      ])
    )
  }
  render(null)
  tray.on('click', onShow)
  void station.dispatch('link.status', {}, self).then((reply) => {
    if (reply.ok) render(reply.value as LinkStatus)
  })
  const unsubscribe = station.onEvent((name, payload) => {
    if (name === 'link:status') render(payload as LinkStatus)
  })
  return () => {
    unsubscribe()
    tray.destroy()
  }
}
