/**
 * Accounts on a running station host, made the way a local tool would (token, no Origin: the `cli:` system
 * actor), so a browser test can then sign in through the UI. The TestAccount values are in accounts.ts.
 */
import type { Language } from '../../preload/api'
import type { TestAccount } from './accounts'
import { openSocket, socketUrl } from './host-socket'

/** `language` is the accounts' preferred language: the screens switch to it when they sign in. */
export async function createAccountsOnHost(host: { origin: string; token: string }, accounts: TestAccount[], language: Language = 'en'): Promise<void> {
  const socket = await openSocket(socketUrl(host.origin, host.token))
  try {
    let id = 1
    for (const account of accounts) {
      const { reply } = await socket.call(id++, 'users.create', { ...account, agency: 'police', language })
      if (!reply.ok) throw new Error(`users.create ${account.username}: ${reply.error.code}: ${reply.error.message}`)
    }
  } finally {
    socket.close()
  }
}
