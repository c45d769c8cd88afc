import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Case, RecordDetail } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { useLink } from '../../link/LinkContext'

interface Props {
  target: Case
  /** What is shared now: with more than one counterpart, the officer may withdraw it from some only. */
  shared: RecordDetail
  onDone: (detail: RecordDetail) => void
  onClose: () => void
}

/** Taking a share back: the counterpart keeps only the fact and the reason, so the reason is required. */
export function WithdrawDialog({ target, shared, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const { stationName } = useLink()
  const [from, setFrom] = useState<string[]>(shared.audience)
  const some = shared.audience.length > 1 && from.length < shared.audience.length
  const withdraw = async (reason: string) => {
    if (shared.audience.length > 1 && !from.length) throw new Error(t('exchange.audience.required'))
    onDone(await api.invoke('exchange.withdraw', { caseId: target.id, reason, ...(some ? { from } : {}) }))
  }
  return (
    <ConfirmDialog
      title={t('exchange.withdraw.title', { ref: target.ref })}
      name="withdraw"
      confirmLabel={t('exchange.withdraw.confirm')}
      reason={{ label: t('exchange.withdraw.reason'), requiredMessage: t('exchange.withdraw.reasonRequired'), missingTestId: 'error-withdraw-reason' }}
      onConfirm={withdraw}
      onClose={onClose}
    >
      <p>{t('exchange.withdraw.body')}</p>
      {shared.audience.length > 1 && (
        <fieldset className="audience-picker" data-testid="withdraw-from">
          <legend className="field-label">{t('exchange.withdraw.from')}</legend>
          <div className="audience-options">
            {shared.audience.map((id) => (
              <label key={id} className="audience-option" title={id}>
                <input
                  type="checkbox"
                  data-testid={`withdraw-from-${id}`}
                  checked={from.includes(id)}
                  onChange={(e) => setFrom((f) => (e.target.checked ? [...f, id] : f.filter((x) => x !== id)))}
                />
                <span>{stationName(id)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </ConfirmDialog>
  )
}
