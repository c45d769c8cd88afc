/**
 * What changed between two texts, by line and then by word inside changed lines. Words come from the ICU
 * word segmenter, which splits Thai, Lao, Khmer and Burmese (no spaces between words) by dictionary.
 */
import { diffArrays } from 'diff'
import type { TextDiffPart } from '../../../preload/api'

type Op = TextDiffPart['op']

/** Beyond this many edits a block is shown as replaced whole: the diff stays fast on any input. */
const MAX_LINE_EDITS = 2000
const MAX_WORD_EDITS = 1000

/**
 * The shortest edit script between two token sequences (jsdiff's Myers diff), or null when they differ by more than
 * maxEdits tokens.
 */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits: number): [Op, string][] | null {
  const changes = diffArrays([...a], [...b], { maxEditLength: maxEdits })
  if (!changes) return null
  return changes.flatMap(({ value, added, removed }) => {
    const op: Op = added ? 'insert' : removed ? 'delete' : 'equal'
    return value.map((token): [Op, string] => [op, token])
  })
}

/** Lines with their line break, so that joining the tokens gives the text back exactly. */
const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? []

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
const words = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment)

function push(parts: TextDiffPart[], op: Op, text: string): void {
  if (!text) return
  const last = parts.at(-1)
  if (last?.op === op) last.text += text
  else parts.push({ op, text })
}

/** Changed lines diffed again word by word; each part is a maximal run of one kind. */
export function diffText(before: string, after: string): TextDiffPart[] {
  const parts: TextDiffPart[] = []
  const lineOps = diffTokens(lines(before), lines(after), MAX_LINE_EDITS) ?? [
    ['delete', before] as [Op, string],
    ['insert', after] as [Op, string]
  ]
  let removed = ''
  let added = ''
  const flush = () => {
    const wordOps = removed && added ? diffTokens(words(removed), words(added), MAX_WORD_EDITS) : null
    if (wordOps) for (const [op, text] of wordOps) push(parts, op, text)
    else {
      push(parts, 'delete', removed)
      push(parts, 'insert', added)
    }
    removed = ''
    added = ''
  }
  for (const [op, text] of lineOps) {
    if (op === 'delete') removed += text
    else if (op === 'insert') added += text
    else {
      flush()
      push(parts, 'equal', text)
    }
  }
  flush()
  return parts
}
