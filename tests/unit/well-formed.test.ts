import { describe, expect, it } from 'vitest'
import { wellFormed } from '../../main/core/api/well-formed'

describe('wellFormed (API input at the door)', () => {
  it('replaces unpaired surrogates anywhere in the input and keeps pairs', () => {
    const input = { summary: 'a\ud83e b', persons: [{ name: '\udc00x' }], ok: '😀', n: 3 }
    expect(wellFormed(input)).toEqual({ summary: 'a\ufffd b', persons: [{ name: '\ufffdx' }], ok: '😀', n: 3 })
    expect(input.summary).toBe('a\ud83e b') // the caller's value is not changed
  })

  it('returns the same object when there is nothing to repair', () => {
    const input = { summary: 'ยาบ้า 😀', items: [{ commodity: 'x' }] }
    expect(wellFormed(input)).toBe(input)
  })

  it('leaves input nested deeper than any contract allows to the schema, without running out of stack', () => {
    let deep: unknown = '\ud800'
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(wellFormed(deep)).toBe(deep)
  })
})
