/**
 * Sync bundles: what a counterpart lacks, carried one way on a stick, for stations with no link. Writing one is a
 * catch-up computed against what the counterpart last acknowledged (over the link or in a bundle), and carries
 * this station's own acknowledgement back; reading one checks everything before it changes anything, then applies
 * it in one transaction with the same rules as updates from a live session.
 */
import type { Database } from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { setImmediate as yieldToEvents } from 'node:timers/promises'
import * as Y from 'yjs'
import type {
  BundleContents,
  BundleExportInputParsed,
  BundleHistoryEntry,
  BundleImported,
  BundlePreview,
  BundleProgress,
  BundleWritten
} from '../../../preload/api'
import { ApiError } from '../api/api-error'
import type { AuditLog } from '../audit/audit-log'
import type { DocInfo } from '../docs/doc-info'
import type { DocStore } from '../docs/doc-store'
import type { CounterpartCertificates } from '../identity/counterpart-certificates'
import type { CounterpartRegistry } from '../identity/counterpart-registry'
import type { LinkEventKind } from '../identity/link-log'
import { certificateDer, type StationIdentity } from '../identity/station-identity'
import { stationIdFromCertificate } from '../identity/station-id'
import { EMPTY_FINGERPRINT, hasContentBeyond, isEmptyFingerprint, sameBytes, type DocFingerprint } from '../sync/doc-fingerprint'
import { FingerprintCache } from '../sync/fingerprint-cache'
import { RemoteOrigin } from '../sync/remote-origin'
import type { Scope } from '../sync/scope'
import type { SyncEngine } from '../sync/sync-engine'
import { compressUpdateOffThread, decompressUpdate } from '../sync/update-compression'
import { BundleReader, BundleRefusal, BundleWriter } from './bundle-container'
import { countUpdate, emptyContents } from './bundle-contents'
import { ENTRY, EntryError, EntryParser, encodeEntry, type BundleManifest, type Entry } from './bundle-entries'

/** A bundle larger than this is refused unread: the largest a week of a busy office produces is a few MB. */
export const DEFAULT_MAX_BUNDLE_BYTES = 512 * 1024 * 1024

export const BUNDLE_EXTENSION = '.blobundle'

export interface BundleDeps {
  db: Database
  store: DocStore
  identity: StationIdentity
  stationName: string
  peers: CounterpartRegistry
  certificates: CounterpartCertificates
  engine: SyncEngine
  scope: Scope
  audit: AuditLog
  log(peer: string | null, kind: LinkEventKind, detail: string): void
  progress(event: BundleProgress): void
  maxBytes?: number
}

/** One pass over a bundle: what it says it is, what it carries, and (for an import) the updates to apply. */
interface Read {
  manifest: BundleManifest
  certificate: Uint8Array
  contents: BundleContents
  held: [string, DocFingerprint][]
  bytes: number
}

const refusedAs = (error: unknown): ApiError =>
  new ApiError('invalid_input', (error as Error).message, [{ path: 'file', message: (error as Error).message }])

const stamp = (at: Date) => at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')

export class BundleService {
  private readonly maxBytes: number

  constructor(private readonly deps: BundleDeps) {
    this.maxBytes = deps.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES
  }

  private get self(): string {
    return this.deps.identity.stationId
  }

  // ---- writing ---------------------------------------------------------------------------------------

  async write({ to, path, full }: BundleExportInputParsed, by: string): Promise<BundleWritten> {
    const peer = this.deps.peers.get(to)
    if (!peer) throw new ApiError('invalid_input', `Station ${to} is not paired with this station; pair it first.`, [{ path: 'to', message: 'not paired' }])
    const createdAt = new Date()
    const file = this.target(path, to, createdAt)
    const recipientCertificate = this.deps.certificates.get(to)
    const known = this.deps.engine.knownHeld(to)
    const kind: BundleManifest['basis'] = !recipientCertificate ? 'introduction' : full || known.size === 0 ? 'full' : 'delta'
    const manifest: BundleManifest = {
      bundleId: randomUUID(),
      from: this.self,
      fromName: this.deps.stationName,
      to,
      createdAt: createdAt.toISOString(),
      basis: kind,
      certificate: Buffer.from(certificateDer(this.deps.identity)).toString('base64')
    }
    const contents = emptyContents()
    let writer: BundleWriter
    try {
      writer = new BundleWriter({ path: file, to, recipientCertificate, senderKeyPem: this.deps.identity.keyPem })
    } catch (error) {
      throw writeFailed(file, error)
    }
    try {
      writer.write(encodeEntry({ type: ENTRY.manifest, manifest }))
      if (kind !== 'introduction') await this.writeContent(writer, to, kind === 'full' ? new Map() : known, contents)
      writer.finish()
    } catch (error) {
      writer.abort()
      throw writeFailed(file, error)
    }
    const written: BundleWritten = { file, bundleId: manifest.bundleId, to, kind, bytes: writer.bytes, contents }
    this.remember('written', { ...written, peer: to, createdAt: manifest.createdAt }, by)
    this.deps.log(to, 'bundle-written', `${kind} bundle ${manifest.bundleId} written to ${file} (${writer.bytes} bytes)`)
    return written
  }

