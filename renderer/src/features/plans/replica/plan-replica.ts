import { fromBase64, toBase64 } from 'lib0/buffer'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MAX_PLAN_UPDATE_BYTES, type BloApi, type EventPayload } from '../../../../../preload/api'
import { toApiError, type ApiError } from '../../../api/api-error'

/** The origin of changes that came from main (the station, another screen, the counterpart): never sent back. */
export const REMOTE = Symbol('remote')
/** The origin of presence that came across the border (main relays it as from `peer`). */
const COUNTERPART = Symbol('counterpart')
/** The origin of the counterpart's presence removed here because the link went down. */
const LINK_DOWN = Symbol('link-down')

/** What the screen shows about its own edits: all with the station, some waiting, or one refused. */
export interface ReplicaState {
  /** Local changes the station has not confirmed yet (while it cannot be reached, they wait here). */
  unsaved: boolean
  /**
   * waiting: the station could not take them now (unreachable, signed out); they go again on retry.
   * refused: the station refused one for good; this copy has drifted from it and must be reloaded.
   */
  problem: { kind: 'waiting' | 'refused'; error: ApiError } | null
}

/** Failures after which the same update may succeed later. */
const TRANSIENT = new Set(['unavailable', 'unauthenticated'])

type Listener = () => void

const screenOrigin = () => `screen:${Math.random().toString(36).slice(2, 12)}`

/**
 * This screen's copy of one plan document. Every local change (a field, a task, a keystroke in the notes) is
 * sent to the station in order, one call at a time, the waiting ones merged into one update; changes from
 * elsewhere arrive as `plans:update` events and are applied under REMOTE so they are not sent back. A send
 * the station never confirmed stays queued and goes again when it is back: applying an update twice is harmless.
 */
export class PlanReplica {
  readonly doc = new Y.Doc({ gc: false }) // as in main: versions are snapshots, which need the deleted content
  readonly awareness = new Awareness(this.doc)
  /** Names this screen's changes and presence in the events main sends to every screen. */
  readonly origin = screenOrigin()
  private queue: Uint8Array[] = []
  private sending = false
  private presenceDirty = false
  private presenceSending = false
  /** The screens across the border whose presence this copy holds: they cannot be seen once the link is down. */
  private readonly counterpartClients = new Set<number>()
  /** Whether the border link to the counterpart is up, as last told (null: not told yet). */
  private linked: boolean | null = null
  private snapshot: ReplicaState = { unsaved: false, problem: null }
  private readonly listeners = new Set<Listener>()
  private destroyed = false

