/**
 * The relay as its operator runs it: `blo relay init`, `enroll`, `start` on a real Mosquitto on loopback, reached
 * with mqtt.js as the stations will (their own key, the relay certificate their enrolment issued). The ACL lets
 * a station read only its inbox and write only as itself; queued messages survive a kill -9 of the broker; a
 * station not enrolled, or revoked, cannot connect at all.
 */
import Database from 'better-sqlite3'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import mqtt, { type MqttClient } from 'mqtt'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI_JS, ROOT, runCli } from '../helpers/built-programs'
import { useTempDirs } from '../helpers/temp-dir'
import { until } from '../helpers/until'

const HAS_MOSQUITTO = spawnSync('mosquitto', ['-h']).error === undefined

const tempDir = useTempDirs()
const running: ChildProcess[] = []
const clients: MqttClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)))
  for (const relay of running.splice(0)) killGroup(relay, 'SIGKILL')
})

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // already gone
  }
}

async function ok<T>(args: string[]): Promise<T> {
  const run = await runCli(args)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as T
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

interface Station {
  id: string
  key: string
  cert: string
}

/** A new station, enrolled at the relay (unless told not to): its ID, its private key and its relay certificate. */
async function station(relay: string, name: string, enrolled = true): Promise<Station> {
  const dir = tempDir()
  await ok(['init', '--data', dir, '--name', name, '--country', 'TH'])
  const pem = await runCli(['pair', 'show', '--data', dir, '--cert'])
  expect(pem.stdout).toMatch(/^-----BEGIN CERTIFICATE-----/)
  const certFile = join(dir, 'station.pem')
  writeFileSync(certFile, pem.stdout)
  const db = new Database(join(dir, 'station.db'), { readonly: true })
  const { id, key, own } = db.prepare('SELECT station_id AS id, key_pem AS key, cert_pem AS own FROM station_identity').get() as { id: string; key: string; own: string }
  db.close()
  if (!enrolled) return { id, key, cert: own }
  const enrolment = await ok<{ stationId: string; certificate: string }>(['relay', 'enroll', '--dir', relay, '--station-cert', certFile])
  expect(enrolment.stationId).toBe(id)
  return { id, key, cert: readFileSync(enrolment.certificate, 'utf8') }
}

/** `blo relay start` in its own process group; resolves on its ready line. */
async function startRelay(dir: string): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(process.execPath, [CLI_JS, 'relay', 'start', '--dir', dir], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let log = ''
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const ready = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`blo relay start exited with ${code}: ${log}`)))
  })
  return { child, ready }
}

/** Connects as the station; what arrives goes into `inbox` from the first packet (a resumed session delivers at once). */
function connect(port: number, ca: string, who: Station, inbox: string[] = []): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtts://127.0.0.1:${port}`, {
      protocolVersion: 5,
      clientId: who.id,
      clean: false,
      properties: { sessionExpiryInterval: 7 * 24 * 3600 },
      key: who.key,
      cert: who.cert,
      ca,
      reconnectPeriod: 0,
      connectTimeout: 10_000
    })
    clients.push(client)
    client.on('message', (topic, payload) => inbox.push(`${topic} ${payload.toString()}`))
    client.once('connect', () => resolve(client))
    client.once('error', reject)
    client.once('close', () => reject(new Error('closed before connecting')))
  })
}

