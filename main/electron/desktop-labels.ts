/**
 * Words the shell itself shows (About box, tray), in the system's language when the screens have it: the same
 * locale files as the screens, looked up the way the PDF report does. No electron import: tested in plain Node.
 */
import { REPORT_LANGUAGES, type ReportLanguage } from '../../preload/api'
import { reportLabels, type ReportLabels } from '../core/reports/report-labels'

/** The first of the system's preferred languages (BCP 47 tags, most wanted first) the screens speak; else English. */
export function desktopLanguage(preferred: readonly string[]): ReportLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    const known = REPORT_LANGUAGES.find((language) => language === base)
    if (known) return known
  }
  return 'en'
}

export const desktopLabels = (preferred: readonly string[]): ReportLabels => reportLabels(desktopLanguage(preferred))

export interface AboutFacts {
  version: string
  station: { name: string; country: string }
  /** null until the station has made its keys (the first start of the link does). */
  stationId: string | null
  dataDir: string
  versions: { electron: string; chrome: string; node: string }
}

/** The About box: a title, and the lines an administrator reads out on the phone to support. */
export function aboutText(facts: AboutFacts, labels: ReportLabels): { title: string; message: string; detail: string } {
  const { t } = labels
  const lines = [
    t('desktop.about.version', { version: facts.version }),
    t('desktop.about.station', { name: facts.station.name, country: facts.station.country }),
    facts.stationId ? t('desktop.about.stationId', { stationId: facts.stationId }) : t('desktop.about.stationIdPending'),
    t('desktop.about.dataFolder', { path: facts.dataDir }),
    `Electron ${facts.versions.electron} · Chromium ${facts.versions.chrome} · Node.js ${facts.versions.node}`
  ]
  return { title: t('desktop.about.title'), message: t('app.name'), detail: lines.join('\n') }
}

/** The link in a few words for the tray: the counterpart's state, "not paired", or connecting before the first report. */
export function linkSummary(status: { peers: readonly { state: string }[] } | null, labels: ReportLabels): string {
  if (!status) return labels.term('linkState', 'connecting')
  const peer = status.peers[0]
  return peer ? labels.term('linkState', peer.state) : labels.t('desktop.tray.notPaired')
}
