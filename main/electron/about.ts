/** Help › About: version, station, station ID and data folder, with a button that copies them for support. */
import { app, clipboard, dialog, type BrowserWindow } from 'electron'
import type { MethodOutput } from '../../preload/api'
import type { ConnectionState, Station } from '../core/station'
import type { ReportLabels } from '../core/reports/report-labels'
import { aboutText } from './desktop-labels'

async function stationId(station: Station, self: ConnectionState): Promise<string | null> {
  const reply = await station.dispatch('link.station', {}, self)
  return reply.ok ? (reply.value as MethodOutput<'link.station'>).stationId : null
}

export async function showAbout(win: BrowserWindow, station: Station, self: ConnectionState, labels: ReportLabels): Promise<void> {
  const text = aboutText(
    {
      version: app.getVersion(),
      station: station.meta,
      stationId: await stationId(station, self),
      dataDir: station.dataDir,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }
    },
    labels
  )
  const { response } = await dialog.showMessageBox(win, {
    type: 'info',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [labels.t('desktop.about.close'), labels.t('desktop.about.copy')],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  })
  if (response === 1) clipboard.writeText(`${text.message}\n${text.detail}`)
}