  constructor(
    private readonly api: BloApi,
    readonly id: string
  ) {
    this.doc.on('updateV2', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.destroyed) return
      this.queue.push(update)
      this.setState()
      void this.flush()
    })
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === COUNTERPART) for (const client of [...added, ...updated]) this.counterpartClients.add(client)
      for (const client of removed) this.counterpartClients.delete(client)
      if (origin === 'local') {
        this.presenceDirty = true
        void this.sendPresence()
      } else if (added.length > 0) {
        // Someone new is here: they learn of us now rather than at our next 15-second renewal. Renewed, not
        // resent: a screen that dropped us (the link went down, or we timed out) ignores a clock it has seen.
        this.renewPresence()
      }
    })
  }

  /** Loads the whole document from the station (or what this copy lacks, once it holds something). */
  async load(): Promise<void> {
    const known = this.doc.store.clients.size > 0
    const stateVector = known ? toBase64(Y.encodeStateVector(this.doc)) : undefined
    const { state } = await this.api.invoke('plans.open', { id: this.id, ...(stateVector && { stateVector }) })
    if (!this.destroyed) Y.applyUpdateV2(this.doc, fromBase64(state), REMOTE)
  }

  /** A change main announced. A change too large for an event comes without its bytes: fetch what we lack. */
  receive(event: EventPayload<'plans:update'>): void {
    if (event.id !== this.id || event.origin === this.origin || this.destroyed) return
    if (event.update === null) {
      void this.catchUp()
      return
    }
    Y.applyUpdateV2(this.doc, fromBase64(event.update), REMOTE)
    // A missed event leaves changes waiting for ones we never got: ask the station for what is missing.
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) void this.catchUp()
  }

  receivePresence(event: EventPayload<'plans:awareness'>): void {
    if (event.id !== this.id || event.origin === this.origin || this.destroyed) return
    applyAwarenessUpdate(this.awareness, fromBase64(event.update), event.origin === 'peer' ? COUNTERPART : REMOTE)
  }

  /**
   * The border link to the counterpart went down or came back. Down: the counterpart's screens are no longer
   * seen, so their names and carets go now (not when their presence times out half a minute later, which
   * would show an officer typing across a cut link). Back: ours is renewed at once, so the counterpart sees
   * us again now rather than at the next 15-second renewal; their renewal answers it.
   */
  counterpartLinked(linked: boolean): void {
    if (this.destroyed || linked === this.linked) return
    const wasDown = this.linked === false
    this.linked = linked
    if (!linked) {
      const gone = [...this.counterpartClients].filter((client) => this.awareness.getStates().has(client))
      this.counterpartClients.clear()
      if (gone.length > 0) removeAwarenessStates(this.awareness, gone, LINK_DOWN)
    } else if (wasDown) {
      this.renewPresence()
    }
  }

  /** After the connection to the station came back (or a sign-in): fetch what we missed, send what waited. */
  reconnected(): void {
    void this.catchUp().then(() => this.flush())
    this.renewPresence()
  }

  /** Send what waits now (the officer pressed "Try again", or signed in again). */
  retry(): void {
    void this.flush()
  }

  getState = (): ReplicaState => this.snapshot

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells the others this screen left the plan (best effort: the page may be closing). */
  leave(): void {
    if (!this.destroyed && this.awareness.getLocalState() !== null) removeAwarenessStates(this.awareness, [this.doc.clientID], 'local')
  }

  destroy(): void {
    if (this.destroyed) return
    this.leave()
    this.destroyed = true
    this.awareness.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  // ---- internals -------------------------------------------------------------------------------------

  /** Publishes our presence again under a new clock (as the 15-second renewal does), which sends it. */
  private renewPresence(): void {
    const state = this.awareness.getLocalState()
    if (!this.destroyed && state !== null) this.awareness.setLocalState(state)
  }

  private setState(problem: ReplicaState['problem'] = this.snapshot.problem): void {
    const unsaved = this.queue.length > 0
    if (unsaved === this.snapshot.unsaved && problem === this.snapshot.problem) return
    this.snapshot = { unsaved, problem }
    for (const listener of this.listeners) listener()
  }

  private async catchUp(): Promise<void> {
    try {
      await this.load()
    } catch {
      // The next reconnect or event tries again; the screen keeps working on what it has.
    }
  }

  /** Everything waiting, merged, as long as it fits one call; else fewer of the oldest. */
  private nextBatch(): Uint8Array {
    let count = this.queue.length
    let merged = count === 1 ? this.queue[0] : Y.mergeUpdatesV2(this.queue)
    while (count > 1 && merged.byteLength > MAX_PLAN_UPDATE_BYTES) {
      count = Math.ceil(count / 2)
      merged = count === 1 ? this.queue[0] : Y.mergeUpdatesV2(this.queue.slice(0, count))
    }
    this.queue.splice(0, count, merged)
    return merged
  }

  private async flush(): Promise<void> {
    // Not stopped by destroy(): edits made just before leaving the plan still reach the station.
    if (this.sending || this.queue.length === 0) return
    this.sending = true
    try {
      while (this.queue.length > 0) {
        const update = this.nextBatch()
        // In flight it stays first in the queue: a failure leaves it there, in order.
        try {
          await this.api.invoke('plans.update', { id: this.id, update: toBase64(update), origin: this.origin })
          this.queue.shift()
          this.setState(null)
        } catch (caught) {
          const error = toApiError(caught)
          if (TRANSIENT.has(error.code)) {
            this.setState({ kind: 'waiting', error })
            return
          }
          // Refused for good (malformed, too large, or built on a change refused before): from here on this
          // copy holds something the station never will, so it must be reloaded; the station's copy is intact.
          this.queue.shift()
          this.setState({ kind: 'refused', error })
          return
        }
      }
    } finally {
      this.sending = false
    }
  }

  private async sendPresence(): Promise<void> {
    if (this.presenceSending) return
    this.presenceSending = true
    try {
      while (this.presenceDirty) {
        this.presenceDirty = false
        const update = encodeAwarenessUpdate(this.awareness, [this.doc.clientID])
        try {
          await this.api.invoke('plans.awareness', { id: this.id, update: toBase64(update), origin: this.origin })
        } catch {
          // Presence is ephemeral: the 15-second renewal or the next change carries it again.
        }
      }
    } finally {
      this.presenceSending = false
    }
  }
}
