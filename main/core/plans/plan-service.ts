/**
 * The plan actions behind the API. Every change to a plan document happens inside one DocStore write, so
 * the document update, the materialised row, its search text and its audit entry commit together or not at all.
 */
import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import type {
  PlanContent,
  PlanCreateParsed,
  PlanDetail,
  PlanDiff,
  PlanEditParsed,
  PlanVersionInfo,
  PlanVersionView
} from '../../../preload/api'
import { ApiError, notFound } from '../api/api-error'
import type { Logger } from '../api/dispatcher'
import { planDocName } from '../docs/doc-names'
import type { DocStore } from '../docs/doc-store'
import type { StationIdentity } from '../identity/station-identity'
import type { CallContext } from '../users/connection'
import { editSummary, type PlanAudit } from './plan-audit'
import { planRoots } from '../../../preload/plan-layout'
import { readPlanContent, readPlanSides } from './plan-doc'
import { applyPlanEdits } from './plan-edits'
import { diffPlans } from './plan-diff'
import { contentHash } from './plan-hash'
import { agreedVersionId, restoreContent, saveVersion, storedVersions, versionDoc, VersionUnavailableError, type StoredVersion } from './plan-history'
import { paragraph } from './plan-notes'
import type { PlanQueries } from './plan-queries'
import { readSignoff, unrecordedAgreement, writeApproval } from './plan-signoff'
import { planIdOf, summarisePlan } from './plan-summary'
import { awarenessProblem, fromBase64, toBase64, updateProblem } from './plan-wire'

/** The origin of changes the station makes itself (typed edits, approvals, versions, restores). */
const STATION_ORIGIN = 'station'

export interface PlanServiceDeps {
  store: DocStore
  queries: PlanQueries
  identity: StationIdentity
  /** Station IDs of the paired stations. */
  pairedStations(): string[]
  sendAwareness(doc: string, update: Uint8Array): void
  emitAwareness(id: string, update: string, origin: string): void
  audit: PlanAudit
  log: Logger
}

/** Approvals and versions, entry by entry: a screen's edit must leave every one of them as it was. */
function signedRecords(doc: Y.Doc): Map<string, unknown> {
  const r = planRoots(doc)
  return new Map([
    ...[...r.signoff.entries()].map(([k, v]): [string, unknown] => [`signoff/${k}`, v]),
    ...[...r.versions.entries()].map(([k, v]): [string, unknown] => [`versions/${k}`, v])
  ])
}

// An entry rewritten with equal content is a new value too: screens have no reason to write these at all.
const sameRecords = (a: Map<string, unknown>, b: Map<string, unknown>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)

const sameDeletes = (a: Uint8Array | null, b: Uint8Array | null) => a === b || (a !== null && b !== null && Buffer.from(a).equals(b))

const refused = (path: string, message: string) => new ApiError('invalid_input', `${path}: ${message}`, [{ path, message }])

export class PlanService {
  private readonly self: string

  constructor(private readonly deps: PlanServiceDeps) {
    this.self = deps.identity.stationId
  }

