/**
 * Sync bundles fed to a station's import, mutated: bytes flipped, cut, inserted, repeated, spliced from another
 * bundle. Every one must be refused with one line (invalid_input, never an internal error) and change nothing:
 * the station's documents, views, bundle history and link memory hash the same before and after. Then bundles
 * that the paired sender really signed, with garbage inside (a compromised or buggy counterpart): those may be
 * refused or accepted, but the station stays up and answers every call.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BundleWriter } from '../../../main/core/bundle/bundle-container'
import { ENTRY, encodeEntry, type BundleManifest } from '../../../main/core/bundle/bundle-entries'
import { Rng } from '../../../main/core/cases/seed-data/random'
import { DATABASE_FILE } from '../../../main/core/db/database-file'
import { certificateDer, type StationIdentity } from '../../../main/core/identity/station-identity'
import { identityIn } from '../../helpers/identity-in'
import { openStation, systemConnection, type Station } from '../../../main/core/station'
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/api'

export interface BundleFuzzOptions {
  mutations: number
  signedGarbage: number
  seed: string
  workDir: string
  progress?(line: string): void
}

export interface BundleFuzzReport {
  mutations: number
  refused: number
  /** Mutated bundles that changed the receiving station: must be 0. */
  changes: number
  /** Calls that failed otherwise than with a clear refusal, or threw: must be 0. */
  crashes: number
  signedGarbage: { bundles: number; refused: number; accepted: number }
  /** A sample of the one-line refusals, by their first words. */
  reasons: Record<string, number>
  problems: string[]
}

const officer = systemConnection('Fuzzer')

async function must<M extends MethodName>(station: Station, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await station.dispatch(method, input, officer)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

const STATE_QUERIES = [
  'SELECT name, kind, owner FROM docs ORDER BY name',
  'SELECT doc, length(data) FROM doc_updates ORDER BY id',
  'SELECT doc, length(data) FROM doc_snapshots ORDER BY doc',
  'SELECT origin, record_id, revision FROM exchange_records ORDER BY origin, record_id',
  'SELECT origin, message_id, kind FROM exchange_messages ORDER BY origin, message_id',
  'SELECT bundle_id, direction FROM sync_bundles ORDER BY bundle_id, direction',
  'SELECT peer, doc, state_vector FROM sync_peer_docs ORDER BY peer, doc'
]

/** Everything a bundle import could change, as one hash. */
function stateOf(db: Database.Database): string {
  const hash = createHash('sha256')
  for (const sql of STATE_QUERIES) hash.update(JSON.stringify(db.prepare(sql).raw().all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))
  return hash.digest('hex')
}

function mutate(rng: Rng, bytes: Buffer, other: Buffer): Buffer {
  const at = () => rng.int(0, bytes.length - 1)
  switch (rng.int(0, 5)) {
    case 0: {
      const out = Buffer.from(bytes)
      for (let i = rng.int(1, 8); i > 0; i--) out[at()] ^= 1 << rng.int(0, 7)
      return out
    }
    case 1:
      return bytes.subarray(0, at())
    case 2: {
      const p = at()
      return Buffer.concat([bytes.subarray(0, p), Buffer.from(Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255))), bytes.subarray(p)])
    }
    case 3: {
      const p = at()
      const length = rng.int(1, Math.min(4096, bytes.length - p))
      return Buffer.concat([bytes.subarray(0, p + length), bytes.subarray(p, p + length), bytes.subarray(p + length)])
    }
    case 4: {
      // The head of one bundle with the tail of another to the same station, cut at the same offset.
      const p = rng.int(1, Math.min(bytes.length, other.length) - 1)
      return Buffer.concat([bytes.subarray(0, p), other.subarray(p)])
    }
    default: {
      const p = at()
      return Buffer.concat([bytes.subarray(0, p), bytes.subarray(p + rng.int(1, 256))])
    }
  }
}

