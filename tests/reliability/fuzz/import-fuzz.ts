/**
 * Malformed import files through the real CLI (`blo case add --data DIR --json FILE`), which goes through the
 * running station host: each must be refused with one line on stderr that says what is wrong, with exit code
 * 1 or 2 and no stack trace; a good file must still go in afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Rng } from '../../../main/core/cases/seed-data/random'
import { runSourceCli } from '../lib/source-programs'

export interface ImportFuzzOptions {
  dataDir: string
  workDir: string
  rng: Rng
  /** Size of the largest file tried, in MB. */
  hugeMb: number
}

export interface ImportFuzzResult {
  files: number
  refused: number
  accepted: number
  problems: string[]
  /** What the CLI said, per file: the evidence of "a clear reason". */
  messages: Record<string, string>
}

const GOOD_CASE = {
  occurredAt: '2026-11-20T08:30:00+07:00',
  category: 'wildlife',
  location: 'ด่านเชียงของ',
  summary: 'ลิ่นซุกในกล่องผลไม้',
  items: [{ commodity: 'pangolin scales', quantity: 12, unit: 'kg' }]
}

/** Each file, and what the one line on stderr must say about it. */
function files(rng: Rng, hugeMb: number): [string, string | Buffer, RegExp][] {
  const random = Buffer.from(Array.from({ length: 4096 }, () => rng.int(0, 255)))
  const notJson = /is not valid JSON/
  const invalid = /Invalid input to cases\.create/
  return [
    ['empty.json', '', notJson],
    ['binary.json', random, notJson],
    ['truncated.json', JSON.stringify(GOOD_CASE).slice(0, 40), notJson],
    ['array.json', '[]', invalid],
    ['number.json', '42', invalid],
    ['null.json', 'null', invalid],
    ['wrong-types.json', JSON.stringify({ ...GOOD_CASE, occurredAt: 20261120, items: 'many', persons: [{ name: 7 }] }), /occurredAt.*items.*persons\.0\.name/],
    ['unknown-keys.json', JSON.stringify({ ...GOOD_CASE, sql: "'; DROP TABLE cases; --" }), /Unrecognized key: "sql"/],
    ['prototype.json', '{"__proto__":{"category":"narcotics"},"constructor":{"prototype":{"x":1}}}', invalid],
    ['deep.json', '['.repeat(200_000) + ']'.repeat(200_000), /nested too deeply/],
    ['many-cases.json', JSON.stringify(Array.from({ length: 2000 }, () => GOOD_CASE)), /expected object, received array/],
    ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(GOOD_CASE), 'utf16le')]), notJson],
    ['long-strings.json', JSON.stringify({ ...GOOD_CASE, summary: 'ก'.repeat(600_000), narrative: 'x'.repeat(100_000) }), /summary: Too big/],
    ['huge.json', JSON.stringify({ ...GOOD_CASE, narrative: 'ข'.repeat(Math.round((hugeMb * 1024 * 1024) / 3)) }), /MB.*at most/]
  ]
}

const STACK_LINE = /^\s+at\s/m

export async function fuzzImports(options: ImportFuzzOptions): Promise<ImportFuzzResult> {
  const result: ImportFuzzResult = { files: 0, refused: 0, accepted: 0, problems: [], messages: {} }
  const dir = join(options.workDir, 'imports')
  mkdirSync(join(dir, 'a-folder.json'), { recursive: true })
  const cases: [string, string | Buffer | null, RegExp][] = [
    ...files(options.rng, options.hugeMb),
    ['missing.json', null, /cannot read .*ENOENT/],
    ['a-folder.json', null, /cannot read .*EISDIR/]
  ]
  for (const [name, content, says] of cases) {
    const file = join(dir, name)
    if (content !== null) writeFileSync(file, content)
    const run = await runSourceCli(['case', 'add', '--data', options.dataDir, '--json', file])
    result.files++
    const lines = run.stderr.trim().split('\n').filter(Boolean)
    result.messages[name] = lines.join(' | ').slice(0, 300)
    if (run.code === 0) {
      result.problems.push(`${name}: accepted: ${run.stdout.slice(0, 200)}`)
      continue
    }
    result.refused++
    if (run.signal || (run.code !== 1 && run.code !== 2)) result.problems.push(`${name}: the CLI ended with ${run.signal ?? run.code}`)
    if (lines.length !== 1 || !lines[0].startsWith('blo: ') || STACK_LINE.test(run.stderr)) {
      result.problems.push(`${name}: not one clear line on stderr: ${run.stderr.slice(0, 500)}`)
    } else if (!says.test(lines[0])) {
      result.problems.push(`${name}: the message does not say what is wrong (expected ${says}): ${lines[0].slice(0, 300)}`)
    }
  }
  // Good files still go in after the bad ones; text with a broken character (an unpaired surrogate, as a
  // cut-off emoji leaves) is text, stored as what UTF-8 can hold (the data folder checks look at it after).
  for (const [name, content] of [
    ['good.json', GOOD_CASE],
    ['broken-character.json', { ...GOOD_CASE, summary: 'ลิ่น \ud83e กล่อง' }]
  ] as const) {
    const file = join(dir, name)
    writeFileSync(file, JSON.stringify(content))
    const started = performance.now()
    const run = await runSourceCli(['case', 'add', '--data', options.dataDir, '--json', file])
    result.files++
    if (run.code === 0) result.accepted++
    else result.problems.push(`${name} was refused after the bad files (after ${Math.round(performance.now() - started)} ms): ${run.stderr.trim()}`)
  }
  return result
}
