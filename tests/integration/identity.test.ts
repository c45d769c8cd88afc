import type { Database } from 'better-sqlite3'
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../main/core/api/api-error'
import { openDatabase } from '../../main/core/db/open-database'
import { logLinkEvent, recentLinkEvents } from '../../main/core/identity/link-log'
import { parsePeerAddress, PeerAddressError } from '../../main/core/identity/peer-address'
import { AuditLog } from '../../main/core/audit/audit-log'
import { CounterpartRegistry } from '../../main/core/identity/counterpart-registry'
import { stationIdFromCertificate } from '../../main/core/identity/station-id'
import {
  ensureStationIdentity,
  readStationIdentity,
  StationIdentityDamagedError
} from '../../main/core/identity/station-identity'
import { x509 } from '../../main/core/identity/x509'
import { useTempDirs } from '../helpers/temp-dir'

const CHIANG_KHONG = { name: 'ด่านเชียงของ, "Bridge 4" BLO', country: 'TH' }
const HUAY_XAI = { name: 'Huay Xai BLO', country: 'LA' }

const opened: Database[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})
const track = (db: Database) => (opened.push(db), db)

function apiError(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected an ApiError')
}

describe('station identity', () => {
  const tempDir = useTempDirs()
  const openDb = () => track(openDatabase(join(tempDir(), 'station.db')))

  it('makes an ECDSA P-256 key and a 20-year self-signed certificate naming the station', async () => {
    const db = openDatabase(join(tempDir(), 'station.db'))
    const now = new Date('2026-03-01T08:00:00Z')
    const identity = await ensureStationIdentity(db, CHIANG_KHONG, now)
    db.close()
    const cert = new X509Certificate(identity.certPem)
    const subject = new x509.X509Certificate(identity.certPem).subjectName
    expect([subject.getField('CN'), subject.getField('O'), subject.getField('C')]).toEqual([['BLO Station'], [CHIANG_KHONG.name], ['TH']])
    expect(cert.issuer).toBe(cert.subject)
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-03-01T08:00:00.000Z')
    expect(new Date(cert.validTo).toISOString()).toBe('2046-03-01T08:00:00.000Z')
    expect(cert.serialNumber).toMatch(/^[0-9A-F]{30,34}$/)
    const key = createPrivateKey(identity.keyPem)
    expect(key.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' })
    expect(cert.checkPrivateKey(key)).toBe(true)
    expect(identity.stationId).toBe(stationIdFromCertificate(identity.certPem))
    expect(stationIdFromCertificate(cert.raw)).toBe(identity.stationId)
  })

  it('is stored once and the same after reopening the database', async () => {
    const file = join(tempDir(), 'station.db')
    const db = openDatabase(file)
    const [first, racing] = await Promise.all([ensureStationIdentity(db, CHIANG_KHONG), ensureStationIdentity(db, CHIANG_KHONG)])
    expect(racing).toEqual(first)
    db.close()

    const reopened = openDatabase(file)
    expect(readStationIdentity(reopened)).toEqual(first)
    // A rename later does not change who the station is.
    expect(await ensureStationIdentity(reopened, { name: 'Renamed', country: 'TH' })).toEqual(first)
    expect(reopened.prepare('SELECT count(*) AS n FROM station_identity').get()).toEqual({ n: 1 })
    reopened.close()
  })

  it('gives different stations different IDs', async () => {
    const a = await ensureStationIdentity(openDb(), CHIANG_KHONG)
    const b = await ensureStationIdentity(openDb(), CHIANG_KHONG)
    expect(a.stationId).not.toBe(b.stationId)
  })

  it('refuses a damaged identity instead of silently making a new one', async () => {
    const db = openDb()
    const own = await ensureStationIdentity(db, CHIANG_KHONG)
    const other = await ensureStationIdentity(openDb(), HUAY_XAI)

    db.prepare('UPDATE station_identity SET key_pem = ?').run(other.keyPem)
    await expect(ensureStationIdentity(db, CHIANG_KHONG)).rejects.toThrow(/private key does not belong to the certificate/)

    db.prepare('UPDATE station_identity SET key_pem = ?, station_id = ?').run(own.keyPem, other.stationId)
    expect(() => readStationIdentity(db)).toThrow(StationIdentityDamagedError)

    db.prepare('UPDATE station_identity SET station_id = ?, cert_pem = ?').run(own.stationId, 'not a certificate')
    expect(() => readStationIdentity(db)).toThrow(/certificate cannot be read/)
  })

  it('refuses a country that is not an ISO code', async () => {
    await expect(ensureStationIdentity(openDb(), { name: 'X', country: 'Thailand' })).rejects.toThrow(/two-letter ISO 3166/)
  })
})

describe('peer addresses', () => {
  it.each([
    ['192.0.2.10:7443', '192.0.2.10', 7443],
    ['  blo.Example.org:1 ', 'blo.example.org', 1],
    ['localhost:65535', 'localhost', 65535],
    ['[2001:DB8::10]:7443', '2001:db8::10', 7443],
    ['[::1]:80', '::1', 80]
  ])('accepts %s', (text, host, port) => {
    expect(parsePeerAddress(text)).toMatchObject({ host, port })
  })

  it.each([
    ['192.0.2.10', /no port/],
    ['192.0.2.10:0', /port .* must be a number from 1 to 65535/],
    ['192.0.2.10:65536', /from 1 to 65535/],
    ['192.0.2.10:http', /from 1 to 65535/],
    ['300.1.2.3:7443', /not a valid IPv4 address/],
    ['2001:db8::10:7443', /IPv6 address in brackets/],
    ['[2001:db8::zz]:7443', /not a valid IPv6 address/],
    ['[2001:db8::10]', /no port/],
    ['bad_host!:7443', /not a valid host name/],
    [':7443', /no host/],
    ['', /empty/]
  ])('refuses %j', (text, message) => {
    expect(() => parsePeerAddress(text)).toThrow(PeerAddressError)
    expect(() => parsePeerAddress(text)).toThrow(message)
  })
})

describe('peer registry and link log', () => {
  const tempDir = useTempDirs()

  async function setup(): Promise<{ db: Database; registry: CounterpartRegistry; ownId: string; peerId: string }> {
    const db = track(openDatabase(join(tempDir(), 'station.db')))
    const own = await ensureStationIdentity(db, CHIANG_KHONG)
    const peer = await ensureStationIdentity(track(openDatabase(join(tempDir(), 'peer.db'))), HUAY_XAI)
    let clock = Date.parse('2026-03-01T08:00:00Z')
    return { db, registry: new CounterpartRegistry(db, own.stationId, new AuditLog(db), () => new Date((clock += 1000))), ownId: own.stationId, peerId: peer.stationId }
  }

  it('pairs a station typed loosely, and finds it by its printed ID', async () => {
    const { registry, peerId } = await setup()
    const typed = peerId.replace(/-/g, ' ').toLowerCase().replace(/o/g, '0')
    const peer = registry.add({ stationId: typed, address: '[2001:DB8::10]:7443', name: ' Huay Xai ' }, 'officer.somchai')
    expect(peer).toEqual({
      stationId: peerId,
      name: 'Huay Xai',
      address: '[2001:db8::10]:7443',
      pairedAt: '2026-03-01T08:00:01.000Z',
      pairedBy: 'officer.somchai'
    })
    expect(registry.isPaired(peerId)).toBe(true)
    expect(registry.get(peerId)).toEqual(peer)
    expect(registry.list()).toEqual([peer])
  })

  it('updates address and name when the same station is added again, keeping when it was paired', async () => {
    const { registry, peerId } = await setup()
    const first = registry.add({ stationId: peerId, address: '192.0.2.10:7443', name: 'Huay Xai' }, 'a')
    const again = registry.add({ stationId: peerId, address: '192.0.2.99:7443' }, 'b')
    expect(again).toEqual({ ...first, address: '192.0.2.99:7443' })
    expect(registry.add({ stationId: peerId, address: '192.0.2.99:7443', name: 'HX' }, 'b').name).toBe('HX')
    expect(registry.list()).toHaveLength(1)
  })

  it('refuses bad input with an error naming the field', async () => {
    const { registry, ownId, peerId } = await setup()
    const misread = peerId.slice(0, -1) + (peerId.endsWith('A') ? 'B' : 'A')
    const badId = apiError(() => registry.add({ stationId: misread, address: '192.0.2.10:7443' }, 'a'))
    expect(badId.code).toBe('invalid_input')
    expect(badId.issues[0].path).toBe('stationId')
    expect(badId.message).toMatch(/check characters do not match/)

    const own = apiError(() => registry.add({ stationId: ownId, address: '192.0.2.10:7443' }, 'a'))
    expect(own.issues[0].path).toBe('stationId')
    expect(own.message).toMatch(/this station's own ID/)

    const badAddress = apiError(() => registry.add({ stationId: peerId, address: '192.0.2.10' }, 'a'))
    expect(badAddress.issues[0].path).toBe('address')
    expect(badAddress.message).toMatch(/no port/)

    expect(apiError(() => registry.add({ stationId: peerId, address: 'x:1', name: 'n'.repeat(201) }, 'a')).issues[0].path).toBe('name')
    expect(registry.list()).toEqual([])
  })

  it('unpairs, and says so when the station was not paired', async () => {
    const { registry, peerId } = await setup()
    registry.add({ stationId: peerId, address: '192.0.2.10:7443' }, 'a')
    registry.remove(peerId.toLowerCase(), 'b')
    expect(registry.isPaired(peerId)).toBe(false)
    const missing = apiError(() => registry.remove(peerId, 'b'))
    expect(missing.code).toBe('not_found')
    expect(missing.message).toContain(peerId)
  })

  it('records pairing changes and link events, newest first', async () => {
    const { db, registry, peerId } = await setup()
    registry.add({ stationId: peerId, address: '192.0.2.10:7443' }, 'officer.a')
    registry.add({ stationId: peerId, address: '192.0.2.11:7443' }, 'officer.b')
    logLinkEvent(db, { peer: peerId, kind: 'refused-unpaired', detail: 'not paired' }, new Date('2026-03-02T00:00:00Z'))
    logLinkEvent(db, { kind: 'refused-tls', detail: 'garbage' })
    registry.remove(peerId, 'officer.c')

    const events = recentLinkEvents(db, 10)
    expect(events.map((e) => e.kind)).toEqual(['unpaired', 'refused-tls', 'refused-unpaired', 'pairing-updated', 'paired'])
    expect(events[1].peer).toBeNull()
    expect(events[2]).toMatchObject({ peer: peerId, at: '2026-03-02T00:00:00.000Z', detail: 'not paired' })
    expect(events[3].detail).toBe('officer.b set the address to 192.0.2.11:7443')
    expect(recentLinkEvents(db, 2)).toEqual(events.slice(0, 2))
  })

  it('keeps the link log bounded', async () => {
    const { db } = await setup()
    db.transaction(() => {
      for (let i = 0; i < 10_050; i++) logLinkEvent(db, { kind: 'refused-tls', detail: `stranger ${i}` })
    })()
    expect(db.prepare('SELECT count(*) AS n FROM link_log').get()).toEqual({ n: 10_000 })
    expect(recentLinkEvents(db, 1)[0].detail).toBe('stranger 10049')
  })
})
