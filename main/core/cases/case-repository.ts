import type { Database, Statement } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import {
  NEXT_STATUS,
  type Case,
  type CaseInputParsed,
  type CaseStatus,
  type CaseVersion
} from '../../../preload/api'
import { ApiError, notFound } from '../api/api-error'
import type { AuditLog } from '../audit/audit-log'
import { fieldChanges } from '../audit/change-summary'
import { searchableText } from './case-text'

type ChangeKind = CaseVersion['change']

interface CaseRow {
  seq: number
  version: number
  change: ChangeKind
  change_note: string
  data: string
}

export interface Actor {
  user: string
  /** Injected so imports and tests can fix the clock. */
  now?: () => Date
}

const toUtc = (iso: string) => new Date(iso).toISOString()

/** What the station keeps on a case beside what the officer typed; an edit's audit entry leaves these out. */
const WORKFLOW_FIELDS = ['id', 'ref', 'version', 'status', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'statusHistory', 'voided'] as const

const caseTarget = (c: Case) => ({ type: 'case', id: c.id, label: c.ref })

/** The audit entry's particulars for each kind of change. */
function changeDetail(kind: Exclude<ChangeKind, 'create'>, before: Case, after: Case, note: string): Record<string, unknown> {
  const versions = { before: before.version, after: after.version }
  switch (kind) {
    case 'edit':
      return { version: versions, changes: fieldChanges(before, after, WORKFLOW_FIELDS) }
    case 'status':
      return { version: versions, status: { before: before.status, after: after.status }, note }
    case 'void':
      return { version: versions, reason: note }
  }
}

/**
 * The case log. Every write is one transaction that keeps the previous version, so history can always
 * be read back and nothing is overwritten silently; voiding is a recorded change, never a row removal.
 */
export class CaseRepository {
  private readonly insertCase: Statement
  private readonly updateRow: Statement
  private readonly insertVersion: Statement
  private readonly insertText: Statement
  private readonly deleteText: Statement
  private readonly byId: Statement
  private readonly nextRef: Statement

  constructor(
    private readonly db: Database,
    private readonly refPrefix: () => string,
    private readonly audit: AuditLog
  ) {
    this.insertCase = db.prepare(`
      INSERT INTO cases (id, ref, version, status, category, agency, occurred_at, updated_at, voided, change, change_note, data)
      VALUES (@id, @ref, @version, @status, @category, @agency, @occurredAt, @updatedAt, @voided, @change, @note, @data)`)
    this.updateRow = db.prepare(`
      UPDATE cases SET version = @version, status = @status, category = @category, agency = @agency,
        occurred_at = @occurredAt, updated_at = @updatedAt, voided = @voided, change = @change, change_note = @note, data = @data
      WHERE seq = @seq`)
    this.insertVersion = db.prepare(
      'INSERT INTO case_versions (case_seq, version, change, note, data) VALUES (?, ?, ?, ?, ?)'
    )
    this.insertText = db.prepare('INSERT INTO cases_fts (rowid, text) VALUES (?, ?)')
    this.deleteText = db.prepare('DELETE FROM cases_fts WHERE rowid = ?')
    this.byId = db.prepare('SELECT seq, version, change, change_note, data FROM cases WHERE id = ?')
    // Refs count per year of entry: "TH-2026-000042" is what an officer reads out on the phone.
    this.nextRef = db.prepare(`
      INSERT INTO meta (key, value) VALUES (?, '1')
      ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
      RETURNING value`)
  }

  create(input: CaseInputParsed, actor: Actor): Case {
    return this.db.transaction(() => {
      const c = this.insert(input, actor)
      this.audit.record({
        actor: actor.user,
        action: 'case.create',
        target: caseTarget(c),
        detail: { category: c.category, agency: c.agency, occurredAt: c.occurredAt, location: c.location }
      })
      return c
    })()
  }

  /** Bulk path for imports and seeding: one transaction per batch instead of one per case. */
  createMany(inputs: Iterable<CaseInputParsed>, actor: Actor, batchSize = 5000, onProgress?: (done: number) => void): number {
    let done = 0
    let batch: CaseInputParsed[] = []
    // One audit entry per batch (not per case), naming the refs it created.
    const flush = this.db.transaction((cases: CaseInputParsed[]) => {
      const refs = cases.map((input) => this.insert(input, actor).ref)
      this.audit.record({ actor: actor.user, action: 'case.import', target: null, detail: { count: refs.length, firstRef: refs[0], lastRef: refs[refs.length - 1] } })
    })
    for (const input of inputs) {
      batch.push(input)
      if (batch.length >= batchSize) {
        flush(batch)
        done += batch.length
        batch = []
        onProgress?.(done)
      }
    }
    if (batch.length) {
      flush(batch)
      done += batch.length
      onProgress?.(done)
    }
    return done
  }

  get(id: string): Case {
    return JSON.parse(this.row(id).data) as Case
  }

