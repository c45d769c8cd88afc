/**
 * Sync bundles between real stations with no socket at all: introductions, a sealed round trip that converges
 * and clears "waiting" on both sides, idempotent and out-of-order imports, and every refusal leaving the
 * database as it was.
 */
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { BundleWriter } from '../../main/core/bundle/bundle-container'
import { ENTRY, encodeEntry } from '../../main/core/bundle/bundle-entries'
import { DATABASE_FILE } from '../../main/core/db/database-file'
import { certificateDer } from '../../main/core/identity/station-identity'
import type { Station } from '../../main/core/station'
import type { MethodInput } from '../../preload/api'
import { identityIn } from '../helpers/identity-in'
import { call, methCase, officer, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

const OFFICES = {
  chiangSaen: { name: 'Chiang Saen BLO', country: 'TH', crossing: 'Chiang Saen – Ton Pheung' },
  tonPheung: { name: 'Ton Pheung BLO', country: 'LA', crossing: 'Ton Pheung – Chiang Saen' },
  tachileik: { name: 'Tachileik BLO', country: 'MM', crossing: 'Tachileik – Mae Sai' }
}

interface Office {
  station: Station
  id: string
  dir: string
  name: string
}

async function open(dir: string, init: (typeof OFFICES)[keyof typeof OFFICES], maxBundleBytes?: number): Promise<Office> {
  const station = openTestStation(dir, { init, ...(maxBundleBytes ? { maxBundleBytes } : {}) })
  const { stationId } = await call(station, 'link.station', {})
  return { station, id: stationId, dir, name: init.name }
}

const pair = (a: Office, b: Office) => call(a.station, 'counterparts.add', { stationId: b.id, address: '127.0.0.1:9', name: b.name })

/** A bundle from `from` to `to`, written into `from`'s folder. */
const write = (from: Office, to: Office, name: string, extra: Partial<MethodInput<'bundles.export'>> = {}) =>
  call(from.station, 'bundles.export', { to: to.id, path: join(from.dir, name), ...extra })

async function refusal(office: Office, method: 'bundles.import' | 'bundles.inspect', file: string): Promise<string> {
  const reply = await office.station.dispatch(method, { file }, officer)
  if (reply.ok) throw new Error(`${method} accepted ${file}`)
  expect(reply.error.code).toBe('invalid_input')
  return reply.error.message
}

/** Everything a bundle could change, to compare before and after a refusal. */
async function state(office: Office) {
  const received = await call(office.station, 'exchange.list', { box: 'received' })
  const alerts = await call(office.station, 'exchange.list', { box: 'alerts' })
  const history = await call(office.station, 'bundles.history', {})
  const status = await call(office.station, 'link.status', {})
  return { received: received.total, alerts: alerts.total, history: history.length, pending: status.peers.map((p) => [p.stationId, p.pendingDocs]) }
}

function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false
  const dir = mkdtempSync(join(tmpdir(), 'blo-mount-probe-'))
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir]).status === 0
  if (mounted) spawnSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
  return mounted
}

const pendingFor = async (office: Office, peer: Office) => (await call(office.station, 'link.status', {})).peers.find((p) => p.stationId === peer.id)!.pendingDocs

/** A and B paired both ways and introduced by bundles (each learns the other's key), so later bundles are sealed. */
async function acquaint(a: Office, b: Office): Promise<void> {
  await pair(a, b)
  await pair(b, a)
  await introduce(a, b)
}

async function introduce(a: Office, b: Office): Promise<void> {
  const hello = await write(a, b, 'intro-a.blobundle')
  expect(hello.kind).toBe('introduction')
  await call(b.station, 'bundles.import', { file: hello.file })
  const answer = await write(b, a, 'answer-b.blobundle')
  expect(answer.kind).toBe('full')
  await call(a.station, 'bundles.import', { file: answer.file })
}

