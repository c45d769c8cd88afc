import type { HandlerMap } from '../api/dispatcher'
import type { PlanQueries } from './plan-queries'
import type { PlanService } from './plan-service'

export type PlanHandlers = Pick<
  HandlerMap,
  | 'plans.create'
  | 'plans.list'
  | 'plans.get'
  | 'plans.edit'
  | 'plans.open'
  | 'plans.update'
  | 'plans.awareness'
  | 'plans.approve'
  | 'plans.saveVersion'
  | 'plans.version'
  | 'plans.diff'
  | 'plans.restore'
>

export function planHandlers(ready: Promise<{ service: PlanService; queries: PlanQueries }>): PlanHandlers {
  return {
    'plans.create': async (input, ctx) => (await ready).service.create(input, ctx),
    'plans.list': async (query) => (await ready).queries.list(query),
    'plans.get': async ({ id }) => (await ready).service.detail(id),
    'plans.edit': async ({ id, edits }, ctx) => (await ready).service.edit(id, edits, ctx),
    'plans.open': async ({ id, stateVector }) => (await ready).service.open(id, stateVector),
    'plans.update': async ({ id, update, origin }, ctx) => (await ready).service.update(id, update, origin, ctx),
    'plans.awareness': async ({ id, update, origin }) => (await ready).service.awareness(id, update, origin),
    'plans.approve': async ({ id, stateHash }, ctx) => (await ready).service.approve(id, stateHash, ctx),
    'plans.saveVersion': async ({ id, name }, ctx) => (await ready).service.saveVersion(id, name, ctx),
    'plans.version': async ({ id, versionId }) => (await ready).service.version(id, versionId),
    'plans.diff': async ({ id, from, to }) => (await ready).service.diff(id, from, to),
    'plans.restore': async ({ id, versionId }, ctx) => (await ready).service.restore(id, versionId, ctx)
  }
}
