import type { Pointer } from '../../../../preload/api'
import type { ExchangeRow } from './use-exchange-pages'

export const rowPointer = (row: ExchangeRow): Pointer =>
  row.type === 'record' ? { type: 'record', origin: row.origin, id: row.recordId } : { type: 'message', origin: row.origin, id: row.message.id }

export const samePointer = (a: Pointer | null, b: Pointer | null): boolean =>
  a !== null && b !== null && a.type === b.type && a.origin === b.origin && a.id === b.id

export const pointerKey = (p: Pointer): string => `${p.type}:${p.origin}:${p.id}`
