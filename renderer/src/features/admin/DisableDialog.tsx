import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

interface Props {
  account: Account
  onDone: (account: Account) => void
  onClose: () => void
}

/** Staff rotate out: the account stops signing in at once, and everything it did stays under its name. */
export function DisableDialog({ account, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ConfirmDialog
      title={t('admin.disable.title', { name: account.displayName })}
      name="disable"
      confirmLabel={t('admin.disable.confirm')}
      onConfirm={async () => onDone(await api.invoke('users.disable', { username: account.username }))}
      onClose={onClose}
    >
      <p>{t('admin.disable.body')}</p>
    </ConfirmDialog>
  )
}
