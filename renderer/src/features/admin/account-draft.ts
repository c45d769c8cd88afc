import type { z } from 'zod'
import {
  AccountInput,
  AccountUpdate,
  MIN_PASSWORD_CHARS,
  NewPassword,
  SetupInput,
  type Account,
  type Agency,
  type Role
} from '../../../../preload/api'
import type { FieldErrors } from '../../ui/field-error'
import { errorsFromZod } from '../cases/form/field-errors'

/** The account form as typed: selects may still be empty, the password is typed twice. */
export interface AccountDraft {
  username: string
  displayName: string
  agency: Agency | ''
  role: Role | ''
  language: string
  password: string
  confirm: string
}

/** setup: the first administrator (no role to choose); create: a new account; edit: everything but name and password. */
export type AccountFormMode = 'setup' | 'create' | 'edit'

export const emptyAccountDraft = (language: string): AccountDraft => ({
  username: '',
  displayName: '',
  agency: '',
  role: '',
  language,
  password: '',
  confirm: ''
})

export const draftOf = ({ username, displayName, agency, role, language }: Account): AccountDraft => ({
  username,
  displayName,
  agency,
  role,
  language,
  password: '',
  confirm: ''
})

type Issue = z.core.$ZodIssue

/** The rules people trip over get their own words; the rest say what errorsFromZod says for any form. */
export function accountErrors(issues: readonly Issue[], input: unknown): FieldErrors {
  const into: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.join('.')
    if (into[path]) continue
    if (path === 'username' && issue.code === 'invalid_format') into[path] = { key: 'account.usernameRule' }
    else if (path === 'password' && issue.code === 'too_small') into[path] = { key: 'account.passwordRule', params: { min: MIN_PASSWORD_CHARS } }
  }
  return errorsFromZod(issues, input, into)
}

/** The same password twice, checked here: the station never sees the second copy. */
export function passwordErrors(password: string, confirm: string): FieldErrors {
  const parsed = NewPassword.safeParse(password)
  if (!parsed.success) return accountErrors(parsed.error.issues.map((issue) => ({ ...issue, path: ['password'] })), { password })
  return password === confirm ? {} : { confirm: { key: 'account.passwordsDiffer' } }
}

const optional = <T extends string>(value: T | ''): T | undefined => (value === '' ? undefined : value)

type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors }

/** A select left empty counts as missing, not as invalid; the password is checked against its second copy. */
function check<S extends z.ZodType>(schema: S, input: Record<string, unknown>, passwords: AccountDraft | null): Checked<z.input<S>> {
  const parsed = schema.safeParse(input)
  const errors = parsed.success ? {} : accountErrors(parsed.error.issues, input)
  const all = passwords ? { ...passwordErrors(passwords.password, passwords.confirm), ...errors } : errors
  return Object.keys(all).length ? { ok: false, errors: all } : { ok: true, input: input as z.input<S> }
}

const profile = (d: AccountDraft) => ({ username: d.username, displayName: d.displayName, agency: optional(d.agency), language: d.language })

export const setupInput = (d: AccountDraft) => check(SetupInput, { ...profile(d), password: d.password }, d)
export const createInput = (d: AccountDraft) => check(AccountInput, { ...profile(d), role: optional(d.role), password: d.password }, d)
export const updateInput = (d: AccountDraft) => check(AccountUpdate, { ...profile(d), role: optional(d.role) }, null)
