/**
 * A relay's folder: the Mosquitto config, the relay CA, the broker's certificate, the ACL, the CRL, the
 * enrolled stations and Mosquitto's persistence. Written by "blo relay init", kept by enroll and revoke.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { mosquittoConfig, relayAcl, type RelayFiles, type RelaySettings } from './mosquitto-config'
import { createAuthority, issueServer, issueStation, revocationList, type Authority } from './relay-certificates'

export class RelayFolderError extends Error {}

interface Enrolment {
  serialNumber: string
  enrolledAt: string
  revokedAt: string | null
}

interface RelayState {
  settings: RelaySettings
  stations: Record<string, Enrolment>
}

const STATE = 'relay.json'
export const CONFIG = 'mosquitto.conf'

const filesIn = (dir: string): RelayFiles => ({
  ca: join(dir, 'ca.pem'),
  serverCert: join(dir, 'server.pem'),
  serverKey: join(dir, 'server.key'),
  crl: join(dir, 'crl.pem'),
  acl: join(dir, 'acl'),
  persistence: join(dir, 'data')
})

/** Temp, then rename: a relay folder is never left with half a file. */
function writeAtomically(file: string, text: string, mode = 0o644): void {
  writeFileSync(`${file}.tmp`, text, { mode })
  chmodSync(`${file}.tmp`, mode)
  renameSync(`${file}.tmp`, file)
}

function readState(dir: string): RelayState {
  const file = join(dir, STATE)
  if (!existsSync(file)) throw new RelayFolderError(`${dir} is not a relay folder: run "blo relay init --dir ${dir} --host NAME --port N" first.`)
  return JSON.parse(readFileSync(file, 'utf8')) as RelayState
}

const authorityOf = (dir: string): Authority => ({
  certPem: readFileSync(filesIn(dir).ca, 'utf8'),
  keyPem: readFileSync(join(dir, 'ca.key'), 'utf8')
})

async function writeCrl(dir: string, state: RelayState): Promise<void> {
  const revoked = Object.values(state.stations).filter((s) => s.revokedAt).map((s) => s.serialNumber)
  writeAtomically(filesIn(dir).crl, await revocationList(authorityOf(dir), revoked))
}

export async function initRelay(folder: string, settings: RelaySettings): Promise<{ dir: string; config: string }> {
  const dir = resolve(folder)
  if (existsSync(join(dir, STATE))) throw new RelayFolderError(`${dir} is a relay folder already: it keeps its CA and its enrolled stations.`)
  mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 })
  const files = filesIn(dir)
  const authority = await createAuthority(`BLO relay ${settings.host}`)
  const server = await issueServer(authority, settings.host)
  writeAtomically(join(dir, 'ca.key'), authority.keyPem, 0o600)
  writeAtomically(files.ca, authority.certPem)
  writeAtomically(files.serverKey, server.keyPem, 0o600)
  writeAtomically(files.serverCert, server.certPem)
  writeAtomically(files.acl, relayAcl())
  const state: RelayState = { settings, stations: {} }
  writeAtomically(join(dir, STATE), JSON.stringify(state, null, 2))
  await writeCrl(dir, state)
  writeAtomically(join(dir, CONFIG), mosquittoConfig(settings, files))
  return { dir, config: join(dir, CONFIG) }
}

export function relaySettings(folder: string): RelaySettings {
  return readState(resolve(folder)).settings
}

/** Admits a station: issues its relay certificate (written into the folder's stations/), to hand back to it. */
export async function enrollStation(folder: string, stationCertPem: string): Promise<{ stationId: string; certificate: string; caCertificate: string }> {
  const dir = resolve(folder)
  const state = readState(dir)
  const issued = await issueStation(authorityOf(dir), stationCertPem)
  mkdirSync(join(dir, 'stations'), { recursive: true })
  const certificate = join(dir, 'stations', `${issued.stationId}.pem`)
  writeAtomically(certificate, issued.certPem)
  const previous = state.stations[issued.stationId]
  state.stations[issued.stationId] = { serialNumber: issued.serialNumber, enrolledAt: new Date().toISOString(), revokedAt: null }
  writeAtomically(join(dir, STATE), JSON.stringify(state, null, 2))
  // Enrolling again replaces the station's relay certificate: the one before it stops working.
  if (previous && !previous.revokedAt) {
    state.stations[`${issued.stationId}#${previous.serialNumber}`] = { ...previous, revokedAt: new Date().toISOString() }
    writeAtomically(join(dir, STATE), JSON.stringify(state, null, 2))
    await writeCrl(dir, state)
  }
  return { stationId: issued.stationId, certificate, caCertificate: filesIn(dir).ca }
}

export async function revokeStation(folder: string, stationId: string): Promise<{ stationId: string; revokedAt: string }> {
  const dir = resolve(folder)
  const state = readState(dir)
  const enrolment = state.stations[stationId]
  if (!enrolment) throw new RelayFolderError(`${stationId} is not enrolled at this relay.`)
  if (enrolment.revokedAt) return { stationId, revokedAt: enrolment.revokedAt }
  enrolment.revokedAt = new Date().toISOString()
  writeAtomically(join(dir, STATE), JSON.stringify(state, null, 2))
  await writeCrl(dir, state)
  return { stationId, revokedAt: enrolment.revokedAt }
}
