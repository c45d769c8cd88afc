import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BundleHistoryEntry } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { FailureNote } from '../../../ui/ErrorDetail'
import { basename } from '../../maintenance/path-name'

const summary = (e: BundleHistoryEntry) =>
  [
    e.contents.records.new + e.contents.records.corrections + e.contents.records.withdrawals,
    e.contents.messages.alerts + e.contents.messages.requests + e.contents.messages.replies,
    e.contents.plans.changed
  ] as const

/** Bundles written for and read from this counterpart, newest first, with what each carried. */
export function BundleHistory({ peer, changeKey }: { peer: string; changeKey: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [rows, setRows] = useState<BundleHistoryEntry[] | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const load = useCallback(() => {
    api.invoke('bundles.history', { peer }).then(setRows, (e: unknown) => setFailure(toApiError(e)))
  }, [api, peer])
  useEffect(load, [load, changeKey])
  if (failure) return <FailureNote error={failure} testId="usb-history-failure" />
  if (!rows) return <p className="muted">{t('link.usb.history.loading')}</p>
  if (rows.length === 0) return <p className="muted" data-testid="usb-history-empty">{t('link.usb.history.none')}</p>
  return (
    <table className="table usb-history" data-testid="usb-history">
      <thead>
        <tr>
          <th>{t('link.usb.history.when')}</th>
          <th>{t('link.usb.history.direction')}</th>
          <th>{t('link.usb.history.kind')}</th>
          <th className="num">{t('link.usb.history.records')}</th>
          <th className="num">{t('link.usb.history.messages')}</th>
          <th className="num">{t('link.usb.history.plans')}</th>
          <th>{t('link.usb.history.file')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => {
          const [records, messages, plans] = summary(e)
          return (
            <tr key={`${e.bundleId}:${e.direction}`} data-testid="usb-history-row" data-direction={e.direction}>
              <td>{fmt.dateTime(e.at)}</td>
              <td>{t(`link.usb.history.${e.direction}`, { by: e.by })}</td>
              <td>{t(`link.usb.kind.${e.kind}`)}</td>
              <td className="num">{fmt.number(records)}</td>
              <td className="num">{fmt.number(messages)}</td>
              <td className="num">{fmt.number(plans)}</td>
              <td className="mono" title={e.file}>
                {basename(e.file)} <span className="muted">({fmt.bytes(e.bytes)})</span>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
