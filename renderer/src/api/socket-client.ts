import type { BloApi, EventName, EventPayload, MethodInput, MethodName, MethodOutput, Reply } from '../../../preload/api'
import { HOST_API_PATH, MAX_HOST_FRAME_BYTES, type HostCall, type HostServerMessage } from '../../../preload/host-protocol'
import { ApiError, unwrapReply } from './api-error'
import type { ConnectionMonitor, ConnectionState } from './connection'
import type { Greeting } from './session-resume'

const FIRST_RETRY_MS = 500
const MAX_RETRY_MS = 10_000
/** A call made while the link is down waits this long for it to come back before failing. */
const WAIT_FOR_LINK_MS = 15_000

interface Pending {
  resolve: (reply: Reply<unknown>) => void
  reject: (error: ApiError) => void
}

interface Queued {
  frame: string
  id: number
  timer: ReturnType<typeof setTimeout>
}

const unavailable = (message: string) => new ApiError({ code: 'unavailable', message, issues: [] })

export function hostApiUrl(location: Location, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${HOST_API_PATH}?token=${encodeURIComponent(token)}`
}

/**
 * The station host transport: one WebSocket, calls matched to replies by id, events fanned out to listeners.
 * When the link drops it reconnects with capped exponential backoff; calls in flight fail as `unavailable`
 * (we cannot know whether the station applied them), new calls wait for the link for a while. A greeting
 * (taking the sign-in back) runs first on each new connection; the link counts as open only after it.
 */
export class SocketClient implements BloApi, ConnectionMonitor {
  private socket: WebSocket | null = null
  private state: ConnectionState = { status: 'connecting' }
  private readonly stateListeners = new Set<() => void>()
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>()
  private readonly pending = new Map<number, Pending>()
  private queue: Queued[] = []
  private nextId = 1
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly url: string,
    private readonly greeting?: Greeting
  ) {
    this.connect()
  }

  getState = (): ConnectionState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  retryNow = (): void => {
    if (this.state.status !== 'reconnecting') return
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.connect()
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return this.call(method, input, (id, frame) => {
      if (this.state.status === 'open' && this.socket) {
        this.socket.send(frame)
      } else {
        const timer = setTimeout(() => this.failQueued(id), WAIT_FOR_LINK_MS)
        this.queue.push({ frame, id, timer })
      }
    })
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.eventListeners.get(event)
    if (!set) this.eventListeners.set(event, (set = new Set()))
    const wrapped = (payload: unknown) => listener(payload as EventPayload<E>)
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  private call<M extends MethodName>(method: M, input: MethodInput<M>, dispatch: (id: number, frame: string) => void): Promise<MethodOutput<M>> {
    const id = this.nextId++
    const call: HostCall = { type: 'call', id, method, input }
    const frame = JSON.stringify(call)
    if (frame.length > MAX_HOST_FRAME_BYTES) {
      return Promise.reject(new ApiError({ code: 'invalid_input', message: 'request too large', issues: [] }))
    }
    return new Promise<Reply<unknown>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      dispatch(id, frame)
    }).then((reply) => unwrapReply(reply) as MethodOutput<M>)
  }

  /** Before the link counts as open: the greeting's calls go straight out on this socket, ahead of the queue. */
  private async greet(socket: WebSocket): Promise<void> {
    if (!this.greeting) return
    const direct: BloApi['invoke'] = (method, input) => this.call(method, input, (_, frame) => socket.send(frame))
    try {
      await this.greeting(direct)
    } catch {
      // The greeting reports its own outcome; the link opens either way.
    }
  }

  private setState(state: ConnectionState): void {
    this.state = state
    for (const listener of this.stateListeners) listener()
  }

  private connect(): void {
    this.retryTimer = null
    const socket = new WebSocket(this.url)
    this.socket = socket
    socket.onopen = () => void this.opened(socket)
    socket.onmessage = (message) => this.receive(message.data)
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.socket = null
      for (const [id, p] of this.pending) {
        if (this.queue.some((q) => q.id === id)) continue
        p.reject(unavailable('the connection to the station was lost before it answered'))
        this.pending.delete(id)
      }
      this.scheduleReconnect()
    }
  }

  private async opened(socket: WebSocket): Promise<void> {
    this.attempt = 0
    await this.greet(socket)
    if (this.socket !== socket) return
    this.setState({ status: 'open' })
    const queued = this.queue
    this.queue = []
    for (const q of queued) {
      clearTimeout(q.timer)
      socket.send(q.frame)
    }
  }

  private scheduleReconnect(): void {
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt) * (0.8 + Math.random() * 0.4)
    this.attempt++
    this.setState({ status: 'reconnecting', attempt: this.attempt, retryAt: Date.now() + delay })
    this.retryTimer = setTimeout(() => this.connect(), delay)
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return
    let message: HostServerMessage
    try {
      message = JSON.parse(data) as HostServerMessage
    } catch {
      return
    }
    if (message.type === 'reply') {
      const p = this.pending.get(message.id)
      if (!p) return
      this.pending.delete(message.id)
      p.resolve(message.reply)
    } else if (message.type === 'event') {
      for (const listener of this.eventListeners.get(message.event) ?? []) listener(message.payload)
    }
  }

  private failQueued(id: number): void {
    this.queue = this.queue.filter((q) => q.id !== id)
    const p = this.pending.get(id)
    if (!p) return
    this.pending.delete(id)
    p.reject(unavailable('the station could not be reached'))
  }
}
