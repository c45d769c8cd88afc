/**
 * The station host's WebSocket transport for the API: the same calls and events as Electron IPC,
 * framed as JSON text messages. The browser finds the token in the page URL's fragment (#token=…),
 * so it never reaches server logs or Referer headers, and connects to ws://127.0.0.1:PORT/api?token=….
 */
import { z } from 'zod'
import type { Reply } from './api'

export const HOST_API_PATH = '/api'
export const MAX_HOST_FRAME_BYTES = 4 * 1024 * 1024

export const HostCall = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  // JSON drops an undefined input (e.g. station.info), and zod 4 would refuse the missing key; IPC accepts it.
  input: z.unknown().optional()
})
export type HostCall = z.infer<typeof HostCall>

export type HostServerMessage =
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'event'; event: string; payload: unknown }
