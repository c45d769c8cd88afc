/**
 * Accounts, sign-in and station settings. Roles are ordered: a supervisor can do all an officer can,
 * an administrator all a supervisor can. The station checks the role on every call (main/core/users/method-access.ts).
 */
import { z } from 'zod'
import { Agency } from './cases'

export const ROLES = ['officer', 'supervisor', 'admin'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** The languages an officer can work in: English and the languages of the Mekong border countries. */
export const LANGUAGES = ['en', 'th', 'lo', 'km', 'vi', 'my', 'zh'] as const
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

export const MIN_PASSWORD_CHARS = 8
export const MAX_PASSWORD_CHARS = 200

/** Stored lower-case; letters, digits and . _ - so it reads the same in every script and log. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '2–40 characters: Latin letters, digits, dot, underscore or hyphen, starting with a letter or digit')

/** What a person types as a password: never trimmed (spaces count), length-checked only. */
export const NewPassword = z
  .string()
  .min(MIN_PASSWORD_CHARS, `at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `at most ${MAX_PASSWORD_CHARS} characters`)

const DisplayName = z.string().trim().min(1, 'required').max(100)

/** Sign-in form: only the length is checked here, so a wrong password is "wrong", not "invalid". */
export const LoginInput = z
  .object({
    username: z.string().trim().toLowerCase().min(1, 'required').max(100),
    password: z.string().min(1, 'required').max(MAX_PASSWORD_CHARS)
  })
  .strict()
export type LoginInput = z.input<typeof LoginInput>
export type LoginInputParsed = z.output<typeof LoginInput>

export const AccountInput = z
  .object({
    username: Username,
    displayName: DisplayName,
    agency: Agency,
    role: Role,
    language: Language.default('en'),
    password: NewPassword
  })
  .strict()
export type AccountInput = z.input<typeof AccountInput>
export type AccountInputParsed = z.output<typeof AccountInput>

/** The first administrator, created by whoever opens a new station (refused once an administrator exists). */
export const SetupInput = AccountInput.omit({ role: true })
export type SetupInput = z.input<typeof SetupInput>
export type SetupInputParsed = z.output<typeof SetupInput>

export const AccountUpdate = z
  .object({
    username: Username,
    displayName: DisplayName.optional(),
    agency: Agency.optional(),
    role: Role.optional(),
    language: Language.optional()
  })
  .strict()
export type AccountUpdate = z.input<typeof AccountUpdate>
export type AccountUpdateParsed = z.output<typeof AccountUpdate>

export const UsernameInput = z.object({ username: Username }).strict()
export const PasswordReset = z.object({ username: Username, password: NewPassword }).strict()
export const PasswordChange = z.object({ currentPassword: z.string().min(1, 'required').max(MAX_PASSWORD_CHARS), newPassword: NewPassword }).strict()
export const LanguageInput = z.object({ language: Language }).strict()
export const ResumeInput = z.object({ sessionToken: z.string().min(20).max(100) }).strict()

export const Account = z.object({
  username: z.string(),
  displayName: z.string(),
  agency: Agency,
  role: Role,
  language: Language,
  disabled: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastLoginAt: z.string().nullable()
})
export type Account = z.infer<typeof Account>

/** Who is signed in on this connection, and which methods the station will accept from them. */
export const SignedInUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
  agency: Agency.nullable(),
  language: Language,
  /** A local tool (the blo CLI) acting with the operating-system user's authority: never logs in. */
  system: z.boolean(),
  /** Every method this user may call: screens hide what is not here (the station refuses it anyway). */
  allowedMethods: z.array(z.string())
})
export type SignedInUser = z.infer<typeof SignedInUser>

export const AuthStatus = z.object({
  /** True until an administrator exists: the screens show the first-run setup instead of the sign-in. */
  needsSetup: z.boolean(),
  user: SignedInUser.nullable(),
  /** The account whose session on this connection locked after inactivity: the lock screen offers it first. */
  locked: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  lockAfterMinutes: z.number().int()
})
export type AuthStatus = z.infer<typeof AuthStatus>

export const Session = z.object({
  user: SignedInUser,
  /** Lets the same screen take the session back after its connection dropped (auth.resume); keep it in memory or sessionStorage only. */
  sessionToken: z.string(),
  lockAfterMinutes: z.number().int()
})
export type Session = z.infer<typeof Session>

export const MIN_LOCK_MINUTES = 1
export const MAX_LOCK_MINUTES = 24 * 60

export const Settings = z.object({
  /** A session unused this long locks: the next call gets `unauthenticated` and the screen shows the lock. */
  lockAfterMinutes: z.number().int()
})
export type Settings = z.infer<typeof Settings>

export const SettingsUpdate = z
  .object({
    lockAfterMinutes: z.number().int().min(MIN_LOCK_MINUTES).max(MAX_LOCK_MINUTES).optional()
  })
  .strict()
export type SettingsUpdate = z.input<typeof SettingsUpdate>

/**
 * Why a call got `unauthenticated`: its first issue is { path: 'auth', message: one of these }, so a screen can
 * say it in the officer's language. `too_many_attempts` adds { path: 'retryAfterSeconds', message: '<n>' }.
 */
export const AUTH_FAILURES = ['signed_out', 'idle_locked', 'account_disabled', 'wrong_credentials', 'too_many_attempts'] as const
export type AuthFailure = (typeof AUTH_FAILURES)[number]
