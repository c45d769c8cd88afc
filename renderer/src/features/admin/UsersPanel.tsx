import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Account } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { useFormatters } from '../../i18n/format'
import { NATIVE_NAMES, type Language } from '../../i18n/languages'
import { FailureNote } from '../../ui/ErrorDetail'
import { StateMessage } from '../../ui/StateMessage'
import { TableHead } from '../../ui/TableHead'
import { useAuth } from '../auth/auth-context'
import { AccountDialog } from './AccountDialog'
import { DisableDialog } from './DisableDialog'
import { ResetPasswordDialog } from './ResetPasswordDialog'

type Editing = { kind: 'create' } | { kind: 'edit' | 'reset' | 'disable'; account: Account } | null
type Notice = { key: string; name: string }

/** Disabled accounts last: they stay listed (their work is theirs), but out of the way. */
const byStatus = (a: Account, b: Account) => Number(a.disabled) - Number(b.disabled)

/** Everyone who may sign in at this station; accounts are disabled, never deleted. */
export function UsersPanel() {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const { user } = useAuth()
  const [accounts, setAccounts] = useState<Account[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const request = useRef(0)

  const load = useCallback(() => {
    const mine = ++request.current
    api
      .invoke('users.list', {})
      .then((rows) => {
        if (mine !== request.current) return
        setAccounts([...rows].sort(byStatus))
        setError(null)
      })
      .catch((e: unknown) => mine === request.current && setError(toApiError(e)))
  }, [api])
  useEffect(load, [load])

  const done = (key: string) => (account: Account) => {
    setEditing(null)
    setNotice({ key, name: account.displayName })
    load()
  }

  const enable = (account: Account) => {
    setNotice(null)
    api
      .invoke('users.enable', { username: account.username })
      .then(done('admin.users.enabled'))
      .catch((e: unknown) => setError(toApiError(e)))
  }

  return (
    <section className="detail-section" data-testid="users-panel">
      <div className="section-head">
        <h2>
          {t('admin.users.title')}
          {accounts && <span className="count-pill">{accounts.length}</span>}
        </h2>
        <button type="button" className="btn btn-primary btn-small" data-testid="user-create" onClick={() => setEditing({ kind: 'create' })}>
          + {t('admin.users.add')}
        </button>
      </div>
      {notice && (
        <p className="ok-note" role="status" data-testid="users-notice">
          {t(notice.key, { name: notice.name })}
        </p>
      )}
      <FailureNote error={error} testId="users-error" />
      {!accounts && !error && <StateMessage tone="loading" title={t('admin.users.loading')} />}
      {accounts && (
        <table className="data-table users-table" data-testid="users-table">
          <TableHead
            columns={[
              t('account.displayName'),
              t('account.username'),
              t('account.agency'),
              t('account.role'),
              t('account.language'),
              t('admin.users.lastSignIn'),
              t('admin.users.status'),
              { label: t('admin.users.actions'), hidden: true }
            ]}
          />
          <tbody>
            {accounts.map((a) => (
              <tr key={a.username} className={a.disabled ? 'is-disabled' : undefined} data-testid="user-row" data-username={a.username} data-disabled={a.disabled}>
                <td>
                  <strong>{a.displayName}</strong>
                  {a.username === user.username && <span className="chip you-chip">{t('admin.users.you')}</span>}
                </td>
                <td className="mono">{a.username}</td>
                <td>{t(`enums.agency.${a.agency}`)}</td>
                <td>
                  <span className={`badge role-${a.role}`} data-testid="user-role">
                    {t(`enums.accountRole.${a.role}`)}
                  </span>
                </td>
                <td lang={a.language}>{NATIVE_NAMES[a.language as Language] ?? a.language}</td>
                <td className="nowrap">{a.lastLoginAt ? fmt.dateTime(a.lastLoginAt) : <span className="muted">{t('admin.users.never')}</span>}</td>
                <td>
                  <span className={`badge ${a.disabled ? 'badge-void' : 'account-active'}`} data-testid="user-status">
                    {t(a.disabled ? 'admin.users.disabled' : 'admin.users.active')}
                  </span>
                </td>
                <td className="row-actions">
                  <button type="button" className="btn btn-small btn-quiet" data-testid="user-edit" onClick={() => setEditing({ kind: 'edit', account: a })}>
                    {t('admin.users.edit')}
                  </button>
                  <button type="button" className="btn btn-small btn-quiet" data-testid="user-reset-password" onClick={() => setEditing({ kind: 'reset', account: a })}>
                    {t('admin.users.resetPassword')}
                  </button>
                  {a.disabled ? (
                    <button type="button" className="btn btn-small" data-testid="user-enable" onClick={() => enable(a)}>
                      {t('admin.users.enable')}
                    </button>
                  ) : (
                    a.username !== user.username && (
                      <button type="button" className="btn btn-small btn-danger-quiet" data-testid="user-disable" onClick={() => setEditing({ kind: 'disable', account: a })}>
                        {t('admin.users.disable')}
                      </button>
                    )
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing?.kind === 'create' && <AccountDialog onClose={() => setEditing(null)} onSaved={done('admin.users.created')} />}
      {editing?.kind === 'edit' && <AccountDialog account={editing.account} onClose={() => setEditing(null)} onSaved={done('admin.users.saved')} />}
      {editing?.kind === 'reset' && <ResetPasswordDialog account={editing.account} onClose={() => setEditing(null)} onDone={done('admin.users.passwordReset')} />}
      {editing?.kind === 'disable' && <DisableDialog account={editing.account} onClose={() => setEditing(null)} onDone={done('admin.users.disabledNotice')} />}
    </section>
  )
}