function garbageEntries(rng: Rng, sender: string): Buffer[] {
  const random = (n: number) => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)))
  const docs = [`records/${sender}/2026-11`, `messages/${sender}/2026-11`, 'plan/0123456789abcdef', 'records/AAAA-BBBB/2026-11', '../../etc', 'x'.repeat(300)]
  const entries: Buffer[] = []
  for (let i = rng.int(0, 6); i > 0; i--) {
    const doc = rng.pick(docs)
    switch (rng.int(0, 3)) {
      case 0:
        entries.push(encodeEntry({ type: ENTRY.update, doc, flags: rng.int(0, 3), payload: random(rng.int(0, 2000)) }))
        break
      case 1:
        entries.push(encodeEntry({ type: ENTRY.holds, doc, fingerprint: { stateVector: random(rng.int(0, 40)), deleteHash: random(8) } }))
        break
      case 2:
        entries.push(random(rng.int(1, 300)))
        break
      default: {
        const head = Buffer.alloc(5)
        head.writeUInt8(rng.int(0, 255))
        head.writeUInt32BE(rng.int(0, 0xffffffff), 1)
        entries.push(head)
      }
    }
  }
  return entries
}

function writeSignedGarbage(file: string, rng: Rng, sender: StationIdentity, senderName: string, recipient: StationIdentity): void {
  const writer = new BundleWriter({ path: file, to: recipient.stationId, recipientCertificate: certificateDer(recipient), senderKeyPem: sender.keyPem })
  const manifest: BundleManifest = {
    bundleId: crypto.randomUUID(),
    from: sender.stationId,
    fromName: senderName,
    to: recipient.stationId,
    createdAt: new Date().toISOString(),
    basis: 'delta',
    certificate: Buffer.from(certificateDer(sender)).toString('base64')
  }
  if (rng.chance(0.9)) writer.write(encodeEntry({ type: ENTRY.manifest, manifest }))
  for (const entry of garbageEntries(rng, sender.stationId)) writer.write(entry)
  writer.finish()
}


