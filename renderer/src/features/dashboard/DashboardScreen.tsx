import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonthlyReport } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { LoadFailed, StateMessage } from '../../ui/StateMessage'
import { currentMonth, isMonth, shiftMonth } from '../../ui/month'
import { TableHead } from '../../ui/TableHead'
import { ActivityTrendChart, CompareChart, ExchangeTrendChart, NationalityChart } from './Charts'
import { useMonthLabel } from './use-month-label'
import { CounterpartSelect } from '../link/CounterpartSelect'
import { useLink } from '../link/LinkContext'
import { useMonthlyReport } from './use-monthly-report'

type CountRows = MonthlyReport['cases']['byCategory']

/** A vocabulary value's label when the locale has one, else the value as recorded (a newer station's word). */
function useTerm(): (group: string, value: string) => string {
  const { t, i18n } = useTranslation()
  return (group, value) => (i18n.exists(`enums.${group}.${value}`) ? t(`enums.${group}.${value}`) : value)
}

function useCountryName(): (code: string | null) => string {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })
    return (code) => {
      if (!code) return t('report.notRecorded')
      try {
        return names.of(code) ?? code
      } catch {
        return code
      }
    }
  }, [language, t])
}

/** "▲ 3" / "▼ 2" / "=" against the month before, for a figure. */
function Change({ now, before }: { now: number; before: number }) {
  const { t } = useTranslation()
  const diff = now - before
  const text = diff === 0 ? t('dashboard.same') : `${diff > 0 ? '▲' : '▼'} ${Math.abs(diff)}`
  return (
    <span className="change" title={t('dashboard.vsPrevious', { count: before })}>
      {text}
    </span>
  )
}

function Figure({ testId, label, value, before }: { testId: string; label: string; value: number; before?: number }) {
  const fmt = useFormatters()
  return (
    <div className="figure" data-testid={testId} data-value={value}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">{fmt.number(value)}</span>
      {before !== undefined && <Change now={value} before={before} />}
    </div>
  )
}

function Panel({ title, testId, children, wide }: { title: string; testId?: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`detail-section dashboard-panel${wide ? ' is-wide' : ''}`} data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  )
}