  /** Every update the counterpart lacks, then what this station holds of every document both share. */
  private async writeContent(writer: BundleWriter, to: string, known: ReadonlyMap<string, DocFingerprint>, contents: BundleContents): Promise<void> {
    const { store } = this.deps
    const fingerprints = new FingerprintCache(store)
    const docs = this.deps.scope.sentTo(to)
    let done = 0
    for (const info of docs) {
      const ours = fingerprints.of(info.name)
      const theirs = known.get(info.name) ?? EMPTY_FINGERPRINT
      // Deletions do not move the state vector: a different delete set is something to send too.
      const lacking = !isEmptyFingerprint(ours) && (hasContentBeyond(ours.stateVector, theirs.stateVector) || !sameBytes(ours.deleteHash, theirs.deleteHash))
      if (lacking) {
        const update = store.diff(info.name, theirs.stateVector)
        const packed = await compressUpdateOffThread(update)
        countUpdate(contents, info, update, packed.update.byteLength)
        writer.write(encodeEntry({ type: ENTRY.update, doc: info.name, flags: packed.flags, payload: packed.update }))
      } else {
        await yieldToEvents()
      }
      this.deps.progress({ to, docs: ++done, totalDocs: docs.length, bytes: writer.bytes })
    }
    for (const info of this.deps.scope.sharedWith(to)) {
      const ours = fingerprints.of(info.name)
      if (isEmptyFingerprint(ours)) continue
      writer.write(encodeEntry({ type: ENTRY.holds, doc: info.name, fingerprint: ours }))
      contents.acknowledged++
    }
  }

  /**
   * A folder gets a new file named for both stations and the time, never one already on the stick (two bundles
   * written within a second must both survive until read); a file path is used as it is.
   */
  private target(path: string, to: string, at: Date): string {
    const full = resolve(path)
    if (existsSync(full) && statSync(full).isDirectory()) {
      const base = `BLO-${this.self.slice(0, 4)}-to-${to.slice(0, 4)}-${stamp(at)}`
      let name = `${base}${BUNDLE_EXTENSION}`
      for (let n = 2; existsSync(join(full, name)); n++) name = `${base}-${n}${BUNDLE_EXTENSION}`
      return join(full, name)
    }
    if (!existsSync(dirname(full))) throw new ApiError('invalid_input', `The folder ${dirname(full)} does not exist; choose another place (is the stick inserted?).`, [{ path: 'path', message: 'no such folder' }])
    return full
  }

  // ---- reading ---------------------------------------------------------------------------------------

  inspect(file: string): BundlePreview {
    const path = resolve(file)
    const read = this.guarded(path, () => this.pass(path, null))
    return this.preview(path, read)
  }

