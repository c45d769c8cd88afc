/**
 * What changed between two texts, by line and then by word inside changed lines. Words come from the ICU
 * word segmenter, which splits Thai, Lao, Khmer and Burmese (no spaces between words) by dictionary.
 */
import type { TextDiffPart } from '../../../preload/api'

type Op = TextDiffPart['op']

/** Beyond this many edits a block is shown as replaced whole: the diff stays fast on any input. */
const MAX_LINE_EDITS = 2000
const MAX_WORD_EDITS = 1000

/**
 * Myers' O(ND) difference of two token sequences, or null if they differ by more than maxEdits tokens.
 * Keeps only the band of the edit graph each round reads (O(D²) memory) to walk the path back.
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): [Op, string][] | null {
  const n = a.length
  const m = b.length
  if (n === 0) return b.map((t) => ['insert', t])
  if (m === 0) return a.map((t) => ['delete', t])
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= Math.min(max, maxEdits); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return walkBack(trace, a, b)
    }
  }
  return null
}

function walkBack(trace: Int32Array[], a: readonly string[], b: readonly string[]): [Op, string][] {
  const ops: [Op, string][] = []
  let x = a.length
  let y = b.length
  for (let d = trace.length - 1; d >= 0; d--) {
    if (d === 0) {
      // The first snake, from the origin: x === y here.
      while (x > 0) ops.push(['equal', a[--x]])
      break
    }
    const band = trace[d]
    const at = (k: number) => band[k + d + 1]
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const startX = down ? prevX : prevX + 1
    while (x > startX) {
      ops.push(['equal', a[--x]])
      y--
    }
    if (down) ops.push(['insert', b[--y]])
    else ops.push(['delete', a[--x]])
  }
  return ops.reverse()
}

/** Token diff with the common head and tail taken off first (the usual case: a small edit in a long text). */
export function diffTokens(a: readonly string[], b: readonly string[], maxEdits: number): [Op, string][] | null {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let endA = a.length
  let endB = b.length
  while (endA > head && endB > head && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const middle = myers(a.slice(head, endA), b.slice(head, endB), maxEdits)
  if (!middle) return null
  const equal = (tokens: readonly string[]) => tokens.map((t): [Op, string] => ['equal', t])
  return [...equal(a.slice(0, head)), ...middle, ...equal(a.slice(endA))]
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
