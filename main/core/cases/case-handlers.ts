import type { Database } from 'better-sqlite3'
import type { HandlerMap } from '../api/dispatcher'
import type { StationEventListener } from '../api/station-events'
import type { CaseRepository } from './case-repository'
import { searchCases } from './case-search'

type CaseHandlers = Pick<
  HandlerMap,
  'cases.create' | 'cases.update' | 'cases.setStatus' | 'cases.void' | 'cases.get' | 'cases.history' | 'cases.search'
>

export function caseHandlers(db: Database, cases: CaseRepository, emit: StationEventListener): CaseHandlers {
  const changed = <T extends { id: string; version: number }>(c: T): T => {
    emit('cases:changed', { id: c.id, version: c.version })
    return c
  }
  return {
    'cases.create': (input, ctx) => changed(cases.create(input, ctx)),
    'cases.update': ({ id, expectedVersion, input }, ctx) => changed(cases.update(id, expectedVersion, input, ctx)),
    'cases.setStatus': ({ id, expectedVersion, status, note }, ctx) =>
      changed(cases.setStatus(id, expectedVersion, status, note, ctx)),
    'cases.void': ({ id, expectedVersion, reason }, ctx) => changed(cases.void(id, expectedVersion, reason, ctx)),
    'cases.get': ({ id }) => cases.get(id),
    'cases.history': ({ id }) => cases.history(id),
    'cases.search': (query) => searchCases(db, query)
  }
}
