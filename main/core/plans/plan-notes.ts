/**
 * The plan's rich-text notes: a Y.XmlFragment in the shape y-prosemirror writes (one Y.XmlElement per
 * ProseMirror node, named by its type; text with its marks as Y.XmlText formatting). Main never renders it;
 * it reads it as plain text (one line per text block) and, for the CLI and tests, edits it by text block.
 */
import * as Y from 'yjs'
import { cached } from './plan-cache'
import { plainText } from './plan-text'

/** Inline ProseMirror nodes that live inside a text block rather than forming one. */
const INLINE_NODES = new Set(['hardBreak', 'hard_break', 'image', 'mention', 'emoji'])
const LINE_BREAKS = new Set(['hardBreak', 'hard_break'])

type Child = Y.XmlElement | Y.XmlText | Y.XmlHook

const isInline = (node: Child) => node instanceof Y.XmlText || (node instanceof Y.XmlElement && INLINE_NODES.has(node.nodeName))

/** A text block holds text or inline nodes (a paragraph, a heading); anything else with children is a container. */
function isTextBlock(element: Y.XmlElement): boolean {
  const children = element.toArray() as Child[]
  return children.length === 0 ? !INLINE_NODES.has(element.nodeName) : children.some(isInline)
}

/** Text blocks and stray top-level texts, in document order: the lines of the plain text. */
export function textBlocks(fragment: Y.XmlFragment | Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
  const blocks: (Y.XmlElement | Y.XmlText)[] = []
  for (const child of fragment.toArray() as Child[]) {
    if (child instanceof Y.XmlText) blocks.push(child)
    else if (child instanceof Y.XmlElement) {
      if (isTextBlock(child)) blocks.push(child)
      else blocks.push(...textBlocks(child))
    }
  }
  return blocks
}

function blockText(block: Y.XmlElement | Y.XmlText): string {
  if (block instanceof Y.XmlText) return plainText(block)
  return cached(block, 'text', () => {
    let out = ''
    for (const child of block.toArray() as Child[]) {
      if (child instanceof Y.XmlText) out += plainText(child)
      else if (child instanceof Y.XmlElement && LINE_BREAKS.has(child.nodeName)) out += '\n'
    }
    return out
  })
}

/** The notes as plain text: one line per text block. */
export function notesText(fragment: Y.XmlFragment): string {
  return cached(fragment, 'text', () => textBlocks(fragment).map(blockText).join('\n'))
}

/** Replaces the notes with one paragraph per line of text. */
export function setNotesText(fragment: Y.XmlFragment, text: string): void {
  if (fragment.length) fragment.delete(0, fragment.length)
  fragment.insert(0, text.split('\n').map(paragraph))
}

export function paragraph(line: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  if (line) element.insert(0, [new Y.XmlText(line)])
  return element
}

function blockAt(fragment: Y.XmlFragment, index: number): Y.XmlElement | Y.XmlText {
  const blocks = textBlocks(fragment)
  const block = blocks[index]
  if (!block) throw new RangeError(`the notes have ${blocks.length} paragraph(s); there is no paragraph ${index}`)
  return block
}

/** The children of a text block with the character offsets they start at (an inline node counts as one). */
function spans(block: Y.XmlElement): { child: Child; index: number; start: number; length: number }[] {
  let start = 0
  return (block.toArray() as Child[]).map((child, index) => {
    const length = child instanceof Y.XmlText ? child.length : 1
    const span = { child, index, start, length }
    start += length
    return span
  })
}

/** Inserts text into a text block at a character offset (UTF-16 units, as the editor counts). */
export function insertNotesText(fragment: Y.XmlFragment, paragraphIndex: number, offset: number, text: string): void {
  const block = blockAt(fragment, paragraphIndex)
  if (block instanceof Y.XmlText) {
    if (offset > block.length) throw new RangeError(`paragraph ${paragraphIndex} has ${block.length} characters; offset ${offset} is past its end`)
    block.insert(offset, text)
    return
  }
  const parts = spans(block)
  const length = parts.reduce((n, p) => n + p.length, 0)
  if (offset > length) throw new RangeError(`paragraph ${paragraphIndex} has ${length} characters; offset ${offset} is past its end`)
  const inText = parts.find((p) => p.child instanceof Y.XmlText && offset >= p.start && offset <= p.start + p.length)
  if (inText) (inText.child as Y.XmlText).insert(offset - inText.start, text)
  else block.insert(parts.filter((p) => p.start < offset).length, [new Y.XmlText(text)])
}

/** Deletes characters of one text block; a range that runs past the block is refused. */
export function deleteNotesText(fragment: Y.XmlFragment, paragraphIndex: number, offset: number, length: number): void {
  const block = blockAt(fragment, paragraphIndex)
  const parts = block instanceof Y.XmlText ? [{ child: block as Child, index: 0, start: 0, length: block.length }] : spans(block)
  const total = parts.reduce((n, p) => n + p.length, 0)
  if (offset + length > total) throw new RangeError(`paragraph ${paragraphIndex} has ${total} characters; cannot delete ${length} from offset ${offset}`)
  // From the end, so earlier children keep their indexes while later ones go.
  for (const part of [...parts].reverse()) {
    const from = Math.max(offset, part.start)
    const to = Math.min(offset + length, part.start + part.length)
    if (from >= to) continue
    if (part.child instanceof Y.XmlText) part.child.delete(from - part.start, to - from)
    else (block as Y.XmlElement).delete(part.index, 1)
  }
}
