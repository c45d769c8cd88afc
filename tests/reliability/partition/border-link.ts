/**
 * The link between the two offices for the partition run: one throttling proxy in front of each station (each
 * dials the other through it), driven together, so a cut, a silent cut or a slower radio affects both sessions
 * whichever side dialled.
 */
import { startThrottleProxy, type LinkConditions, type ThrottleProxy } from '../../helpers/throttle-proxy'

export interface LinkState extends Required<LinkConditions> {
  mode: 'up' | 'cut' | 'silent'
}

export class BorderLink {
  private current: LinkState

  private constructor(
    private readonly proxies: ThrottleProxy[],
    conditions: Required<LinkConditions>
  ) {
    this.current = { ...conditions, mode: 'up' }
  }

  static async start(targets: number[], conditions: Required<LinkConditions>): Promise<BorderLink> {
    const proxies = await Promise.all(targets.map((port) => startThrottleProxy({ target: { host: '127.0.0.1', port }, ...conditions })))
    return new BorderLink(proxies, conditions)
  }

  /** The port that reaches target i through the link. */
  port(i: number): number {
    return this.proxies[i].port
  }

  get state(): LinkState {
    return { ...this.current }
  }

  cut(silent: boolean): void {
    for (const proxy of this.proxies) proxy.cut({ silent })
    this.current.mode = silent ? 'silent' : 'cut'
  }

  restore(): void {
    for (const proxy of this.proxies) proxy.restore()
    this.current.mode = 'up'
  }

  set(conditions: Required<LinkConditions>): void {
    for (const proxy of this.proxies) proxy.setLink(conditions)
    this.current = { ...this.current, ...conditions }
  }

  /** TCP connections carried so far (whichever side dialled), through both proxies. */
  connections(): number {
    return this.proxies.reduce((n, p) => n + p.stats().connections, 0)
  }

  /** Payload bytes delivered so far, both ways, through both proxies. */
  bytes(): number {
    return this.proxies.reduce((n, p) => n + p.stats().bytesUp + p.stats().bytesDown, 0)
  }

  async close(): Promise<void> {
    await Promise.all(this.proxies.map((p) => p.close()))
  }
}
