import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BoundedUpdateDecoderV2 } from '../../main/core/docs/bounded-update-decoder'

/** A real plan update with a few bytes changed (found by mutating updates): 42 bytes. */
const BOMB = Uint8Array.from(Buffer.from('0001000582a1d9ca170000010709066e6f746573700501010101030021ff1001c2d0ace50b0a01020102', 'hex'))

/** How many structs an update makes Yjs read, counted lazily (nothing is kept), up to `stop`. */
function structsClaimed(update: Uint8Array, stop: number): number {
  let count = 0
  class Counting extends Y.UpdateDecoderV2 {
    override readInfo(): number {
      if (++count >= stop) throw new Error('enough')
      return super.readInfo()
    }
  }
  try {
    Y.parseUpdateMetaV2(update, Counting)
  } catch {
    // stopped, or the update ended
  }
  return count
}

/**
 * Two writers taking turns, one character each: the densest honest history measured (about one struct per byte).
 * One document whose client ID alternates writes the same update as two documents syncing after every character,
 * in a thirtieth of the time.
 */
function alternatingWriters(characters: number): Uint8Array {
  const doc = new Y.Doc({ gc: false })
  const text = doc.getText('notes')
  const writers = [doc.clientID, doc.clientID + 1]
  for (let i = 0; i < characters; i++) {
    doc.clientID = writers[i % 2]
    text.insert(text.length, 'y')
  }
  return Y.encodeStateAsUpdateV2(doc)
}

describe('bounded update decoder', () => {
  it('refuses, before building them, an update that claims millions of structs in a few bytes', () => {
    expect(BOMB.byteLength).toBe(42)
    // Unbounded, Yjs would build at least this many structs out of it (and run out of memory doing so).
    expect(structsClaimed(BOMB, 1_000_000)).toBe(1_000_000)
    const doc = new Y.Doc()
    expect(() => Y.applyUpdateV2(doc, BOMB, null, BoundedUpdateDecoderV2)).toThrow(/more parts than an update of its size can hold/)
    expect(() => Y.decodeUpdateV2(BOMB, BoundedUpdateDecoderV2)).toThrow(/more parts/)
    expect(() => Y.mergeUpdatesV2([Y.encodeStateAsUpdateV2(new Y.Doc()), BOMB], BoundedUpdateDecoderV2)).toThrow(/more parts/)
    expect(doc.store.clients.size).toBe(0)
  })

  it('takes honest updates, however fragmented their history', () => {
    const dense = alternatingWriters(30_000)
    expect(structsClaimed(dense, Infinity) / dense.byteLength).toBeGreaterThan(0.5)
    const copy = new Y.Doc({ gc: false })
    Y.applyUpdateV2(copy, dense, null, BoundedUpdateDecoderV2)
    expect(copy.getText('notes').length).toBe(30_000)

    // Random typing and deleting, merged with a plan's other parts.
    const plan = new Y.Doc({ gc: false })
    const text = plan.getText('notes')
    let seed = 1
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let i = 0; i < 20_000; i++) {
      if (text.length > 20 && next() < 0.4) text.delete(Math.floor(next() * text.length), 1)
      else text.insert(Math.floor(next() * (text.length + 1)), 'x')
    }
    plan.getArray('tasks').push([new Y.Map<unknown>([['id', 't1'], ['title', 'Check the boats']])])
    const merged = Y.mergeUpdatesV2([dense, Y.encodeStateAsUpdateV2(plan)], BoundedUpdateDecoderV2)
    const both = new Y.Doc({ gc: false })
    Y.applyUpdateV2(both, merged, null, BoundedUpdateDecoderV2)
    expect(both.getText('notes').toString()).toHaveLength(30_000 + text.length)
  })
})
