import { useTranslation } from 'react-i18next'
import type { Case, RecordDetail } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'

interface Props {
  target: Case
  onDone: (detail: RecordDetail) => void
  onClose: () => void
}

/** Taking a share back: the counterpart keeps only the fact and the reason, so the reason is required. */
export function WithdrawDialog({ target, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ConfirmDialog
      title={t('exchange.withdraw.title', { ref: target.ref })}
      name="withdraw"
      confirmLabel={t('exchange.withdraw.confirm')}
      reason={{ label: t('exchange.withdraw.reason'), requiredMessage: t('exchange.withdraw.reasonRequired'), missingTestId: 'error-withdraw-reason' }}
      onConfirm={async (reason) => onDone(await api.invoke('exchange.withdraw', { caseId: target.id, reason }))}
      onClose={onClose}
    >
      <p>{t('exchange.withdraw.body')}</p>
    </ConfirmDialog>
  )
}
