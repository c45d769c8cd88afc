import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from './auth-context'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { initials } from './initials'

/** Who is signed in on this workstation, in the header, with their password and signing out behind it. */
export function UserMenu() {
  const { t } = useTranslation()
  const { user, signOut } = useAuth()
  const [open, setOpen] = useState(false)
  const [changing, setChanging] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const escape = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('pointerdown', away)
    document.addEventListener('keydown', escape)
    return () => {
      document.removeEventListener('pointerdown', away)
      document.removeEventListener('keydown', escape)
    }
  }, [open])

  const role = t(`enums.accountRole.${user.role}`)
  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-menu-button"
        aria-haspopup="true"
        aria-expanded={open}
        data-testid="user-menu"
        title={`${user.displayName} (${user.username})`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="auth-avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name" data-testid="user-menu-name">
            {user.displayName}
          </span>
          <span className="user-menu-role" data-testid="user-menu-role" data-role={user.role}>
            {role}
          </span>
        </span>
      </button>
      {open && (
        <div className="user-menu-panel" data-testid="user-menu-panel">
          <div className="user-menu-who">
            <strong>{user.displayName}</strong>
            <span className="mono muted">{user.username}</span>
            <span className="muted">
              {role}
              {user.agency && ` · ${t(`enums.agency.${user.agency}`)}`}
            </span>
          </div>
          <div className="user-menu-actions">
            {!user.system && (
              <button
                type="button"
                className="btn btn-quiet"
                data-testid="change-password"
                onClick={() => {
                  setOpen(false)
                  setChanging(true)
                }}
              >
                {t('auth.menu.changePassword')}
              </button>
            )}
            <button type="button" className="btn" data-testid="sign-out" onClick={() => void signOut()}>
              {t('auth.menu.signOut')}
            </button>
          </div>
        </div>
      )}
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  )
}
