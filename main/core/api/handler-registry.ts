import { methods, type MethodName } from '../../../preload/api'
import type { Handler, HandlerMap } from './dispatcher'

/** Some of the contract's methods, as one feature implements them. */
export type FeatureHandlers = Partial<HandlerMap>

/**
 * Joins the features' handlers into the one map the dispatcher serves, and refuses to start a station whose
 * features do not add up to the contract: a method two features both claim (a spread would let the later one
 * silently win), a handler for a name the contract lacks, or a contract method nobody implements.
 */
export function registerHandlers(features: Record<string, FeatureHandlers>): HandlerMap {
  const owner = new Map<string, string>()
  const joined: Record<string, Handler<MethodName>> = {}
  const problems: string[] = []
  for (const [feature, handlers] of Object.entries(features)) {
    for (const [method, handler] of Object.entries(handlers)) {
      const claimed = owner.get(method)
      if (claimed) problems.push(`${method} is handled by both ${claimed} and ${feature}`)
      else if (!Object.hasOwn(methods, method)) problems.push(`${feature} handles ${method}, which the contract (preload/api.ts) does not have`)
      owner.set(method, claimed ?? feature)
      joined[method] = handler as Handler<MethodName>
    }
  }
  const missing = Object.keys(methods).filter((method) => !owner.has(method))
  if (missing.length) problems.push(`no feature handles ${missing.join(', ')}`)
  if (problems.length) throw new Error(`The station's handlers do not match its API contract: ${problems.join('; ')}.`)
  return joined as HandlerMap
}
