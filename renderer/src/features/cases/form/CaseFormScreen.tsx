import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { ErrorDetail } from '../../../ui/ErrorDetail'
import { StateMessage } from '../../../ui/StateMessage'
import { useCase } from '../use-case'
import { CaseForm } from './CaseForm'

interface Props {
  /** Edit this case; without it, record a new one. */
  caseId?: string
  onSaved: (saved: Case) => void
  onCancel: () => void
}

export function CaseFormScreen({ caseId, onSaved, onCancel }: Props) {
  const { t } = useTranslation()
  const loaded = useCase(caseId ?? null)
  if (!caseId) return <CaseForm original={null} onSaved={onSaved} onCancel={onCancel} onReloadLatest={() => undefined} />
  if (loaded.error) {
    return (
      <StateMessage
        tone="error"
        title={t('detail.loadError')}
        body={<ErrorDetail error={loaded.error} />}
        action={
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.back')}
          </button>
        }
      />
    )
  }
  if (!loaded.data) return <StateMessage tone="loading" title={t('detail.loading')} />
  // Keyed by version: "load latest" remounts the form with the stored case, dropping the stale draft.
  return (
    <CaseForm
      key={loaded.data.version}
      original={loaded.data}
      onSaved={onSaved}
      onCancel={onCancel}
      onReloadLatest={loaded.reload}
    />
  )
}