describe.skipIf(!HAS_MOSQUITTO)('blo relay (Mosquitto on loopback)', () => {
  it('admits enrolled stations only, to their own inbox, and keeps what is queued through a kill -9', async () => {
    const relay = tempDir()
    const port = await freePort()
    await ok(['relay', 'init', '--dir', relay, '--host', '127.0.0.1', '--port', String(port), '--bind', '127.0.0.1'])
    const ca = readFileSync(join(relay, 'ca.pem'), 'utf8')
    const saen = await station(relay, 'BLO Chiang Saen')
    const pheung = await station(relay, 'BLO Ton Pheung')
    const stranger = await station(relay, 'Not enrolled', false)

    let { child, ready } = await startRelay(relay)
    expect(ready).toBe(`BLO relay listening on 127.0.0.1:${port}`)

    const toSaen: string[] = []
    let received: string[] = []
    const a = await connect(port, ca, saen, toSaen)
    let b = await connect(port, ca, pheung, received)
    await b.subscribeAsync(`blo/${pheung.id}/in/#`, { qos: 1 })
    await a.subscribeAsync(`blo/${saen.id}/in/#`, { qos: 1 })
    // Ton Pheung also subscribes to Chiang Saen's inbox: Mosquitto grants it, but the ACL delivers it nothing.
    await b.subscribeAsync(`blo/${saen.id}/in/#`, { qos: 1 })
    await b.publishAsync(`blo/${saen.id}/in/${pheung.id}`, 'sealed reply', { qos: 1 })
    await until(() => toSaen.length === 1, "Ton Pheung's message in Chiang Saen's inbox")
    // Writing as another station is refused: had it been let through, it would arrive before what follows.
    await a.publishAsync(`blo/${pheung.id}/in/${pheung.id}`, 'forged', { qos: 1 }).catch(() => undefined)
    await a.publishAsync(`blo/${pheung.id}/in/${saen.id}`, 'sealed bundle 1', { qos: 1 })
    await until(() => received.length > 0, 'the first message in the inbox')
    expect(received).toEqual([`blo/${pheung.id}/in/${saen.id} sealed bundle 1`])
    expect(toSaen).toEqual([`blo/${saen.id}/in/${pheung.id} sealed reply`])

    // Ton Pheung goes away; Chiang Saen writes on; the broker is killed and started again.
    await b.endAsync()
    for (let i = 2; i <= 21; i++) await a.publishAsync(`blo/${pheung.id}/in/${saen.id}`, `sealed bundle ${i}`, { qos: 1 })
    // Mosquitto acknowledges a message before it saves it (within milliseconds, with autosave_on_changes): the
    // kill comes once the last one is on disk. The window between is the stations' to cover, by resending what
    // the recipient has not acknowledged end to end.
    const persisted = () => readFileSync(join(relay, 'data', 'mosquitto.db')).includes('sealed bundle 21')
    await until(persisted, 'the broker to save what it acknowledged')
    killGroup(child, 'SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    ;({ child, ready } = await startRelay(relay))
    received = []
    b = await connect(port, ca, pheung, received)
    await until(() => received.length === 20, 'the queued messages after the restart', { timeoutMs: 20_000 })
    expect(received).toEqual(Array.from({ length: 20 }, (_, i) => `blo/${pheung.id}/in/${saen.id} sealed bundle ${i + 2}`))

    // A station that was never enrolled cannot even connect; neither can one revoked (after a restart).
    await expect(connect(port, ca, stranger)).rejects.toThrow()
    await ok(['relay', 'revoke', '--dir', relay, '--id', saen.id])
    killGroup(child, 'SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    await startRelay(relay)
    await expect(connect(port, ca, saen)).rejects.toThrow()
    expect(await connect(port, ca, pheung)).toBeTruthy()
  }, 90_000)

  it('says in one line what is wrong with a relay command', async () => {
    const relay = tempDir()
    const notAFolder = await runCli(['relay', 'start', '--dir', relay])
    expect(notAFolder.code).toBe(1)
    expect(notAFolder.stderr).toMatch(/^blo: .* is not a relay folder: run "blo relay init/)
    await ok(['relay', 'init', '--dir', relay, '--host', 'relay.blo.example', '--port', '8883'])
    const again = await runCli(['relay', 'init', '--dir', relay, '--host', 'relay.blo.example', '--port', '8883'])
    expect(again.stderr).toMatch(/is a relay folder already/)
    const badCert = join(relay, 'acl')
    const enroll = await runCli(['relay', 'enroll', '--dir', relay, '--station-cert', badCert])
    expect(enroll).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not a certificate \(PEM\)/) })
    const port = await runCli(['relay', 'init', '--dir', tempDir(), '--host', 'x', '--port', '70000'])
    expect(port.code).toBe(2)
    const config = readFileSync(join(relay, 'mosquitto.conf'), 'utf8')
    for (const line of ['require_certificate true', 'use_identity_as_username true', 'autosave_on_changes true', 'allow_anonymous false']) {
      expect(config).toContain(line)
    }
  })
})
