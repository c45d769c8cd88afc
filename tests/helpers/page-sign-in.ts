/**
 * Signs a station-host page's connection in as the account, through the station's own auth.login on the page's
 * own WebSocket, before the app's first call: the page opens signed in. Interim, for scripts that need signed-in
 * pages and are not about signing in (benchmarks); tests of the sign-in itself fill in the sign-in screen.
 * Plain JavaScript text for `page.addInitScript({ content })`: it runs in the page before the app, under its CSP.
 */
import type { TestAccount } from './accounts'

export const signInScript = (account: TestAccount): string => `(() => {
  const Real = window.WebSocket
  const login = JSON.stringify({ type: 'call', id: 0, method: 'auth.login', input: { username: ${JSON.stringify(account.username)}, password: ${JSON.stringify(account.password)} } })
  window.WebSocket = class extends Real {
    constructor(url, protocols) {
      super(url, protocols)
      this.held = []
      this.addEventListener('open', () => Real.prototype.send.call(this, login))
      this.addEventListener('message', (event) => {
        const message = JSON.parse(event.data)
        if (message.type !== 'reply' || message.id !== 0 || !this.held) return
        if (!message.reply.ok) console.error('sign-in refused: ' + message.reply.error.message)
        const held = this.held
        this.held = null
        for (const frame of held) Real.prototype.send.call(this, frame)
      })
    }
    send(frame) {
      if (this.held) this.held.push(frame)
      else super.send(frame)
    }
  }
})()`