  create(input: PlanCreateParsed, ctx: CallContext): PlanDetail {
    const { counterpart, counterparts, notes, ...fields } = input
    const paired = this.deps.pairedStations()
    if (counterpart && counterparts) throw refused('counterparts', 'name the counterparts in one list: counterpart or counterparts, not both')
    const chosen = [...new Set(counterparts ?? (counterpart ? [counterpart] : paired.length === 1 ? paired : []))]
    const path = counterparts ? 'counterparts' : 'counterpart'
    const stranger = chosen.find((id) => !paired.includes(id))
    if (stranger) throw refused(path, `${stranger} is not a paired station; pair it first`)
    // A plan with no counterpart is open to whichever pairs first: with several paired, that would be all of them.
    if (!chosen.length && paired.length > 1) throw refused('counterpart', `this station has ${paired.length} counterparts; choose the one this plan is with`)
    const [partner = '', ...more] = chosen
    const id = randomUUID()
    const name = planDocName(id)
    this.deps.store.write(() => {
      this.deps.store.ensure({ name, kind: 'plan', owner: null })
      const doc = this.deps.store.get(name)
      doc.transact(() => {
        const r = planRoots(doc)
        r.meta.set('status', 'draft')
        r.meta.set('originStation', this.self)
        r.meta.set('partnerStation', partner)
        if (more.length) r.meta.set('moreStations', more)
        r.meta.set('createdAt', ctx.now().toISOString())
        r.meta.set('createdBy', ctx.user)
        // One paragraph from the start: two screens opening an empty plan offline would each add their own.
        r.notes.insert(0, [paragraph('')])
        applyPlanEdits(doc, [{ op: 'set', fields }, ...(notes ? [{ op: 'notes.set' as const, text: notes }] : [])], this.editContext(ctx))
      }, STATION_ORIGIN)
      this.deps.audit.record('plan.create', ctx.user, id, doc, { counterpart: partner || null, ...(more.length ? { more } : {}) })
    })
    return this.detail(id)
  }

  detail(id: string): PlanDetail {
    const s = summarisePlan(this.doc(id), id)
    const item = this.deps.queries.item(id)
    return {
      id,
      ...s.content,
      status: s.status,
      ...s.sides,
      counterpart: item?.counterpart ?? null,
      lastEdit: item?.lastEdit ?? null,
      signoff: s.signoff,
      versions: s.versions
    }
  }

  edit(id: string, edits: PlanEditParsed[], ctx: CallContext): PlanDetail {
    this.deps.store.checkOwnEdit(this.nameOf(id))
    this.change(
      id,
      (doc) => applyPlanEdits(doc, edits, this.editContext(ctx)),
      (doc, _, before) =>
        this.deps.audit.record('plan.edit', ctx.user, id, doc, { via: 'typed', edits: editSummary(edits), contentHash: { before, after: contentHash(doc) } })
    )
    return this.detail(id)
  }

  /** What a replica with this state vector lacks; the whole document without one. */
  open(id: string, stateVector?: string): { id: string; state: string } {
    const doc = this.doc(id)
    try {
      return { id, state: toBase64(Y.encodeStateAsUpdateV2(doc, stateVector ? fromBase64(stateVector) : undefined)) }
    } catch {
      throw refused('stateVector', 'not a Yjs state vector')
    }
  }

  /**
   * Applies a screen's edit; a malformed update, or one built on changes this station lacks, is refused whole.
   * The first change of an editing session is audited (plan-audit.ts).
   */
  update(id: string, update: string, origin: string, ctx: CallContext): { contentHash: string } {
    const name = this.nameOf(id)
    const bytes = fromBase64(update)
    const problem = updateProblem(bytes)
    if (problem) this.refuseUpdate(id, origin, problem)
    this.deps.store.checkOwnEdit(name)
    let changed = false
    try {
      this.deps.store.write(() => {
        const doc = this.deps.store.get(name)
        const pending = { structs: doc.store.pendingStructs, ds: doc.store.pendingDs }
        const records = signedRecords(doc)
        // As materialised after the last change: hashing a long plan again on every keystroke would cost.
        const before = this.deps.queries.contentHash(id) ?? ''
        // Yjs announces an update only for a transaction that changed something.
        const onChange = () => (changed = true)
        doc.on('updateV2', onChange)
        try {
          Y.applyUpdateV2(doc, bytes, origin)
        } finally {
          doc.off('updateV2', onChange)
        }
        // Yjs rewrites a pending delete set (deletions from the peer of items not yet here) on every update it
        // applies: only new bytes in it mean this update deleted something the station lacks.
        const missing = doc.store.pendingStructs !== pending.structs || !sameDeletes(doc.store.pendingDs, pending.ds)
        if (missing) throw new ApiError('conflict', 'The update builds on changes this station does not hold; reopen the plan.')
        if (!sameRecords(records, signedRecords(doc))) {
          throw new ApiError('forbidden', 'A screen cannot change approvals or the version history directly; use approve, save version or restore.')
        }
        if (changed) this.deps.audit.screenEdit(id, doc, ctx.user, before)
      })
    } catch (error) {
      if (error instanceof ApiError) {
        this.deps.log(`Refused an update to plan ${id} from ${origin}: ${error.message}`)
        throw error
      }
      this.refuseUpdate(id, origin, (error as Error).message || 'it could not be applied')
    }
    if (changed) this.deps.audit.screenEditCommitted(id, ctx.user)
    return { contentHash: this.deps.queries.contentHash(id) ?? contentHash(this.doc(id)) }
  }