  /** Checks the whole bundle first (no change), then applies it in one transaction; a second import changes nothing. */
  import(file: string, by: string): BundleImported {
    const path = resolve(file)
    const checked = this.guarded(path, () => this.pass(path, null))
    const preview = this.preview(path, checked)
    if (preview.importedAt) return { preview, imported: false, changedDocs: 0 }
    const from = checked.manifest.from
    const origin = new RemoteOrigin(from)
    const changed = new Set<string>()
    const off = this.deps.store.onUpdate((name, _update, o) => {
      if (o === origin) changed.add(name)
    })
    try {
      this.guarded(path, () =>
        this.deps.store.write(() => {
          // Read again inside the transaction: the file on a stick may have changed since it was checked, and
          // the signature checked at the end of this pass undoes everything applied in it if so.
          const read = this.pass(path, (info, update) => this.deps.store.receive(info, update, origin))
          if (read.manifest.bundleId !== checked.manifest.bundleId) throw new BundleRefusal(`${basename(path)} changed while it was being read.`)
          this.remember('imported', { ...preview, peer: from, file: path }, by)
        })
      )
    } finally {
      off()
    }
    this.deps.certificates.learn(from, checked.certificate, 'bundle')
    this.deps.engine.learnHeld(from, checked.held)
    this.deps.log(from, 'bundle-imported', `${checked.manifest.basis} bundle ${checked.manifest.bundleId} from ${basename(path)}: documents changed: ${changed.size}`)
    return { preview: { ...preview, importedAt: this.importedAt(checked.manifest.bundleId) }, imported: true, changedDocs: changed.size }
  }

  history(peer: string | undefined, limit: number): BundleHistoryEntry[] {
    const rows = this.deps.db
      .prepare(`SELECT * FROM sync_bundles ${peer ? 'WHERE peer = @peer' : ''} ORDER BY at DESC, rowid DESC LIMIT @limit`)
      .all({ peer, limit }) as HistoryRow[]
    return rows.map((r) => ({
      bundleId: r.bundle_id,
      direction: r.direction,
      peer: r.peer,
      kind: r.kind,
      file: r.file,
      bytes: r.bytes,
      createdAt: r.created_at,
      at: r.at,
      by: r.by,
      contents: JSON.parse(r.contents) as BundleContents
    }))
  }

  /** Runs a read; a refusal is logged and becomes one line for the caller, and nothing is kept of the attempt. */
  private guarded<T>(path: string, fn: () => T): T {
    try {
      return fn()
    } catch (error) {
      const refusal =
        error instanceof BundleRefusal
          ? error
          : error instanceof EntryError
            ? new BundleRefusal(`${basename(path)} cannot be read: ${error.message}. Ask the counterpart for a new bundle.`)
            : error instanceof ApiError
              ? null
              : new BundleRefusal(`${basename(path)} could not be imported: ${(error as Error).message}. Nothing was changed.`)
      if (!refusal) throw error
      this.deps.log(null, 'bundle-refused', refusal.message)
      throw refusedAs(refusal)
    }
  }

  /**
   * One pass: decrypt record by record, parse entries, check each against the manifest's sender; `apply` gets each
   * update when importing. The signature is checked last, over all of it.
   */
  private pass(path: string, apply: ((info: DocInfo, update: Uint8Array) => void) | null): Read {
    const reader = new BundleReader(path, { self: this.self, keyPem: this.deps.identity.keyPem, maxBytes: this.maxBytes })
    try {
      const parser = new EntryParser()
      let read: Omit<Read, 'bytes'> | null = null
      for (const record of reader.records()) {
        for (const entry of parser.feed(record)) read = this.take(read, entry, reader, apply, basename(path))
      }
      parser.end()
      if (!read) throw new BundleRefusal(`${basename(path)} holds nothing.`)
      reader.verify(read.certificate)
      return { ...read, bytes: reader.bytes }
    } finally {
      reader.close()
    }
  }

  private take(
    read: Omit<Read, 'bytes'> | null,
    entry: Entry,
    reader: BundleReader,
    apply: ((info: DocInfo, update: Uint8Array) => void) | null,
    name: string
  ): Omit<Read, 'bytes'> {
    if (!read) {
      if (entry.type !== ENTRY.manifest) throw new EntryError('it does not begin with its manifest')
      return { ...this.sender(entry.manifest, reader, name), contents: emptyContents(), held: [] }
    }
    const from = read.manifest.from
    if (entry.type === ENTRY.manifest) throw new EntryError('it has a second manifest')
    if (read.manifest.basis === 'introduction') throw new EntryError('an introduction carries nothing but the certificate')
    if (entry.type === ENTRY.update) {
      const info = this.deps.scope.writableBy(from, entry.doc)
      if (!info) throw new BundleRefusal(`${name} carries changes to ${entry.doc}, which station ${from} may not write; nothing was imported.`)
      const update = decompressUpdate(entry.flags, entry.payload)
      countUpdate(read.contents, info, update, entry.payload.byteLength)
      apply?.(info, update)
    } else {
      // What the sender holds matters only for what both share; anything else is not the sender's to say.
      if (!this.deps.scope.shares(from, entry.doc)) throw new EntryError(`it acknowledges ${entry.doc}, which the two stations do not share`)
      if (!wellFormed(entry.fingerprint)) throw new EntryError(`its acknowledgement of ${entry.doc} is damaged`)
      read.held.push([entry.doc, entry.fingerprint])
      read.contents.acknowledged++
    }
    return read
  }

