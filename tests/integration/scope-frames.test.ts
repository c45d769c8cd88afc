/**
 * The scope on the wire: Chiang Saen has two counterparts, Ton Pheung (here only an ID) and Tachileik (a raw
 * peer that records every frame). Nothing Chiang Saen addressed to Ton Pheung, nor the plan it makes with it,
 * appears in any frame sent to Tachileik, not even as a name; and what Tachileik writes into documents that are
 * not its own to write, or not addressed to Chiang Saen, is refused.
 */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { stationIdFromDigest } from '../../main/core/identity/station-id'
import type { Station } from '../../main/core/station'
import { COMPRESSION, decodeFrame, encodeFrame, isData, Kind, PROTOCOL_VERSION, type Frame } from '../../main/core/sync/frames'
import { decompressUpdate } from '../../main/core/sync/update-compression'
import { sendHandled, stationWithRawPeer } from '../helpers/raw-peer'
import { call, methCase } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

const PHEUNG = stationIdFromDigest(createHash('sha256').update('Ton Pheung BLO').digest())
const ONLY_PHEUNG = 'ຢາບ້າໃນເຮືອ ສົ່ງໃຫ້ຕົ້ນເຜິ້ງເທົ່ານັ້ນ'
const FOR_TACHILEIK = 'ไม้พะยูงบนรถบรรทุก ส่งให้ท่าขี้เหล็ก'

const docOf = (frame: Frame) => ('doc' in frame ? frame.doc : null)
const month = new Date().toISOString().slice(0, 7)

describe('what crosses to a counterpart', () => {
  const tempDir = useTempDirs()
  const open: Station[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('is only what is addressed to it, and what it may not write is refused', async () => {
    const { station, peer: tachileik, dial } = await stationWithRawPeer(tempDir(), tempDir(), open)
    await call(station, 'counterparts.add', { stationId: PHEUNG, address: '127.0.0.1:9', name: 'Ton Pheung BLO' })
    const self = (await call(station, 'link.station', {})).stationId
    const forPheung = await call(station, 'cases.create', { ...methCase, summary: ONLY_PHEUNG })
    const forTachileik = await call(station, 'cases.create', { ...methCase, summary: FOR_TACHILEIK })
    await call(station, 'exchange.share', { caseId: forPheung.id, to: [PHEUNG] })
    await call(station, 'exchange.share', { caseId: forTachileik.id, to: [tachileik.stationId] })
    await call(station, 'exchange.sendAlert', { subject: 'route', text: 'เรือข้ามฟากกลางคืน', to: [PHEUNG] })
    const plan = await call(station, 'plans.create', { title: 'ลาดตระเวนกับต้นผึ้ง', counterpart: PHEUNG })

    const ws = await dial()
    const received: Frame[] = []
    ws.on('message', (data: Buffer) => {
      const decoded = decodeFrame(new Uint8Array(data))
      if (decoded.ok) received.push(decoded.frame)
    })
    // An empty station's side of a session: hello, nothing listed; the station sends whole what it shares with us.
    for (const frame of [{ kind: Kind.hello, version: PROTOCOL_VERSION, digest: new Uint8Array(32) }, { kind: Kind.step1Done }] as Frame[]) {
      ws.send(encodeFrame(frame))
    }
    const ours = `records/${self}/${tachileik.stationId}/`
    await until(() => received.some((f) => f.kind === Kind.step2 && f.doc.startsWith(ours)), 'the record addressed to Tachileik')

    const named = received.map(docOf).filter((d): d is string => d !== null)
    expect(named.length).toBeGreaterThan(0)
    for (const doc of named) expect(doc).toMatch(new RegExp(`^records/${self}/${tachileik.stationId}/\\d{4}-\\d{2}$`))
    const content = received
      .filter(isData)
      .map((f) => Buffer.from(decompressUpdate(f.flags, f.update)).toString('utf8'))
      .join('')
    expect(content).toContain(FOR_TACHILEIK)
    expect(content).not.toContain(ONLY_PHEUNG)
    expect(JSON.stringify(named)).not.toContain(PHEUNG)
    expect(JSON.stringify(named)).not.toContain(plan.id)

    // Tachileik writing where it may not: Chiang Saen's document to Ton Pheung, its own document to Ton Pheung,
    // and the plan of Chiang Saen and Ton Pheung. Each is refused and changes nothing.
    const write = (doc: string, fill: (d: Y.Doc) => void): Frame => {
      const d = new Y.Doc()
      fill(d)
      return { kind: Kind.update, doc, flags: COMPRESSION.none, update: Y.encodeStateAsUpdateV2(d) }
    }
    await sendHandled(ws, [
      write(`records/${self}/${PHEUNG}/${month}`, (d) => d.getMap('records').set('x', { forged: true })),
      write(`messages/${tachileik.stationId}/${PHEUNG}/${month}`, (d) => d.getMap('messages').set('x', { forged: true })),
      write(`plan/${plan.id}`, (d) => d.getMap('meta').set('title', 'hijacked'))
    ])
    ws.terminate()
    const refused = (await call(station, 'link.log', { limit: 50 })).filter((e) => e.kind === 'refused-foreign-write').map((e) => e.detail)
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`records/${self}/${PHEUNG}/`),
        expect.stringContaining(`messages/${tachileik.stationId}/${PHEUNG}/`),
        expect.stringContaining(`plan/${plan.id}`)
      ])
    )
    expect((await call(station, 'plans.get', { id: plan.id })).title).toBe('ลาดตระเวนกับต้นผึ้ง')
    expect((await call(station, 'exchange.list', { box: 'received' })).total).toBe(0)
  })
})
