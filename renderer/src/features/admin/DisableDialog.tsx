import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorDetail } from '../../ui/ErrorDetail'

interface Props {
  account: Account
  onDone: (account: Account) => void
  onClose: () => void
}

/** Staff rotate out: the account stops signing in at once, and everything it did stays under its name. */
export function DisableDialog({ account, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setFailure(null)
    try {
      onDone(await api.invoke('users.disable', { username: account.username }))
    } catch (caught) {
      setFailure(toApiError(caught))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={t('admin.disable.title', { name: account.displayName })}
      testId="disable-dialog"
      onClose={onClose}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="disable-confirm" autoFocus>
            {t('admin.disable.confirm')}
          </button>
        </>
      }
    >
      <p>{t('admin.disable.body')}</p>
      {failure && (
        <p className="field-error" role="alert" data-testid="disable-failure">
          <ErrorDetail error={failure} />
        </p>
      )}
    </Dialog>
  )
}
