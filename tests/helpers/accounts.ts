/** Accounts for tests that sign in for real: a station's first administrator, a supervisor and two officers. */
import { screenConnection, type ConnectionState, type Station } from '../../main/core/station'
import type { MethodInput, MethodName, MethodOutput, Reply, Role } from '../../preload/api'

export interface TestAccount {
  username: string
  password: string
  role: Role
  displayName: string
}

export const ADMIN: TestAccount = { username: 'admin.noi', password: 'Adm1n-passphrase', role: 'admin', displayName: 'Pol. Maj. Noi' }
export const SUPERVISOR: TestAccount = { username: 'sup.wichai', password: 'Sup3rvisor-pass', role: 'supervisor', displayName: 'Pol. Lt. Col. Wichai' }
export const OFFICER_A: TestAccount = { username: 'somchai', password: 'Off1cer-somchai', role: 'officer', displayName: 'Sgt. Somchai' }
export const OFFICER_B: TestAccount = { username: 'malee', password: 'Off1cer-malee!', role: 'officer', displayName: 'Cpl. Malee' }

/** A call that must succeed, on a given connection; fails the test with the station's own message otherwise. */
export async function callOn<M extends MethodName>(station: Station, connection: ConnectionState, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await station.dispatch(method, input, connection)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as MethodOutput<M>
}

export function tryOn<M extends MethodName>(station: Station, connection: ConnectionState, method: M, input: MethodInput<M>): Promise<Reply<unknown>> {
  return station.dispatch(method, input, connection)
}

/** A new screen signed in as the account. */
export async function signIn(station: Station, account: TestAccount): Promise<ConnectionState> {
  const screen = screenConnection()
  await callOn(station, screen, 'auth.login', { username: account.username, password: account.password })
  return screen
}

/** First-run setup by ADMIN on a screen, then the other accounts created by ADMIN; returns ADMIN's screen. */
export async function setUpAccounts(station: Station, others: TestAccount[] = [SUPERVISOR, OFFICER_A, OFFICER_B]): Promise<ConnectionState> {
  const admin = screenConnection()
  await callOn(station, admin, 'auth.setup', { username: ADMIN.username, password: ADMIN.password, displayName: ADMIN.displayName, agency: 'police' })
  for (const account of others) {
    await callOn(station, admin, 'users.create', { ...account, agency: 'police', language: 'th' })
  }
  return admin
}