describe('sync bundles', () => {
  const tempDir = useTempDirs()

  it('carry records, alerts and replies both ways with no link, converge, and clear what is waiting on both sides', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung)
    try {
      await acquaint(a, b)

      const c = await call(a.station, 'cases.create', methCase)
      await call(a.station, 'exchange.share', { caseId: c.id, fields: ['summary', 'items'] })
      const alert = await call(a.station, 'exchange.sendAlert', { priority: 'urgent', subject: 'vehicle', text: 'Grey pickup heading north, Lao plates', plate: 'ກຂ 1234' })
      expect(await pendingFor(a, b)).toBe(2)

      // B acknowledged nothing yet (it held nothing of A's): the first bundle carries all of A's shared material.
      const out = await write(a, b, 'week-48.blobundle')
      expect(out).toMatchObject({ kind: 'full', contents: { records: { new: 1, corrections: 0, withdrawals: 0 }, messages: { alerts: 1 } } })

      const preview = await call(b.station, 'bundles.inspect', { file: out.file })
      expect(preview).toMatchObject({ from: a.id, fromName: 'Chiang Saen BLO', to: b.id, kind: 'full', importedAt: null, bytes: out.bytes })
      expect(preview.contents).toEqual(out.contents)
      expect((await call(b.station, 'exchange.list', { box: 'received' })).total).toBe(0) // inspecting changed nothing

      const imported = await call(b.station, 'bundles.import', { file: out.file })
      expect(imported).toMatchObject({ imported: true, changedDocs: 2 })
      const received = await call(b.station, 'exchange.list', { box: 'received' })
      expect(received.rows.map((r) => (r.type === 'record' ? r.caseRef : null))).toEqual([c.ref])
      const alerts = await call(b.station, 'exchange.list', { box: 'alerts' })
      expect(alerts.total).toBe(1)

      // B answers; its bundle carries the reply and acknowledges A's documents.
      await call(b.station, 'exchange.reply', { origin: a.id, messageId: alert.message.id, text: 'Checkpoint 2 is watching for it' })
      const back = await write(b, a, 'reply.blobundle')
      expect(back.contents.messages.replies).toBe(1)
      await call(a.station, 'bundles.import', { file: back.file })
      expect(await pendingFor(a, b)).toBe(0)
      const thread = await call(a.station, 'exchange.get', { type: 'message', origin: a.id, id: alert.message.id })
      expect(thread).toMatchObject({ type: 'message', replies: [expect.objectContaining({ fromCounterpart: true })] })

      // A's next bundle carries nothing new, only its acknowledgement of B's reply, which clears B's waiting.
      expect(await pendingFor(b, a)).toBe(1)
      const ack = await write(a, b, 'ack.blobundle')
      expect(ack.contents).toMatchObject({ records: { new: 0 }, messages: { alerts: 0, replies: 0 } })
      await call(b.station, 'bundles.import', { file: ack.file })
      expect(await pendingFor(b, a)).toBe(0)
      const card = (await call(b.station, 'link.status', {})).peers[0]
      expect(card.lastBundle).toEqual({ written: expect.any(String), imported: expect.any(String) })
      expect(card.lastContact).toBeNull() // no link ever: only the bundles say when the two last exchanged

      const history = await call(a.station, 'bundles.history', { peer: b.id })
      expect(history.map((h) => [h.direction, h.kind])).toEqual([
        ['written', 'delta'],
        ['imported', 'delta'],
        ['written', 'full'],
        ['imported', 'full'],
        ['written', 'introduction']
      ])
      const audit = await call(a.station, 'audit.list', { action: 'bundle' })
      expect(audit.rows.length).toBe(5)
    } finally {
      await a.station.close()
      await b.station.close()
    }
  })

  it('change nothing when imported twice, and end in the same state whatever the order', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const inOrder = await open(tempDir(), OFFICES.tonPheung)
    const reversed = await open(tempDir(), OFFICES.tachileik)
    try {
      for (const other of [inOrder, reversed]) await acquaint(a, other)
      const c = await call(a.station, 'cases.create', methCase)
      await call(a.station, 'exchange.share', { caseId: c.id, to: [inOrder.id, reversed.id] })
      const first = [await write(a, inOrder, '1-in-order.blobundle'), await write(a, reversed, '1-reversed.blobundle')]
      await call(a.station, 'exchange.share', { caseId: c.id, fields: ['summary', 'items', 'narrative'] })
      await call(a.station, 'exchange.sendRequest', { title: 'Owner of the pickup?', text: 'Registration check please', to: [inOrder.id, reversed.id] })
      const second = [await write(a, inOrder, '2-in-order.blobundle'), await write(a, reversed, '2-reversed.blobundle')]

      await call(inOrder.station, 'bundles.import', { file: first[0].file })
      await call(inOrder.station, 'bundles.import', { file: second[0].file })
      await call(reversed.station, 'bundles.import', { file: second[1].file })
      const again = await call(reversed.station, 'bundles.import', { file: first[1].file })
      expect(again.imported).toBe(true)

      const twice = await call(inOrder.station, 'bundles.import', { file: second[0].file })
      expect(twice).toMatchObject({ imported: false, changedDocs: 0 })
      expect(twice.preview.importedAt).toEqual(expect.any(String))

      const view = async (o: Office) => {
        const record = await call(o.station, 'exchange.get', { type: 'record', origin: a.id, id: c.id })
        const requests = await call(o.station, 'exchange.list', { box: 'requests' })
        return { record: record.type === 'record' ? [record.record.revision, record.record.case] : null, requests: requests.total }
      }
      const expected = await view(inOrder)
      expect(expected).toMatchObject({ record: [2, expect.objectContaining({ summary: methCase.summary })], requests: 1 })
      expect(await view(reversed)).toEqual(expected)
    } finally {
      for (const o of [a, inOrder, reversed]) await o.station.close()
    }
  })

  it('never overwrite a bundle already on the stick, even one written in the same second', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung)
    const stick = tempDir()
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T09:00:00Z') })
    try {
      await acquaint(a, b)
      const c = await call(a.station, 'cases.create', methCase)
      await call(a.station, 'exchange.share', { caseId: c.id })
      const first = await call(a.station, 'bundles.export', { to: b.id, path: stick })
      await call(a.station, 'exchange.sendAlert', { priority: 'urgent', subject: 'vehicle', text: 'Grey pickup heading north' })
      const second = await call(a.station, 'bundles.export', { to: b.id, path: stick })
      expect(second.file).not.toBe(first.file)
      expect(readdirSync(stick).sort()).toEqual([first.file, second.file].map((f) => f.slice(stick.length + 1)).sort())
      // The first one still carries its case: nothing wrote over it.
      expect((await call(b.station, 'bundles.inspect', { file: first.file })).contents.records.new).toBe(1)
      expect((await call(b.station, 'bundles.inspect', { file: second.file })).contents.messages.alerts).toBe(1)
    } finally {
      vi.useRealTimers()
      for (const o of [a, b]) await o.station.close()
    }
  })

  it('refuse a truncated, altered, misaddressed, unknown or oversized bundle with one line, and change nothing', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung, 64 * 1024)
    const c = await open(tempDir(), OFFICES.tachileik)
    try {
      await acquaint(a, b)
      await acquaint(a, c)
      const shared = await call(a.station, 'cases.create', methCase)
      await call(a.station, 'exchange.share', { caseId: shared.id, to: [b.id] })
      const good = await write(a, b, 'good.blobundle')
      const bytes = readFileSync(good.file)
      const before = await state(b)
      const variant = (name: string, content: Buffer) => {
        const file = join(b.dir, name)
        writeFileSync(file, content)
        return file
      }

      expect(await refusal(b, 'bundles.import', variant('cut.blobundle', bytes.subarray(0, bytes.length - 40)))).toMatch(/cut short|altered/)
      expect(await refusal(b, 'bundles.import', variant('half.blobundle', bytes.subarray(0, Math.floor(bytes.length / 2))))).toMatch(/cut short/)
      // One flipped byte anywhere: in the header, in a record, in the signature.
      for (const at of [10, 40, 120, Math.floor(bytes.length / 2), bytes.length - 70, bytes.length - 1]) {
        const flipped = Buffer.from(bytes)
        flipped[at] ^= 0x01
        expect(await refusal(b, 'bundles.import', variant(`flip-${at}.blobundle`, flipped)), `byte ${at}`).toMatch(/altered|damaged|addressed|not a BLO/)
      }
      expect(await refusal(b, 'bundles.import', variant('notes.txt', Buffer.from('minutes of the monthly meeting')))).toMatch(/not a BLO Station sync bundle/)

      const forC = await write(a, c, 'for-tachileik.blobundle')
      copyFileSync(forC.file, join(b.dir, 'for-tachileik.blobundle'))
      expect(await refusal(b, 'bundles.inspect', join(b.dir, 'for-tachileik.blobundle'))).toMatch(new RegExp(`addressed to station ${c.id}, not to this station`))

      // c writes to b although b never paired it: c must pair b first, and even then b does not know c.
      await pair(c, b)
      const stranger = await write(c, b, 'stranger.blobundle')
      expect(stranger.kind).toBe('introduction')
      expect(await refusal(b, 'bundles.import', stranger.file)).toMatch(/not paired with this station/)

      for (let i = 0; i < 40; i++) await call(a.station, 'exchange.sendAlert', { priority: 'normal', subject: 'other', text: `Alert ${i}: ${randomBytes(2400).toString('base64')}`, to: [b.id] })
      const large = await write(a, b, 'large.blobundle')
      expect(large.bytes).toBeGreaterThan(64 * 1024)
      expect(await refusal(b, 'bundles.import', large.file)).toMatch(/more than the 65536 bytes a bundle may have/)

      await call(b.station, 'counterparts.remove', { stationId: a.id })
      expect(await refusal(b, 'bundles.import', good.file)).toMatch(/not paired with this station \(or was unpaired\)/)

      expect({ ...(await state(b)), pending: [] }).toEqual({ ...before, pending: [] })
      const log = await call(b.station, 'link.log', { limit: 100 })
      expect(log.filter((e) => e.kind === 'bundle-refused').length).toBeGreaterThanOrEqual(12)
    } finally {
      for (const o of [a, b, c]) await o.station.close()
    }
  })

  it('refuse a bundle its paired sender signed with a damaged acknowledgement, and import the next one as usual', async () => {
    // Found by the bundle fuzz: the state vector was decoded only after the import, outside its checks, and the
    // damaged one it kept made every later import fail with an internal error.
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung)
    try {
      await acquaint(a, b)
      const [sender, recipient] = [identityIn(a.dir), identityIn(b.dir)]
      const file = join(a.dir, 'damaged-ack.blobundle')
      const writer = new BundleWriter({ path: file, to: b.id, recipientCertificate: certificateDer(recipient), senderKeyPem: sender.keyPem })
      const manifest = { bundleId: crypto.randomUUID(), from: a.id, fromName: 'Chiang Saen BLO', to: b.id, createdAt: new Date().toISOString(), basis: 'delta' as const, certificate: Buffer.from(certificateDer(sender)).toString('base64') }
      writer.write(encodeEntry({ type: ENTRY.manifest, manifest }))
      writer.write(encodeEntry({ type: ENTRY.holds, doc: `records/${b.id}/2026-11`, fingerprint: { stateVector: new Uint8Array([5, 200, 1]), deleteHash: new Uint8Array(8) } }))
      writer.finish()
      expect(await refusal(b, 'bundles.import', file)).toMatch(/acknowledgement of .* is damaged/)

      const c = await call(a.station, 'cases.create', methCase)
      await call(a.station, 'exchange.share', { caseId: c.id })
      const next = await write(a, b, 'next.blobundle')
      expect(await call(b.station, 'bundles.import', { file: next.file })).toMatchObject({ imported: true })
    } finally {
      await a.station.close()
      await b.station.close()
    }
  })

  it('merge a joint plan both offices edited while cut off, and hand over to the link and back without a byte resent', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung)
    try {
      await acquaint(a, b)
      const plan = await call(a.station, 'plans.create', { title: 'Operation Mekong Dawn', counterpart: b.id, notes: 'Joint patrol of the river bank' })
      await call(b.station, 'bundles.import', { file: (await write(a, b, 'plan.blobundle')).file })
      expect((await call(b.station, 'plans.get', { id: plan.id })).title).toBe('Operation Mekong Dawn')

      // Both offices edit the same plan with no link at all.
      await call(a.station, 'plans.edit', { id: plan.id, edits: [{ op: 'notes.insert', paragraph: 0, offset: 0, text: 'เรือสองลำ: ' }] })
      await call(b.station, 'plans.edit', { id: plan.id, edits: [{ op: 'set', fields: { area: 'ບ້ານຕົ້ນເຜິ້ງ – Sop Ruak' } }] })
      const fromA = await write(a, b, 'a-edits.blobundle')
      const fromB = await write(b, a, 'b-edits.blobundle')
      expect(fromA.contents.plans.changed).toBe(1)
      expect(fromB.contents.plans.changed).toBe(1)
      await call(b.station, 'bundles.import', { file: fromA.file })
      await call(a.station, 'bundles.import', { file: fromB.file })
      const [onA, onB] = [await call(a.station, 'plans.get', { id: plan.id }), await call(b.station, 'plans.get', { id: plan.id })]
      expect(onA).toMatchObject({ area: 'ບ້ານຕົ້ນເຜິ້ງ – Sop Ruak', notes: 'เรือสองลำ: Joint patrol of the river bank' })
      expect(onB.signoff.contentHash).toBe(onA.signoff.contentHash)
      // The counterpart's change came from it: the plan says so, and its audit names the counterpart.
      expect(onA.lastEdit).toMatchObject({ from: 'peer' })

      // The link comes up: it starts from what the bundles carried, and finds nothing to send.
      await a.station.startLink({ host: '127.0.0.1', port: 0 })
      await b.station.startLink({ host: '127.0.0.1', port: 0 })
      const port = async (o: Office) => (await call(o.station, 'link.status', {})).listening!.port
      await call(b.station, 'counterparts.add', { stationId: a.id, address: `127.0.0.1:${await port(a)}`, name: a.name })
      const synced = async (o: Office) => (await call(o.station, 'link.status', {})).peers[0]
      await until(async () => (await synced(b)).lastCompleteSync !== null && (await synced(a)).lastCompleteSync !== null, 'the link in sync')
      const before = (await synced(a)).lastCompleteSync!
      await call(b.station, 'plans.edit', { id: plan.id, edits: [{ op: 'set', fields: { codeName: 'DAWN' } }] })
      await until(async () => (await call(a.station, 'plans.get', { id: plan.id })).codeName === 'DAWN', 'the live edit across the link')
      await until(async () => (await synced(a)).lastCompleteSync! > before && (await synced(a)).pendingDocs === 0, 'in sync again, nothing pending')

      // And a bundle written now carries nothing: the link's acknowledgements are the bundle's too.
      const after = await write(a, b, 'after-link.blobundle')
      expect(after.contents).toMatchObject({ records: { new: 0 }, messages: { alerts: 0 }, plans: { changed: 0 } })
    } finally {
      await a.station.close()
      await b.station.close()
    }
  }, 60_000)

  it('connect three offices by bundles alone: what one counterpart shares never reaches the other', async () => {
    const saen = await open(tempDir(), OFFICES.chiangSaen)
    const pheung = await open(tempDir(), OFFICES.tonPheung)
    const tachileik = await open(tempDir(), OFFICES.tachileik)
    try {
      // Chiang Saen works with both; Ton Pheung and Tachileik never pair, and no socket is ever opened.
      await acquaint(saen, pheung)
      await acquaint(saen, tachileik)
      const laoCase = await call(pheung.station, 'cases.create', { ...methCase, summary: 'ຢາບ້າໃນເຮືອຫາງຍາວ' })
      await call(pheung.station, 'exchange.share', { caseId: laoCase.id })
      const alert = await call(saen.station, 'exchange.sendAlert', {
        subject: 'route',
        text: 'Boats crossing at night near Sop Ruak',
        route: 'Sop Ruak',
        to: [pheung.id, tachileik.id]
      })
      const carry = async (from: Office, to: Office) => call(to.station, 'bundles.import', { file: (await write(from, to, `${from.name}-${to.name}-${Date.now()}.blobundle`)).file })

      await carry(pheung, saen)
      await carry(saen, pheung)
      await carry(saen, tachileik)
      await call(tachileik.station, 'exchange.reply', { origin: saen.id, messageId: alert.message.id, text: 'ກຳລັງເຝົ້າລະວັງ' })
      await carry(tachileik, saen)
      await carry(saen, pheung)

      expect((await call(saen.station, 'exchange.list', { box: 'received' })).total).toBe(1)
      for (const office of [pheung, tachileik]) expect((await call(office.station, 'exchange.list', { box: 'alerts' })).total).toBe(1)
      // Tachileik never receives Ton Pheung's record, nor learns Ton Pheung's station exists.
      expect((await call(tachileik.station, 'exchange.list', { box: 'received' })).total).toBe(0)
      const thread = await call(saen.station, 'exchange.get', { type: 'message', origin: saen.id, id: alert.message.id })
      expect(thread).toMatchObject({ type: 'message', replies: [expect.objectContaining({ fromCounterpart: true })] })
      const pheungThread = await call(pheung.station, 'exchange.get', { type: 'message', origin: saen.id, id: alert.message.id })
      expect(pheungThread).toMatchObject({ type: 'message', replies: [] })
      await tachileik.station.close()
      const db = new Database(join(tachileik.dir, DATABASE_FILE), { readonly: true })
      try {
        const everything = JSON.stringify([db.prepare('SELECT name, owner FROM docs').all(), db.prepare('SELECT peer, doc FROM sync_peer_docs').all()])
        expect(everything).not.toContain(pheung.id)
      } finally {
        db.close()
      }
    } finally {
      for (const o of [saen, pheung, tachileik]) await o.station.close()
    }
  })

  // A stick that fills up (or is pulled) mid-write: a small tmpfs stands in for it. Mounting needs root and the
  // right to mount (CI has both); where a trial mount fails the test is skipped, and says so in its name.
  it.skipIf(!canMountTmpfs())('leave nothing half-written when the stick fills up mid-write, and say so (needs root and mount)', async () => {
    const a = await open(tempDir(), OFFICES.chiangSaen)
    const b = await open(tempDir(), OFFICES.tonPheung)
    const stick = tempDir()
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', stick])
    expect(mounted.status, mounted.stderr.toString()).toBe(0)
    try {
      await acquaint(a, b)
      for (let i = 0; i < 40; i++) await call(a.station, 'exchange.sendAlert', { subject: 'other', text: `Alert ${i}: ${randomBytes(2400).toString('base64')}` })
      const small = join(stick, 'week.blobundle')
      writeFileSync(small, 'the bundle of last week')
      const reply = await a.station.dispatch('bundles.export', { to: b.id, path: small }, officer)
      expect(reply.ok).toBe(false)
      if (reply.ok) return
      expect(reply.error.code).toBe('unavailable')
      expect(reply.error.message).toMatch(/could not be written to .*week\.blobundle \(ENOSPC\).*Nothing was left under that name/)
      // The older file of that name is untouched, and no temporary file is left behind.
      expect(readdirSync(stick)).toEqual(['week.blobundle'])
      expect(readFileSync(small, 'utf8')).toBe('the bundle of last week')
      expect((await call(a.station, 'bundles.history', {})).filter((h) => h.direction === 'written')).toHaveLength(1) // the introduction only
    } finally {
      spawnSync('umount', [stick])
      await a.station.close()
      await b.station.close()
    }
  })
})
