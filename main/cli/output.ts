import type { Reply } from '../../preload/api'

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** The value of a successful reply; a failed one becomes an error whose one-line message names the fields at fault. */
export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value
  const { message, issues } = reply.error
  const more = issues.length > 1 ? ` (also: ${issues.slice(1).map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')})` : ''
  throw new Error(`${message}${more}`)
}
