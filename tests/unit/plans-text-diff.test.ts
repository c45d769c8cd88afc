import { describe, expect, it } from 'vitest'
import { diffText, diffTokens } from '../../main/core/plans/text-diff'

const rebuild = (parts: { op: string; text: string }[], side: 'before' | 'after') =>
  parts
    .filter((p) => p.op === 'equal' || p.op === (side === 'before' ? 'delete' : 'insert'))
    .map((p) => p.text)
    .join('')

describe('text diff', () => {
  it('finds a minimal token edit script', () => {
    expect(diffTokens(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c'], 100)?.filter(([op]) => op !== 'equal')).toHaveLength(5)
    expect(diffTokens(['x'], ['y'], 0)).toBeNull()
  })

  it('shows a changed word inside an unchanged line, and whole lines added or removed', () => {
    const before = 'Meet at the pier at 06:00\nBring radios\nCheck trucks'
    const after = 'Meet at the bridge at 06:00\nCheck trucks\nReport to HQ'
    const parts = diffText(before, after)
    expect(rebuild(parts, 'before')).toBe(before)
    expect(rebuild(parts, 'after')).toBe(after)
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['pier', 'Bring radios\n'])
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['bridge', '\nReport to HQ'])
  })

  it('splits Thai and Lao into words, which have no spaces between them', () => {
    const before = 'ตรวจค้นรถบรรทุกทุกคันที่ผ่านสะพาน'
    const after = 'ตรวจค้นรถกระบะทุกคันที่ผ่านสะพาน'
    const parts = diffText(before, after)
    expect(rebuild(parts, 'before')).toBe(before)
    expect(rebuild(parts, 'after')).toBe(after)
    expect(parts.find((p) => p.op === 'equal')?.text.startsWith('ตรวจค้น')).toBe(true)
    expect(parts.filter((p) => p.op !== 'equal').map((p) => p.text).join('').length).toBeLessThan(before.length)
  })

  it('stays exact on texts too different for a fine diff', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n')
    const after = Array.from({ length: 3000 }, (_, i) => `other ${i * 7}`).join('\n')
    const parts = diffText(before, after)
    expect(rebuild(parts, 'before')).toBe(before)
    expect(rebuild(parts, 'after')).toBe(after)
  })
})