  /** Presence from a screen: to every screen here, and to the counterpart when the link is up. */
  awareness(id: string, update: string, origin: string): Record<string, never> {
    const name = this.nameOf(id)
    const bytes = fromBase64(update)
    const problem = awarenessProblem(bytes)
    if (problem) {
      this.deps.log(`Refused presence for plan ${id} from ${origin}: ${problem}`)
      throw refused('update', problem)
    }
    this.deps.emitAwareness(id, update, origin)
    this.deps.sendAwareness(name, bytes)
    return {}
  }

  /** Only supervisors reach this: the access gate's method table says who may approve. */
  approve(id: string, stateHash: string, ctx: CallContext): PlanDetail {
    this.change(
      id,
      (doc) => {
        const hash = contentHash(doc)
        if (hash !== stateHash) {
          throw new ApiError('conflict', 'The plan has changed since you reviewed it. Review the current version and approve again.')
        }
        const sides = readPlanSides(doc)
        // A plan made before its creator was paired with us names no partner yet: approving it makes us the partner.
        if (!sides.partnerStation && sides.originStation !== this.self) planRoots(doc).meta.set('partnerStation', this.self)
        else if (!sides.stations.includes(this.self)) {
          throw new ApiError('forbidden', `This plan is between ${sides.stations.join(', ')}; this station cannot approve it.`)
        }
        writeApproval(doc, id, this.deps.identity, hash, ctx.user, ctx.now().toISOString())
        this.recordAgreementIn(doc, id, ctx.now())
      },
      (doc) => this.deps.audit.record('plan.approve', ctx.user, id, doc, { signoff: readSignoff(doc, id, contentHash(doc), readPlanSides(doc)).state })
    )
    return this.detail(id)
  }

  saveVersion(id: string, name: string, ctx: CallContext): PlanVersionInfo {
    this.deps.store.checkOwnEdit(this.nameOf(id))
    return this.change(
      id,
      (doc) => saveVersion(doc, { id: `v-${randomUUID()}`, name, kind: 'manual', at: ctx.now().toISOString(), by: ctx.user, station: this.self }),
      (doc, version) => this.deps.audit.record('plan.version', ctx.user, id, doc, { versionId: version.id, name: version.name })
    )
  }

  version(id: string, versionId: string): PlanVersionView {
    const doc = this.doc(id)
    const version = this.storedVersion(doc, versionId)
    const { snapshot: _snapshot, ...info } = version
    return { version: info, plan: this.contentAt(doc, version) }
  }

  diff(id: string, from: string, to: string): PlanDiff {
    const doc = this.doc(id)
    const content = (ref: string) => (ref === 'current' ? readPlanContent(doc) : this.contentAt(doc, this.storedVersion(doc, ref)))
    return diffPlans(content(from), content(to), from, to)
  }

