import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'

interface Props {
  target: Case
  onDone: (updated: Case) => void
  onClose: () => void
}

/** Voiding is a recorded act, not a delete: it needs a reason and a deliberate second click. */
export function VoidDialog({ target, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ConfirmDialog
      title={t('detail.void.title', { ref: target.ref })}
      name="void"
      confirmLabel={t('detail.void.confirm')}
      reason={{ label: t('detail.void.reason'), requiredMessage: t('detail.void.reasonRequired'), missingTestId: 'error-reason' }}
      onConfirm={async (reason) => onDone(await api.invoke('cases.void', { id: target.id, expectedVersion: target.version, reason }))}
      describeError={(error) => (error.code === 'conflict' ? t('detail.changedMeanwhile') : null)}
      onClose={onClose}
    >
      <p>{t('detail.void.body')}</p>
    </ConfirmDialog>
  )
}