  history(id: string): CaseVersion[] {
    const current = this.row(id)
    const older = this.db
      .prepare('SELECT version, change, note, data FROM case_versions WHERE case_seq = ? ORDER BY version')
      .all(current.seq) as { version: number; change: ChangeKind; note: string; data: string }[]
    return [...older, { ...current, note: current.change_note }].map((v) => {
      const snapshot = JSON.parse(v.data) as Case
      return { version: v.version, change: v.change, at: snapshot.updatedAt, by: snapshot.updatedBy, note: v.note, snapshot }
    })
  }

  update(id: string, expectedVersion: number, input: CaseInputParsed, actor: Actor): Case {
    return this.change(id, expectedVersion, actor, 'edit', '', (current) => {
      if (current.voided) throw new ApiError('conflict', 'This case has been voided and can no longer be edited.')
      return { ...workflowOf(current), ...input }
    })
  }

  setStatus(id: string, expectedVersion: number, status: CaseStatus, note: string, actor: Actor): Case {
    return this.change(id, expectedVersion, actor, 'status', note, (current, at) => {
      if (current.voided) throw new ApiError('conflict', 'This case has been voided; its status can no longer change.')
      if (!NEXT_STATUS[current.status].includes(status)) {
        throw new ApiError('invalid_input', `A case that is "${current.status}" cannot move to "${status}".`, [
          { path: 'status', message: `allowed next: ${NEXT_STATUS[current.status].join(', ')}` }
        ])
      }
      return { ...current, status, statusHistory: [...current.statusHistory, { status, at, by: actor.user, note }] }
    })
  }

  void(id: string, expectedVersion: number, reason: string, actor: Actor): Case {
    return this.change(id, expectedVersion, actor, 'void', reason, (current, at) => {
      if (current.voided) throw new ApiError('conflict', 'This case is already void.')
      return { ...current, voided: { at, by: actor.user, reason } }
    })
  }

  private row(id: string): CaseRow {
    const row = this.byId.get(id) as CaseRow | undefined
    if (!row) throw notFound(`Case ${id}`)
    return row
  }

  private insert(input: CaseInputParsed, actor: Actor): Case {
    const at = (actor.now?.() ?? new Date()).toISOString()
    const year = at.slice(0, 4)
    const prefix = this.refPrefix()
    const { value } = this.nextRef.get(`ref_seq:${prefix}:${year}`) as { value: string }
    const c: Case = {
      id: randomUUID(),
      ref: `${prefix}-${year}-${value.padStart(6, '0')}`,
      version: 1,
      status: 'open',
      createdAt: at,
      createdBy: actor.user,
      updatedAt: at,
      updatedBy: actor.user,
      statusHistory: [{ status: 'open', at, by: actor.user, note: '' }],
      voided: null,
      ...input
    }
    const { lastInsertRowid } = this.insertCase.run(this.params(c, 'create', ''))
    this.insertText.run(lastInsertRowid, searchableText(c))
    return c
  }

  private change(
    id: string,
    expectedVersion: number,
    actor: Actor,
    kind: Exclude<ChangeKind, 'create'>,
    note: string,
    apply: (current: Case, at: string) => Case
  ): Case {
    return this.db.transaction(() => {
      const row = this.row(id)
      if (row.version !== expectedVersion) {
        throw new ApiError(
          'conflict',
          `Case was changed by someone else (you edited version ${expectedVersion}, it is now at version ${row.version}). Reload it and apply your change again.`
        )
      }
      const current = JSON.parse(row.data) as Case
      const at = (actor.now?.() ?? new Date()).toISOString()
      const next: Case = { ...apply(current, at), version: row.version + 1, updatedAt: at, updatedBy: actor.user }
      this.insertVersion.run(row.seq, row.version, row.change, row.change_note, row.data)
      this.updateRow.run({ ...this.params(next, kind, note), seq: row.seq })
      this.deleteText.run(row.seq)
      this.insertText.run(row.seq, searchableText(next))
      this.audit.record({ actor: actor.user, action: `case.${kind}`, target: caseTarget(next), detail: changeDetail(kind, current, next, note) })
      return next
    })()
  }

  private params(c: Case, change: ChangeKind, note: string) {
    return {
      id: c.id,
      ref: c.ref,
      version: c.version,
      status: c.status,
      category: c.category,
      agency: c.agency,
      occurredAt: toUtc(c.occurredAt),
      updatedAt: c.updatedAt,
      voided: c.voided ? 1 : 0,
      change,
      note,
      data: JSON.stringify(c)
    }
  }
}

/** What the station owns on a case; an edit replaces everything else, so a field the officer cleared is gone. */
function workflowOf(c: Case) {
  const { id, ref, version, status, createdAt, createdBy, updatedAt, updatedBy, statusHistory, voided } = c
  return { id, ref, version, status, createdAt, createdBy, updatedAt, updatedBy, statusHistory, voided }
}