/** The exact numbers behind a comparison chart, folded away under it. */
function CountTable({ rows, label, testId }: { rows: CountRows; label: (key: string) => string; testId: string }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  if (rows.length === 0) return <p className="muted">{t('report.none')}</p>
  return (
    <details className="figures-details">
      <summary>{t('dashboard.figures')}</summary>
      <table className="data-table" data-testid={testId}>
        <TableHead columns={[null, { label: t('report.thisMonth'), num: true }, { label: t('report.previousMonth'), num: true }]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <td>{label(r.key)}</td>
              <td className="num">{fmt.number(r.count)}</td>
              <td className="num muted">{fmt.number(r.previous)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

function Duration({ minutes }: { minutes: number | null }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  if (minutes === null) return <span className="muted">—</span>
  return <>{minutes >= 120 ? t('report.hours', { value: fmt.number(Math.round(minutes / 6) / 10) }) : t('report.minutes', { value: fmt.number(Math.round(minutes)) })}</>
}

function Report({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const term = useTerm()
  const country = useCountryName()
  const thisMonth = report.trend[report.trend.length - 1]
  const lastMonth = report.trend[report.trend.length - 2]
  const kinds = ['records', 'alerts', 'requests', 'replies', 'acknowledgements'] as const
  const answered = (key: 'oursAnswered' | 'theirsAnswered') => {
    const a = report.exchange[key]
    return (
      <tr data-testid={`exchange-${key}`}>
        <th scope="row">{t(`report.${key}`)}</th>
        <td className="num">
          {fmt.number(a.answered)} / {fmt.number(a.asked)}
        </td>
        <td className="num">
          <Duration minutes={a.medianMinutes} />
        </td>
      </tr>
    )
  }
  return (
    <>
      <div className="figures" data-testid="dashboard-figures">
        <Figure testId="figure-cases" label={t('report.cases')} value={report.cases.total} before={report.cases.previous} />
        <Figure testId="figure-persons" label={t('report.persons')} value={report.persons.total} before={lastMonth?.persons} />
        <Figure testId="figure-items" label={t('report.items')} value={thisMonth?.items ?? 0} before={lastMonth?.items} />
        <Figure testId="figure-sent" label={t('report.exchangeSent')} value={thisMonth?.exchangeSent ?? 0} before={lastMonth?.exchangeSent} />
        <Figure testId="figure-received" label={t('report.exchangeReceived')} value={thisMonth?.exchangeReceived ?? 0} before={lastMonth?.exchangeReceived} />
        <Figure testId="figure-operations" label={t('report.operations')} value={report.operations.held.length} />
      </div>

      <div className="dashboard-grid">
        <Panel title={t('dashboard.activityTrend')}>
          <ActivityTrendChart trend={report.trend} />
        </Panel>
        <Panel title={t('dashboard.exchangeTrend')}>
          {report.trend.some((p) => p.exchangeSent + p.exchangeReceived > 0) ? (
            <ExchangeTrendChart trend={report.trend} />
          ) : (
            <p className="muted chart-empty">{t('dashboard.noExchange')}</p>
          )}
        </Panel>

        <Panel title={t('report.byCategory')} testId="panel-category">
          {report.cases.byCategory.length > 0 && (
            <CompareChart rows={report.cases.byCategory} label={(k) => term('category', k)} testId="chart-category" name={t('report.byCategory')} />
          )}
          <CountTable rows={report.cases.byCategory} label={(k) => term('category', k)} testId="table-category" />
        </Panel>
        <Panel title={t('report.byAgency')} testId="panel-agency">
          {report.cases.byAgency.length > 0 && (
            <CompareChart rows={report.cases.byAgency} label={(k) => term('agency', k)} testId="chart-agency" name={t('report.byAgency')} />
          )}
          <CountTable rows={report.cases.byAgency} label={(k) => term('agency', k)} testId="table-agency" />
        </Panel>

        <Panel title={t('report.seizures')} testId="panel-seizures">
          {report.seizures.length === 0 ? (
            <p className="muted">{t('report.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="table-seizures">
                <TableHead
                  columns={[
                    t('report.commodity'),
                    { label: t('report.quantity'), num: true },
                    t('report.unit'),
                    { label: t('report.cases'), num: true }
                  ]}
                />
                <tbody>
                  {report.seizures.map((s) => (
                    <tr key={`${s.commodity}\u0000${s.unit}`} data-testid="seizure-row">
                      <td>{s.commodity}</td>
                      <td className="num">{fmt.number(s.quantity)}</td>
                      <td>{term('unit', s.unit)}</td>
                      <td className="num">{fmt.number(s.cases)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
        <Panel title={t('report.personsByNationality')} testId="panel-persons">
          {report.persons.byNationality.length === 0 ? (
            <p className="muted">{t('report.none')}</p>
          ) : (
            <>
              <NationalityChart rows={report.persons.byNationality} label={country} />
              <p className="muted dashboard-note" data-testid="persons-by-sex">
                {report.persons.bySex.map((r) => `${term('sex', r.key)}: ${fmt.number(r.count)}`).join(' · ')}
              </p>
            </>
          )}
        </Panel>

        <Panel title={t('report.exchange')} testId="panel-exchange">
          <table className="data-table exchange-figures" data-testid="table-exchange">
            <TableHead columns={[null, { label: t('report.sent'), num: true }, { label: t('report.received'), num: true }]} />
            <tbody>
              {kinds.map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`report.${k}`)}</th>
                  <td className="num" data-testid={`exchange-sent-${k}`}>
                    {fmt.number(report.exchange.sent[k])}
                  </td>
                  <td className="num">{fmt.number(report.exchange.received[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table exchange-figures">
            <TableHead columns={[t('report.asked'), { label: t('report.answered'), num: true }, { label: t('report.medianResponse'), num: true }]} />
            <tbody>
              {answered('oursAnswered')}
              {answered('theirsAnswered')}
            </tbody>
          </table>
        </Panel>
        <Panel title={t('report.operations')} testId="panel-operations">
          {!report.operations.available ? (
            <p className="muted">{t('report.operationsUnavailable')}</p>
          ) : report.operations.held.length === 0 ? (
            <p className="muted">{t('report.noOperations')}</p>
          ) : (
            <table className="data-table" data-testid="table-operations">
              <TableHead columns={[t('report.plan'), t('report.period'), t('report.status')]} />
              <tbody>
                {report.operations.held.map((op) => (
                  <tr key={op.id} data-testid="operation-row">
                    <td>
                      <strong>{op.title}</strong>
                      {op.codeName && <span className="muted"> · {op.codeName}</span>}
                    </td>
                    <td className="nowrap">
                      {fmt.date(op.periodFrom)} – {fmt.date(op.periodTo)}
                    </td>
                    <td>{term('planStatus', op.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
    </>
  )
}

/** The supervisor's month at a glance: the monthly report's figures, with the six months before for the trend. */
export function DashboardScreen() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const monthLabel = useMonthLabel('long')
  const [month, setMonth] = useState(currentMonth)
  const [counterpart, setCounterpart] = useState('')
  const { status } = useLink()
  const { report, loading, error, stale, reload } = useMonthlyReport(month, counterpart)

  return (
    <div className="dashboard" data-testid="dashboard-screen" data-month={month} data-loading={loading}>
      <div className="dashboard-head">
        <div className="month-picker" role="group" aria-label={t('dashboard.month')}>
          <button type="button" className="btn btn-icon" data-testid="dashboard-prev" aria-label={t('dashboard.previous')} onClick={() => setMonth((m) => shiftMonth(m, -1))}>
            ‹
          </button>
          <input
            type="month"
            data-testid="dashboard-month"
            aria-label={t('dashboard.month')}
            value={month}
            onChange={(e) => isMonth(e.target.value) && setMonth(e.target.value)}
          />
          <button type="button" className="btn btn-icon" data-testid="dashboard-next" aria-label={t('dashboard.next')} onClick={() => setMonth((m) => shiftMonth(m, 1))}>
            ›
          </button>
        </div>
        <h2 className="dashboard-month" data-testid="dashboard-month-label">
          {monthLabel(month)}
        </h2>
        {(status?.peers.length ?? 0) > 1 && (
          <label className="filter">
            <span>{t('dashboard.counterpart')}</span>
            <CounterpartSelect data-testid="dashboard-counterpart" value={counterpart} onChange={setCounterpart} />
          </label>
        )}
        {loading && <span className="spinner dashboard-spinner" aria-hidden="true" />}
        <span className="header-spacer" />
        {stale && (
          <button type="button" className="btn btn-small" data-testid="dashboard-refresh" onClick={reload}>
            {t('dashboard.refresh')}
          </button>
        )}
        {report && (
          <span className="muted dashboard-generated">
            {report.station.name} · {t('dashboard.generated', { at: fmt.dateTime(report.generatedAt) })}
          </span>
        )}
      </div>
      {error && !loading && (
        <LoadFailed testId="dashboard-error" title={t('dashboard.loadError')} error={error} onRetry={reload} />
      )}
      {!report && !error && <StateMessage tone="loading" title={t('dashboard.loading')} />}
      {report && !error && (
        <div className={loading ? 'is-stale' : undefined}>
          <Report report={report} />
        </div>
      )}
    </div>
  )
}