  /** The manifest names a paired sender whose certificate it carries, and this station as the recipient. */
  private sender(manifest: BundleManifest, reader: BundleReader, name: string): Pick<Read, 'manifest' | 'certificate'> {
    if (manifest.to !== this.self || reader.header.to !== manifest.to) {
      throw new BundleRefusal(`${name} is addressed to station ${manifest.to}, not to this station (${this.self}).`)
    }
    if ((manifest.basis === 'introduction') !== (reader.header.sealing === 'introduction')) throw new EntryError('its manifest and its sealing disagree')
    if (!this.deps.peers.get(manifest.from)) {
      throw new BundleRefusal(`${name} is from station ${manifest.from}, which is not paired with this station (or was unpaired); pair it first if it should be.`
      )
    }
    const certificate = new Uint8Array(Buffer.from(manifest.certificate, 'base64'))
    let id: string
    try {
      id = stationIdFromCertificate(certificate)
    } catch {
      throw new EntryError('the sender certificate is damaged')
    }
    if (id !== manifest.from) throw new BundleRefusal(`${name} carries a certificate that is not station ${manifest.from}'s.`)
    return { manifest, certificate }
  }

  private preview(path: string, read: Read): BundlePreview {
    const { manifest } = read
    return {
      file: path,
      bundleId: manifest.bundleId,
      from: manifest.from,
      fromName: this.deps.peers.get(manifest.from)?.name || manifest.fromName,
      to: manifest.to,
      createdAt: manifest.createdAt,
      kind: manifest.basis,
      bytes: read.bytes,
      contents: read.contents,
      importedAt: this.importedAt(manifest.bundleId)
    }
  }

  private importedAt(bundleId: string): string | null {
    return (this.deps.db.prepare(`SELECT at FROM sync_bundles WHERE bundle_id = ? AND direction = 'imported'`).pluck().get(bundleId) as string | undefined) ?? null
  }

  /** The history row, the audit entry, together. */
  private remember(direction: 'written' | 'imported', b: Omit<BundleHistoryEntry, 'direction' | 'at' | 'by'>, by: string): void {
    const at = new Date().toISOString()
    const { db } = this.deps
    db.transaction(() => {
      db.prepare(
        `INSERT INTO sync_bundles (bundle_id, direction, peer, kind, file, bytes, created_at, at, by, contents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(b.bundleId, direction, b.peer, b.kind, b.file, b.bytes, b.createdAt, at, by, JSON.stringify(b.contents))
      this.deps.audit.record({
        actor: by,
        action: direction === 'written' ? 'bundle.write' : 'bundle.import',
        target: { type: 'peer', id: b.peer, label: this.deps.peers.get(b.peer)?.name ?? '' },
        detail: { bundleId: b.bundleId, kind: b.kind, file: b.file, bytes: b.bytes, contents: b.contents }
      })
    })()
  }
}

interface HistoryRow {
  bundle_id: string
  direction: 'written' | 'imported'
  peer: string
  kind: BundleManifest['basis']
  file: string
  bytes: number
  created_at: string
  at: string
  by: string
  contents: string
}

/** A state vector that decodes whole, and a delete-set hash of the length fingerprints have. */
function wellFormed({ stateVector, deleteHash }: DocFingerprint): boolean {
  if (deleteHash.byteLength !== EMPTY_FINGERPRINT.deleteHash.byteLength) return false
  try {
    const clocks = Y.decodeStateVector(stateVector)
    return Y.encodeStateVector(clocks).byteLength === stateVector.byteLength
  } catch {
    return false
  }
}

/** A write that failed part way (a stick pulled, a full disk) left nothing under the bundle's name. */
function writeFailed(file: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
  return new ApiError(
    'unavailable',
    `The bundle could not be written to ${file} (${code}): the drive was removed, is full or is read-only. Nothing was left under that name; insert the drive and write the bundle again.`
  )
}
