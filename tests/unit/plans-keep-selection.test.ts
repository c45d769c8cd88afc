import { describe, expect, it } from 'vitest'
import { keepSelection } from '../../renderer/src/features/plans/editor/keep-selection'

const TITLE = 'Night watch at the old ferry pier'

describe('a field selection under a write from elsewhere', () => {
  it('keeps a whole-value selection whole, so typing replaces the new value', () => {
    expect(keepSelection(TITLE, `${TITLE} (B)`, 0, TITLE.length)).toEqual([0, TITLE.length + 4])
    expect(keepSelection(TITLE, `(B) ${TITLE}`, 0, TITLE.length)).toEqual([0, TITLE.length + 4])
    expect(keepSelection(TITLE, 'Day watch', 0, TITLE.length)).toEqual([0, 9])
  })

  it('keeps a selection on the same text when the change is elsewhere', () => {
    const start = TITLE.indexOf('old')
    expect(keepSelection(TITLE, `${TITLE} (B)`, start, start + 3)).toEqual([start, start + 3])
    expect(keepSelection(TITLE, `(B) ${TITLE}`, start, start + 3)).toEqual([start + 4, start + 7])
  })

  it('moves a caret in or at the changed part after it', () => {
    expect(keepSelection(TITLE, `${TITLE} (B)`, TITLE.length, TITLE.length)).toEqual([TITLE.length + 4, TITLE.length + 4])
    expect(keepSelection('abcdef', 'abXYZef', 3, 3)).toEqual([5, 5])
    expect(keepSelection('abcdef', 'abXYZef', 2, 2)).toEqual([2, 2])
    expect(keepSelection('abcdef', '', 4, 6)).toEqual([0, 0])
    expect(keepSelection('', 'abc', 0, 0)).toEqual([3, 3])
  })

  it('widens a selection that overlaps the change to cover what replaced it', () => {
    expect(keepSelection('abcdef', 'abXYZef', 1, 3)).toEqual([1, 5])
    expect(keepSelection('abcdef', 'abXYZef', 3, 5)).toEqual([2, 6])
    expect(keepSelection('aaaa', 'aaaaa', 0, 4)).toEqual([0, 5])
  })
})
