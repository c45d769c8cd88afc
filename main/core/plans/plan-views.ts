import type { Database, Statement } from 'better-sqlite3'
import type * as Y from 'yjs'
import type { Logger } from '../api/dispatcher'
import type { DocStore } from '../docs/doc-store'
import { parseDocName } from '../docs/doc-names'
import { cacheDerived, forgetChanged } from './plan-cache'
import { unrecordedAgreement } from './plan-signoff'
import { planIdOf, planSearchText, summarisePlan, type PlanSummary } from './plan-summary'

export type EditSource = 'local' | 'peer'

export interface PlanViewsOptions {
  db: Database
  store: DocStore
  /** Where a Yjs transaction's origin came from: this station (screens, its own actions) or the counterpart. */
  sourceOf(origin: unknown): EditSource
  log: Logger
  /** After the commit that made a plan agreed while no version records that agreement yet. */
  onAgreement(docName: string, contentHash: string): void
  /** After the row of a plan is rewritten for a change from the counterpart, inside the write that stores it. */
  onPeerChange?(summary: PlanSummary, transaction: Y.Transaction): void
}

const isPlan = (name: string) => parseDocName(name)?.kind === 'plan'

const searchLines = (text: string) => new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))

/**
 * Keeps the `plans` table and its search text in step with the plan documents. An observer on each loaded
 * plan rewrites its row after every Yjs transaction that changed it; such transactions run inside the
 * DocStore write that stores the update, so the row commits with the update or not at all. The search text
 * is kept one distinct line per row, and only lines that appeared or went are written: a keystroke in a
 * long plan touches one line of the index.
 */
export class PlanViews {
  private readonly stop: (() => void)[]
  private readonly agreements = new Map<string, string>()
  private readonly upsert: Statement
  private readonly timesOf: Statement
  private readonly linesOf: Statement
  private readonly deleteLine: Statement
  private readonly insertLine: Statement
  /** Per live document, the plan_text rows its search lines are stored in (reloaded with the document). */
  private lines = new WeakMap<Y.Doc, Map<string, number>>()

  constructor(private readonly options: PlanViewsOptions) {
    const { db, store } = options
    this.upsert = db.prepare(`
      INSERT INTO plans (id, doc, title, code_name, status, phase, period_from, period_to, area, origin_station, partner_station,
        more_stations, signoff, content_hash, tasks_total, tasks_open, created_at, updated_at, updated_from)
      VALUES (@id, @doc, @title, @codeName, @status, @phase, @periodFrom, @periodTo, @area, @originStation, @partnerStation,
        @moreStations, @signoff, @contentHash, @tasksTotal, @tasksOpen, @createdAt, @updatedAt, @updatedFrom)
      ON CONFLICT (doc) DO UPDATE SET title = excluded.title, code_name = excluded.code_name, status = excluded.status,
        phase = excluded.phase, period_from = excluded.period_from, period_to = excluded.period_to, area = excluded.area,
        origin_station = excluded.origin_station, partner_station = excluded.partner_station,
        more_stations = excluded.more_stations, signoff = excluded.signoff,
        content_hash = excluded.content_hash, tasks_total = excluded.tasks_total, tasks_open = excluded.tasks_open,
        created_at = excluded.created_at, updated_at = excluded.updated_at, updated_from = excluded.updated_from
      RETURNING seq`)
    this.timesOf = db.prepare('SELECT updated_at AS at, updated_from AS source FROM plans WHERE doc = ?')
    this.linesOf = db.prepare('SELECT id, text FROM plan_text WHERE plan_seq = ?')
    this.deleteLine = db.prepare('DELETE FROM plan_text WHERE id = ?')
    this.insertLine = db.prepare('INSERT INTO plan_text (plan_seq, text) VALUES (?, ?)')
    this.stop = [store.onLoad((name, doc) => this.observe(name, doc)), store.onUpdate((name) => this.committed(name))]
    this.rebuildIfIncomplete()
  }

