import { useTranslation } from 'react-i18next'
import type { BackupList as Backups } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { StateMessage } from '../../ui/StateMessage'
import { TableHead } from '../../ui/TableHead'

interface Props {
  list: Backups | null
  busy: boolean
  onRestore: (file: string) => void
}

/** The backups in the data folder's backups/, newest first: made here, or taken before an upgrade. */
export function BackupList({ list, busy, onRestore }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return (
    <section className="detail-section maintenance-panel" data-testid="backup-list">
      <div className="section-head">
        <h2>
          {t('maintenance.list.title')}
          {list && <span className="count-pill">{list.backups.length}</span>}
        </h2>
      </div>
      {list && <p className="muted panel-intro mono path-line">{list.folder}</p>}
      {!list && <StateMessage tone="loading" title={t('maintenance.list.loading')} />}
      {list && list.backups.length === 0 && <p className="muted">{t('maintenance.list.empty')}</p>}
      {list && list.backups.length > 0 && (
        <table className="data-table backups-table">
          <TableHead
            columns={[
              t('maintenance.list.when'),
              t('maintenance.list.kind'),
              { label: t('maintenance.size'), num: true },
              { label: t('maintenance.list.actions'), hidden: true }
            ]}
          />
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.file} data-testid="backup-row" data-file={b.file}>
                <td className="nowrap" title={b.name}>
                  {fmt.dateTime(b.createdAt)}
                </td>
                <td>{t(`maintenance.list.reasons.${b.reason}`)}</td>
                <td className="num nowrap">{fmt.bytes(b.bytes)}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small btn-quiet" disabled={busy} data-testid="backup-row-restore" onClick={() => onRestore(b.file)}>
                    {t('maintenance.list.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