  /** Writes a past version's content over the current one as a new edit, after saving the current state as a version. */
  restore(id: string, versionId: string, ctx: CallContext): PlanDetail {
    this.deps.store.checkOwnEdit(this.nameOf(id))
    this.change(
      id,
      (doc) => {
        const version = this.storedVersion(doc, versionId)
        if (version.contentHash === contentHash(doc)) return null
        const at = ctx.now().toISOString()
        const saved = saveVersion(doc, { id: `v-${randomUUID()}`, name: version.name || version.id, kind: 'before-restore', at, by: ctx.user, station: this.self })
        const old = this.unavailableAsApiError(() => versionDoc(doc, version))
        try {
          restoreContent(doc, old)
        } finally {
          old.destroy()
        }
        return { version, saved }
      },
      (doc, restored, before) => {
        if (!restored) return
        this.deps.audit.record('plan.restore', ctx.user, id, doc, {
          versionId: restored.version.id,
          name: restored.version.name,
          savedVersionId: restored.saved.id,
          contentHash: { before, after: contentHash(doc) }
        })
      }
    )
    return this.detail(id)
  }

  /** Called after a commit made a plan agreed: records the agreement as a version unless it already is. */
  recordAgreement(docName: string): void {
    const id = planIdOf(docName)
    this.change(id, (doc) => this.recordAgreementIn(doc, id, new Date()))
  }

  // ---- internals -------------------------------------------------------------------------------------

  private recordAgreementIn(doc: Y.Doc, id: string, at: Date): void {
    const hash = unrecordedAgreement(doc, readSignoff(doc, id, contentHash(doc), readPlanSides(doc)))
    // Both stations may notice the same agreement; they write the same key, and one entry survives.
    if (hash) saveVersion(doc, { id: agreedVersionId(hash), name: '', kind: 'agreed', at: at.toISOString(), by: '', station: this.self })
  }

  private editContext(ctx: CallContext) {
    return { self: this.self, user: ctx.user, now: () => ctx.now().toISOString(), newId: () => randomUUID() }
  }

  private nameOf(id: string): string {
    const name = planDocName(id)
    if (this.deps.store.info(name)?.kind !== 'plan') throw notFound(`Plan ${id}`)
    return name
  }

  private doc(id: string): Y.Doc {
    const name = this.nameOf(id)
    try {
      return this.deps.store.get(name)
    } catch (error) {
      this.deps.log(`Plan ${id} could not be loaded`, error)
      throw new ApiError('unavailable', `Plan ${id} could not be loaded from this station's database (${(error as Error).message}).`)
    }
  }

  /**
   * One Yjs transaction in one SQLite transaction. `audited` writes the audit entry in the same SQLite
   * transaction, after the Yjs one (so the row and the content hash are current), given the hash `before` it.
   */
  private change<T>(id: string, fn: (doc: Y.Doc) => T, audited?: (doc: Y.Doc, result: T, before: string) => void): T {
    this.nameOf(id)
    return this.deps.store.write(() => {
      const doc = this.doc(id)
      const before = audited ? contentHash(doc) : ''
      let result: T
      doc.transact(() => {
        result = fn(doc)
      }, STATION_ORIGIN)
      audited?.(doc, result!, before)
      return result!
    })
  }

  private storedVersion(doc: Y.Doc, versionId: string): StoredVersion {
    const version = storedVersions(doc).find((v) => v.id === versionId)
    if (!version) throw notFound(`Version ${versionId}`)
    return version
  }

  private contentAt(doc: Y.Doc, version: StoredVersion): PlanContent {
    const old = this.unavailableAsApiError(() => versionDoc(doc, version))
    try {
      return readPlanContent(old)
    } finally {
      old.destroy()
    }
  }

  private unavailableAsApiError<T>(fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      if (error instanceof VersionUnavailableError) throw new ApiError('unavailable', `${error.message}.`)
      throw error
    }
  }

  private refuseUpdate(id: string, origin: string, problem: string): never {
    this.deps.log(`Refused an update to plan ${id} from ${origin}: ${problem}`)
    throw new ApiError('invalid_input', `update: ${problem}; nothing was applied and the plan is unchanged.`, [{ path: 'update', message: problem }])
  }
}
