import { describe, expect, it } from 'vitest'
import { InboundQueue, type InboundHandlers } from '../../main/core/sync/inbound-queue'

/** Burns the CPU for about `ms`, as applying a large update does. */
function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Items are lists of labels; labels "doc:x" share the key "x" and merge, others never do. */
function handlers(overrides: Partial<InboundHandlers<string[]>>): InboundHandlers<string[]> {
  return {
    handle: () => undefined,
    keyOf: ([label]) => (label.startsWith('doc:') ? label.slice(4).split('#')[0] : null),
    merge: (into, next) => into.push(...next),
    afterTurn: () => undefined,
    pause: () => undefined,
    resume: () => undefined,
    ...overrides
  }
}

describe('inbound queue', () => {
  it('hands the event loop back between turns, so other work interleaves with a burst', async () => {
    const log: string[] = []
    const queue = new InboundQueue(
      handlers({ handle: ([label]) => (busy(4), log.push(label)), afterTurn: () => log.push('turn') }),
      { maxFrames: 100, maxBytes: 1e9, turnMs: 5 }
    )
    for (let n = 1; n <= 20; n++) queue.push([`frame ${n}`], 10)
    // Another socket's callback, due as soon as the loop is free.
    setTimeout(() => log.push('timer'), 0)
    while (queue.size > 0) await tick()

    expect(log.filter((l) => l.startsWith('frame'))).toEqual(Array.from({ length: 20 }, (_, i) => `frame ${i + 1}`))
    const timerAt = log.indexOf('timer')
    expect(timerAt).toBeGreaterThan(0)
    // The timer ran long before the burst was done, not after it.
    expect(log.slice(0, timerAt).filter((l) => l.startsWith('frame')).length).toBeLessThan(10)
    expect(log.filter((l) => l === 'turn').length).toBeGreaterThan(1)
  })

  it('hands over items with one key that waited together as one, where the first one stood', async () => {
    const handled: string[][] = []
    const queue = new InboundQueue(handlers({ handle: (item) => handled.push(item) }))
    for (const label of ['doc:a#1', 'hello', 'doc:b#1', 'doc:a#2', 'ack', 'doc:a#3']) queue.push([label], 1)
    expect(queue.size).toBe(6)
    while (queue.size > 0) await tick()
    expect(handled).toEqual([['doc:a#1', 'doc:a#2', 'doc:a#3'], ['hello'], ['doc:b#1'], ['ack']])
    // Once handed over, a key starts afresh.
    queue.push(['doc:a#4'], 1)
    while (queue.size > 0) await tick()
    expect(handled.at(-1)).toEqual(['doc:a#4'])
  })

  it('stops reading past its bound, counting merged frames too, and reads again once down to half', async () => {
    const events: string[] = []
    const queue = new InboundQueue(
      handlers({ pause: () => events.push('pause'), resume: () => events.push('resume') }),
      { maxFrames: 8, maxBytes: 1e9, turnMs: 0 }
    )
    for (let n = 0; n < 4; n++) queue.push([`frame ${n}`], 1)
    for (let n = 0; n < 3; n++) queue.push([`doc:a#${n}`], 1)
    expect(events).toEqual([])
    queue.push(['doc:a#3'], 1)
    expect(events).toEqual(['pause'])
    queue.push(['frame 9'], 1) // already on its way when reading stopped: taken, not lost
    expect(queue.size).toBe(9)
    let sizeAtResume = -1
    while (queue.size > 0) {
      await tick()
      if (events.length === 2 && sizeAtResume < 0) sizeAtResume = queue.size
    }
    expect(events).toEqual(['pause', 'resume'])
    expect(sizeAtResume).toBeLessThanOrEqual(4)
  })

  it('counts bytes as well as frames', () => {
    const events: string[] = []
    const queue = new InboundQueue(handlers({ pause: () => events.push('pause') }), { maxFrames: 1000, maxBytes: 1024, turnMs: 5 })
    queue.push(['a'], 600)
    expect(events).toEqual([])
    queue.push(['b'], 600)
    expect(events).toEqual(['pause'])
    queue.stop()
  })

  it('handles nothing more once stopped', async () => {
    const handled: string[][] = []
    const queue = new InboundQueue(handlers({ handle: (item) => handled.push(item) }))
    queue.push(['1'], 1)
    queue.stop()
    queue.push(['2'], 1)
    await tick()
    await tick()
    expect(handled).toEqual([])
    expect(queue.size).toBe(0)
  })
})