  /** Recomputes every row from the documents in one transaction; last-edit times survive. */
  rebuild(): void {
    const { db, store } = this.options
    db.transaction(() => {
      const names = store.list('plan').map((d) => d.name)
      this.lines = new WeakMap()
      db.exec('DELETE FROM plan_text')
      db.prepare(`DELETE FROM plans WHERE doc NOT IN (SELECT name FROM docs WHERE kind = 'plan')`).run()
      for (const name of names) {
        const previous = this.timesOf.get(name) as { at: string; source: EditSource } | undefined
        let doc: Y.Doc
        try {
          doc = store.get(name)
        } catch (error) {
          // One damaged plan must not keep the station from opening: it stays out of the list until it loads.
          this.options.log(`Plan document ${name} could not be loaded; it is left out of the plan list`, error)
          continue
        }
        this.materialise(name, doc, previous ?? null)
      }
    })()
  }

  close(): void {
    for (const stop of this.stop) stop()
  }

  /** A plan received before this version of the station existed, or a crash before the first row: catch up once. */
  private rebuildIfIncomplete(): void {
    const { db } = this.options
    const missing = db
      .prepare(`SELECT count(*) FROM docs WHERE kind = 'plan' AND name NOT IN (SELECT doc FROM plans)`)
      .pluck()
      .get() as number
    if (missing > 0) this.rebuild()
  }

  private observe(name: string, doc: Y.Doc): void {
    if (!isPlan(name)) return
    cacheDerived(doc)
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      forgetChanged(transaction)
      // Rebuilding a past version splits items without changing anything: nothing to write.
      if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return
      const source = this.options.sourceOf(transaction.origin)
      const summary = this.materialise(name, doc, { at: new Date().toISOString(), source })
      if (source === 'peer') this.options.onPeerChange?.(summary, transaction)
    })
  }

  private materialise(name: string, doc: Y.Doc, edit: { at: string; source: EditSource } | null): PlanSummary {
    const s = summarisePlan(doc, planIdOf(name))
    const c = s.content
    const { seq } = this.upsert.get({
      id: s.id,
      doc: name,
      title: c.title,
      codeName: c.codeName,
      status: s.status,
      phase: c.phase,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      area: c.area,
      originStation: s.sides.originStation,
      partnerStation: s.sides.partnerStation,
      moreStations: JSON.stringify(s.sides.stations.filter((id) => id !== s.sides.originStation && id !== s.sides.partnerStation)),
      signoff: s.signoff.state,
      contentHash: s.signoff.contentHash,
      tasksTotal: c.tasks.length,
      tasksOpen: c.tasks.filter((t) => t.status === 'open' || t.status === 'in_progress').length,
      createdAt: s.sides.createdAt,
      updatedAt: edit?.at ?? s.sides.createdAt,
      updatedFrom: edit?.source ?? 'local'
    }) as { seq: number }
    this.writeLines(doc, seq, planSearchText(c))
    const agreement = unrecordedAgreement(doc, s.signoff)
    if (agreement) this.agreements.set(name, agreement)
    else this.agreements.delete(name)
    return s
  }

  private writeLines(doc: Y.Doc, seq: number, text: string): void {
    let stored = this.lines.get(doc)
    if (!stored) {
      stored = new Map((this.linesOf.all(seq) as { id: number; text: string }[]).map((r) => [r.text, r.id]))
      this.lines.set(doc, stored)
    }
    // Until this transaction commits, memory may be ahead of the database: a failure forgets it all.
    try {
      const wanted = searchLines(text)
      for (const [line, id] of stored) {
        if (wanted.has(line)) continue
        this.deleteLine.run(id)
        stored.delete(line)
      }
      for (const line of wanted) {
        if (!stored.has(line)) stored.set(line, Number(this.insertLine.run(seq, line).lastInsertRowid))
      }
    } catch (error) {
      this.lines.delete(doc)
      throw error
    }
  }

  private committed(name: string): void {
    const hash = this.agreements.get(name)
    if (hash === undefined) return
    this.agreements.delete(name)
    try {
      this.options.onAgreement(name, hash)
    } catch (error) {
      this.options.log(`Could not record the agreement on ${name}`, error)
    }
  }
}
