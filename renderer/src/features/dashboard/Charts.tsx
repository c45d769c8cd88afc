import { Bar, Line } from 'react-chartjs-2'
import { useTranslation } from 'react-i18next'
import type { MonthlyReport } from '../../../../preload/api'
import { palette } from './chart-setup'
import { useFontsVersion } from './use-fonts-version'
import { useMonthLabel } from './use-month-label'

type Trend = MonthlyReport['trend']
type CountRows = MonthlyReport['cases']['byCategory']
type NationalityRows = MonthlyReport['persons']['byNationality']

const WHOLE_NUMBERS = { beginAtZero: true, ticks: { precision: 0 } } as const

/** Cases, persons and seized items over the seven months to this one. */
export function ActivityTrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation()
  const monthLabel = useMonthLabel()
  const fonts = useFontsVersion()
  const c = palette()
  const line = (label: string, color: string, values: number[]) => ({ label, data: values, borderColor: color, backgroundColor: color, tension: 0.25, pointRadius: 3 })
  return (
    <div className="chart-box" data-testid="chart-activity-trend">
      <Line
        key={fonts}
        role="img"
        aria-label={t('dashboard.activityTrend')}
        data={{
          labels: trend.map((p) => monthLabel(p.month)),
          datasets: [
            line(t('report.cases'), c.cases, trend.map((p) => p.cases)),
            line(t('report.persons'), c.persons, trend.map((p) => p.persons)),
            line(t('report.items'), c.items, trend.map((p) => p.items))
          ]
        }}
        options={{ scales: { y: WHOLE_NUMBERS }, plugins: { legend: { position: 'bottom' } } }}
      />
    </div>
  )
}

/** What went to and came from the counterpart, month by month. */
export function ExchangeTrendChart({ trend }: { trend: Trend }) {
  const { t } = useTranslation()
  const monthLabel = useMonthLabel()
  const fonts = useFontsVersion()
  const c = palette()
  return (
    <div className="chart-box" data-testid="chart-exchange-trend">
      <Bar
        key={fonts}
        role="img"
        aria-label={t('dashboard.exchangeTrend')}
        data={{
          labels: trend.map((p) => monthLabel(p.month)),
          datasets: [
            { label: t('report.sent'), data: trend.map((p) => p.exchangeSent), backgroundColor: c.sent },
            { label: t('report.received'), data: trend.map((p) => p.exchangeReceived), backgroundColor: c.received }
          ]
        }}
        options={{ scales: { y: WHOLE_NUMBERS }, plugins: { legend: { position: 'bottom' } } }}
      />
    </div>
  )
}

/** This month against the month before, one bar pair per category (or agency). */
export function CompareChart({ rows, label, testId, name }: { rows: CountRows; label: (key: string) => string; testId: string; name: string }) {
  const { t } = useTranslation()
  const fonts = useFontsVersion()
  const c = palette()
  return (
    <div className={`chart-box chart-rows-${Math.min(rows.length, 10)}`} data-testid={testId}>
      <Bar
        key={fonts}
        role="img"
        aria-label={name}
        data={{
          labels: rows.map((r) => label(r.key)),
          datasets: [
            { label: t('report.thisMonth'), data: rows.map((r) => r.count), backgroundColor: c.current },
            { label: t('report.previousMonth'), data: rows.map((r) => r.previous), backgroundColor: c.previous }
          ]
        }}
        options={{ indexAxis: 'y', scales: { x: WHOLE_NUMBERS }, plugins: { legend: { position: 'bottom' } } }}
      />
    </div>
  )
}

/** Persons by nationality, split by sex. */
export function NationalityChart({ rows, label }: { rows: NationalityRows; label: (code: string | null) => string }) {
  const { t } = useTranslation()
  const fonts = useFontsVersion()
  const c = palette()
  const stacked = { stacked: true, ...WHOLE_NUMBERS }
  return (
    <div className={`chart-box chart-rows-${Math.min(rows.length, 10)}`} data-testid="chart-nationality">
      <Bar
        key={fonts}
        role="img"
        aria-label={t('report.personsByNationality')}
        data={{
          labels: rows.map((r) => label(r.nationality)),
          datasets: [
            { label: t('enums.sex.male'), data: rows.map((r) => r.male), backgroundColor: c.male },
            { label: t('enums.sex.female'), data: rows.map((r) => r.female), backgroundColor: c.female },
            { label: t('enums.sex.unknown'), data: rows.map((r) => r.unknown), backgroundColor: c.unknown }
          ]
        }}
        options={{ indexAxis: 'y', scales: { x: stacked, y: { stacked: true } }, plugins: { legend: { position: 'bottom' } } }}
      />
    </div>
  )
}
