/**
 * The one API contract between the station (main) and its screens (renderer), carried by Electron IPC
 * or by the station host's WebSocket. Adding a method here is the only way to grow the surface:
 * main must implement every name (the handler map is typed against this), the renderer can call nothing else.
 */
import { z } from 'zod'
import {
  Case,
  CaseId,
  CaseInput,
  CasePage,
  CaseQuery,
  CaseStatusInput,
  CaseUpdate,
  CaseVersion,
  CaseVoidInput
} from './schemas/cases'
import { Empty, StationInfo } from './schemas/station'
import {
  AcknowledgeInput,
  ExchangeChanged,
  ExchangeGetInput,
  ExchangeItem,
  ExchangePage,
  ExchangeQuery,
  MarkReadInput,
  MarkReadResult,
  MessageThread,
  RecordDetail,
  ReplyInput,
  SendAlertInput,
  SendRequestInput,
  ShareInput,
  WithdrawInput
} from './schemas/exchange'
import { LinkEvent, LinkLogQuery, PairedStation, PairingInput, StationCard, SyncStatus, UnpairInput } from './schemas/link'

export * from './schemas/cases'
export * from './schemas/station'
export * from './schemas/exchange'
export * from './schemas/link'

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

export const methods = {
  'station.info': method(Empty, StationInfo),
  'cases.create': method(CaseInput, Case),
  'cases.update': method(CaseUpdate, Case),
  'cases.setStatus': method(CaseStatusInput, Case),
  'cases.void': method(CaseVoidInput, Case),
  'cases.get': method(CaseId, Case),
  'cases.history': method(CaseId, z.array(CaseVersion)),
  'cases.search': method(CaseQuery, CasePage),
  'pairing.show': method(Empty, StationCard),
  'pairing.list': method(Empty, z.array(PairedStation)),
  'pairing.add': method(PairingInput, PairedStation),
  'pairing.remove': method(UnpairInput, z.object({ removed: z.boolean() })),
  'sync.status': method(Empty, SyncStatus),
  'sync.log': method(LinkLogQuery, z.array(LinkEvent)),
  'exchange.share': method(ShareInput, RecordDetail),
  'exchange.withdraw': method(WithdrawInput, RecordDetail),
  'exchange.list': method(ExchangeQuery, ExchangePage),
  'exchange.get': method(ExchangeGetInput, ExchangeItem),
  'exchange.sendAlert': method(SendAlertInput, MessageThread),
  'exchange.sendRequest': method(SendRequestInput, MessageThread),
  'exchange.reply': method(ReplyInput, MessageThread),
  'exchange.acknowledge': method(AcknowledgeInput, MessageThread),
  'exchange.markRead': method(MarkReadInput, MarkReadResult)
} as const

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>

export const methodNames = Object.keys(methods) as MethodName[]

/** Events main pushes to every open screen. */
export const events = {
  'cases:changed': z.object({ id: z.string(), version: z.number().int() }),
  'sync:status': SyncStatus,
  'exchange:changed': ExchangeChanged
} as const
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const eventNames = Object.keys(events) as EventName[]

export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'unavailable', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the boundary when a call fails: a code to branch on, a sentence for people, the fields at fault. */
export const ApiErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([])
})
export type ApiErrorShape = z.infer<typeof ApiErrorShape>

/** Envelope for every reply, so both transports report errors the same way. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** The renderer-facing surface, identical over IPC and WebSocket. */
export interface BloApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** What preload exposes as window.blo: the raw, name-checked channel. The renderer client wraps it into BloApi. */
export interface BloBridge {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>
  on(event: string, listener: (payload: unknown) => void): () => void
}