export async function runBundleFuzz(options: BundleFuzzOptions): Promise<BundleFuzzReport> {
  const rng = new Rng(options.seed)
  const report: BundleFuzzReport = { mutations: 0, refused: 0, changes: 0, crashes: 0, signedGarbage: { bundles: 0, refused: 0, accepted: 0 }, reasons: {}, problems: [] }
  const dirs = { sender: join(options.workDir, 'sender'), receiver: join(options.workDir, 'receiver'), files: join(options.workDir, 'bundles') }
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true })
  const sender = openStation({ dataDir: dirs.sender, init: { name: 'Chiang Saen BLO', country: 'TH' }, log: () => undefined })
  let lastLogged = ''
  const receiver = openStation({
    dataDir: dirs.receiver,
    init: { name: 'Ton Pheung BLO', country: 'LA' },
    log: (message, error) => (lastLogged = `${message} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.slice(0, 600))
  })
  try {
    const senderId = (await must(sender, 'link.station', {})).stationId
    const receiverId = (await must(receiver, 'link.station', {})).stationId
    await must(sender, 'counterparts.add', { stationId: receiverId, address: '127.0.0.1:9', name: 'Ton Pheung BLO' })
    await must(receiver, 'counterparts.add', { stationId: senderId, address: '127.0.0.1:9', name: 'Chiang Saen BLO' })
    const hello = await must(sender, 'bundles.export', { to: receiverId, path: join(dirs.files, 'hello.blobundle') })
    await must(receiver, 'bundles.import', { file: hello.file })
    const answer = await must(receiver, 'bundles.export', { to: senderId, path: join(dirs.files, 'answer.blobundle') })
    await must(sender, 'bundles.import', { file: answer.file })
    for (let i = 0; i < 12; i++) {
      const c = await must(sender, 'cases.create', {
        occurredAt: `2026-11-${String(10 + i).padStart(2, '0')}T08:00:00+07:00`,
        category: 'wildlife',
        location: 'ท่าเรือเชียงแสน',
        summary: `ตัวนิ่มในกล่องผลไม้ ${i}`,
        items: [{ commodity: 'pangolin scales', quantity: 10 + i, unit: 'kg' }]
      })
      await must(sender, 'exchange.share', { caseId: c.id, fields: ['summary', 'items'] })
    }
    await must(sender, 'exchange.sendAlert', { subject: 'vehicle', text: 'Grey pickup heading for the pier', plate: 'ກຂ 1234' })
    const good = readFileSync((await must(sender, 'bundles.export', { to: receiverId, path: join(dirs.files, 'good.blobundle') })).file)
    await must(sender, 'exchange.sendRequest', { title: 'Boat owner?', text: 'Who owns the long-tail boat?' })
    const other = readFileSync((await must(sender, 'bundles.export', { to: receiverId, path: join(dirs.files, 'other.blobundle') })).file)

    const db = new Database(join(dirs.receiver, DATABASE_FILE), { readonly: true })
    try {
      const before = stateOf(db)
      const file = join(dirs.files, 'mutated.blobundle')
      for (let i = 0; i < options.mutations; i++) {
        const mutated = mutate(rng, good, other)
        // A splice inside the prefix both bundles share is simply the other bundle, which is valid.
        if (mutated.equals(good) || mutated.equals(other)) continue
        writeFileSync(file, mutated)
        report.mutations++
        try {
          const reply = await receiver.dispatch('bundles.import', { file }, officer)
          if (reply.ok) report.problems.push(`mutation ${i} was imported`)
          else if (reply.error.code !== 'invalid_input' || reply.error.message.includes('\n')) {
            report.crashes++
            report.problems.push(`mutation ${i}: ${reply.error.code}: ${reply.error.message.slice(0, 200)}`)
          } else {
            report.refused++
            const reason = reply.error.message.replace(/^\S+ /, '').split(/[,.;(:]/)[0].split(' ').slice(0, 5).join(' ')
            report.reasons[reason] = (report.reasons[reason] ?? 0) + 1
          }
        } catch (error) {
          report.crashes++
          report.problems.push(`mutation ${i} threw: ${String(error)}`)
        }
        if (stateOf(db) !== before) {
          report.changes++
          report.problems.push(`mutation ${i} changed the station`)
          break
        }
        if ((i + 1) % 1000 === 0) options.progress?.(`bundle fuzz: ${i + 1}/${options.mutations} mutations, ${report.refused} refused`)
      }
    } finally {
      db.close()
    }

    const senderIdentity = identityIn(dirs.sender)
    const receiverIdentity = identityIn(dirs.receiver)
    for (let i = 0; i < options.signedGarbage; i++) {
      const file = join(dirs.files, `signed-${i}.blobundle`)
      writeSignedGarbage(file, rng, senderIdentity, 'Chiang Saen BLO', receiverIdentity)
      report.signedGarbage.bundles++
      const reply = await receiver.dispatch('bundles.import', { file }, officer)
      if (reply.ok) report.signedGarbage.accepted++
      else if (reply.error.code === 'invalid_input') report.signedGarbage.refused++
      else {
        report.crashes++
        report.problems.push(`signed garbage ${i}: ${reply.error.code}: ${reply.error.message.slice(0, 200)} (station log: ${lastLogged})`)
      }
    }
    // Still answering, and the real bundle still goes in after all of it.
    const imported = await receiver.dispatch('bundles.import', { file: join(dirs.files, 'good.blobundle') }, officer)
    if (!imported.ok) report.problems.push(`the good bundle did not import after the fuzzing: ${imported.error.message} (station log: ${lastLogged})`)
    const received = await must(receiver, 'exchange.list', { box: 'received' })
    if (received.total !== 12) report.problems.push(`after the good bundle the receiver has ${received.total} records, not 12`)
  } finally {
    await sender.close()
    await receiver.close()
  }
  return report
}
