import type { HandlerMap } from '../api/dispatcher'
import { toAccount, type AccountStore } from './account-store'
import { accountUser, systemUser, type AuthService } from './auth-service'
import type { CallContext } from './connection'
import { hashPassword } from './password-hash'
import type { LoginThrottle } from './login-throttle'
import type { SessionStore } from './sessions'
import type { StationSettings } from './station-settings'

export type UserHandlers = Pick<
  HandlerMap,
  | 'auth.status'
  | 'auth.setup'
  | 'auth.login'
  | 'auth.resume'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'auth.setLanguage'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.disable'
  | 'users.enable'
  | 'users.resetPassword'
  | 'settings.get'
  | 'settings.update'
>

export interface UserHandlerDeps {
  auth: AuthService
  accounts: AccountStore
  sessions: SessionStore
  throttle: LoginThrottle
  settings: StationSettings
}

export function userHandlers({ auth, accounts, sessions, throttle, settings }: UserHandlerDeps): UserHandlers {
  const whoIs = (ctx: CallContext) => {
    if (ctx.connection.system) return systemUser(ctx.connection.system)
    const row = ctx.user ? accounts.find(ctx.user) : undefined
    return row ? accountUser(row) : null
  }
  return {
    'auth.status': (_, ctx) => auth.status(ctx.connection, whoIs(ctx)),
    'auth.setup': (input, ctx) => auth.setup(input, ctx.connection),
    'auth.login': (input, ctx) => auth.login(input, ctx.connection),
    'auth.resume': ({ sessionToken }, ctx) => auth.resume(sessionToken, ctx.connection),
    'auth.logout': (_, ctx) => auth.logout(ctx.connection),
    'auth.changePassword': ({ currentPassword, newPassword }, ctx) => auth.changePassword(currentPassword, newPassword, ctx),
    'auth.setLanguage': ({ language }, ctx) => {
      if (ctx.connection.system) return systemUser(ctx.connection.system)
      return accountUser(accounts.update({ username: ctx.user, language }, ctx.user))
    },
    'users.list': () => accounts.list(),
    'users.create': async ({ password, ...profile }, ctx) => toAccount(accounts.create(profile, await hashPassword(password), ctx.user, 'user.create')),
    'users.update': (input, ctx) => toAccount(accounts.update(input, ctx.user)),
    'users.disable': ({ username }, ctx) => {
      const row = accounts.setDisabled(username, true, ctx.user)
      sessions.endAllOf(row.id)
      return toAccount(row)
    },
    'users.enable': ({ username }, ctx) => toAccount(accounts.setDisabled(username, false, ctx.user)),
    'users.resetPassword': async ({ username, password }, ctx) => {
      const row = accounts.setPassword(username, await hashPassword(password), ctx.user, 'user.password_reset')
      // A new password is a fresh start: the lockout the officer hit is lifted, and old sessions end.
      throttle.clear(username)
      sessions.endAllOf(row.id)
      return toAccount(row)
    },
    'settings.get': () => settings.get(),
    'settings.update': (input, ctx) => settings.update(input, ctx.user)
  }
}
