/**
 * A stand-in for the desktop app's preload bridge (window.blo), for pages served by the station host: calls and
 * events go over the host's own WebSocket, and the shell's services answer as the native dialogs would, with the
 * paths a test puts in window.__picks (and every request kept in window.__desktopRequests). It lets Playwright see
 * the desktop window's screens where Electron cannot run; preload/index.ts itself is checked statically
 * (tests/unit/shell-security.test.ts). Plain JavaScript text for `page.addInitScript({ content })`.
 */
export const desktopBridgeScript = `(() => {
  const token = new URLSearchParams(location.hash.slice(1)).get('token')
  const socket = new WebSocket('ws://' + location.host + '/api?token=' + encodeURIComponent(token))
  const opened = new Promise((resolve) => socket.addEventListener('open', resolve))
  const pending = new Map()
  const listeners = new Map()
  let next = 1
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data)
    if (message.type === 'reply') {
      pending.get(message.id)?.(message.reply)
      pending.delete(message.id)
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
    }
  })
  window.__picks = {}
  window.__desktopRequests = []
  window.blo = {
    async invoke(method, input) {
      await opened
      const id = next++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        socket.send(JSON.stringify({ type: 'call', id, method, input }))
      })
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    desktop: {
      async request(request) {
        window.__desktopRequests.push(request)
        const key = request.action === 'pickFolder' ? 'folder' : request.purpose
        return { ok: true, value: { path: request.action === 'restart' ? null : (window.__picks[key] ?? null) } }
      }
    }
  }
})()`
