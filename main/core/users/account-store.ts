import type { Database, Statement } from 'better-sqlite3'
import type { Account, AccountInputParsed, AccountUpdateParsed, Agency, Language, Role } from '../../../preload/api'
import { ApiError, notFound } from '../api/api-error'
import type { AuditAction } from '../audit/audit-actions'
import type { AuditLog } from '../audit/audit-log'

export interface AccountRow {
  id: number
  username: string
  display_name: string
  agency: Agency
  role: Role
  language: Language
  password_hash: string
  password_changed_at: string
  disabled_at: string | null
  created_at: string
  created_by: string
  updated_at: string
  last_login_at: string | null
}

export const toAccount = (row: AccountRow): Account => ({
  username: row.username,
  displayName: row.display_name,
  agency: row.agency,
  role: row.role,
  language: row.language,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
  createdBy: row.created_by,
  lastLoginAt: row.last_login_at
})

/** The fields an administrator edits, as the audit trail shows them before and after. */
const PROFILE_FIELDS = { displayName: 'display_name', agency: 'agency', role: 'role', language: 'language' } as const

const userTarget = (row: { username: string; display_name: string }) => ({ type: 'user', id: row.username, label: row.display_name })

/**
 * The users table. Accounts are never deleted, only disabled, so every name in the case log and the audit
 * trail stays resolvable. Each change is audited in its own transaction; password hashes are made by the
 * caller beforehand (scrypt is slow and asynchronous, a transaction is neither).
 */
export class AccountStore {
  private readonly byName: Statement
  private readonly byIdStmt: Statement
  private readonly enabledAdmins: Statement

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly now: () => Date
  ) {
    this.byName = db.prepare('SELECT * FROM users WHERE username = ?')
    this.byIdStmt = db.prepare('SELECT * FROM users WHERE id = ?')
    this.enabledAdmins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?").pluck()
  }

  find(username: string): AccountRow | undefined {
    return this.byName.get(username) as AccountRow | undefined
  }

  byId(id: number): AccountRow | undefined {
    return this.byIdStmt.get(id) as AccountRow | undefined
  }

  hasAdministrator(): boolean {
    return (this.enabledAdmins.get(-1) as number) > 0
  }

  list(): Account[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY disabled_at IS NOT NULL, display_name, username').all() as AccountRow[]).map(toAccount)
  }

  /** `auth.setup` creates the first administrator and is refused once one exists (checked in the same transaction). */
  create(input: Omit<AccountInputParsed, 'password'>, passwordHash: string, by: string, action: Extract<AuditAction, 'user.create' | 'auth.setup'>): AccountRow {
    return this.db.transaction(() => {
      if (action === 'auth.setup' && this.hasAdministrator()) {
        throw new ApiError('conflict', 'This station already has an administrator: sign in, or ask an administrator for an account.')
      }
      const taken = this.find(input.username)
      if (taken) {
        throw new ApiError('conflict', `The username "${input.username}" is taken (by ${taken.display_name}${taken.disabled_at ? ', a disabled account' : ''}). Choose another.`, [
          { path: 'username', message: 'already taken' }
        ])
      }
      const at = this.now().toISOString()
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO users (username, display_name, agency, role, language, password_hash, password_changed_at, created_at, created_by, updated_at)
           VALUES (@username, @displayName, @agency, @role, @language, @passwordHash, @at, @at, @by, @at)`
        )
        .run({ ...input, passwordHash, at, by })
      const row = this.byId(Number(lastInsertRowid))!
      this.audit.record({
        actor: by,
        action,
        target: userTarget(row),
        detail: { after: { displayName: row.display_name, agency: row.agency, role: row.role, language: row.language } }
      })
      return row
    })()
  }

  update(input: AccountUpdateParsed, by: string): AccountRow {
    return this.db.transaction(() => {
      const row = this.existing(input.username)
      const before: Record<string, unknown> = {}
      const after: Record<string, unknown> = {}
      for (const [field, column] of Object.entries(PROFILE_FIELDS) as [keyof typeof PROFILE_FIELDS, (typeof PROFILE_FIELDS)[keyof typeof PROFILE_FIELDS]][]) {
        const value = input[field]
        if (value === undefined || value === row[column]) continue
        before[field] = row[column]
        after[field] = value
      }
      if (!Object.keys(after).length) return row
      if (after.role !== undefined && row.role === 'admin') this.keepAnAdministrator(row, 'change the role of')
      this.db
        .prepare(
          `UPDATE users SET display_name = @displayName, agency = @agency, role = @role, language = @language, updated_at = @at WHERE id = @id`
        )
        .run({
          id: row.id,
          displayName: input.displayName ?? row.display_name,
          agency: input.agency ?? row.agency,
          role: input.role ?? row.role,
          language: input.language ?? row.language,
          at: this.now().toISOString()
        })
      this.audit.record({ actor: by, action: 'user.update', target: userTarget(row), detail: { before, after } })
      return this.byId(row.id)!
    })()
  }

  setDisabled(username: string, disabled: boolean, by: string): AccountRow {
    return this.db.transaction(() => {
      const row = this.existing(username)
      if ((row.disabled_at !== null) === disabled) return row
      if (disabled) {
        if (row.username === by) throw new ApiError('conflict', 'You cannot disable your own account: ask another administrator.')
        if (row.role === 'admin') this.keepAnAdministrator(row, 'disable')
      }
      const at = this.now().toISOString()
      this.db.prepare('UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?').run(disabled ? at : null, at, row.id)
      this.audit.record({ actor: by, action: disabled ? 'user.disable' : 'user.enable', target: userTarget(row), detail: { role: row.role } })
      return this.byId(row.id)!
    })()
  }

  setPassword(username: string, passwordHash: string, by: string, action: Extract<AuditAction, 'user.password_reset' | 'user.password_change'>): AccountRow {
    return this.db.transaction(() => {
      const row = this.existing(username)
      const at = this.now().toISOString()
      this.db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?').run(passwordHash, at, at, row.id)
      this.audit.record({ actor: by, action, target: userTarget(row), detail: {} })
      return this.byId(row.id)!
    })()
  }

  /** The same password at today's cost: not a change anyone made, so not audited. */
  rehash(id: number, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id)
  }

  recordLogin(id: number, at: string): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id)
  }

  private existing(username: string): AccountRow {
    const row = this.find(username)
    if (!row) throw notFound(`The account "${username}"`)
    return row
  }

  /** A station with no working administrator could never again add users or pair: refuse to get there. */
  private keepAnAdministrator(row: AccountRow, verb: string): void {
    if (row.disabled_at === null && (this.enabledAdmins.get(row.id) as number) === 0) {
      throw new ApiError('conflict', `${row.display_name} is the only administrator: make another account an administrator before you ${verb} this one.`)
    }
  }
}
