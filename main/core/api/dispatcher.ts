import { methods, type MethodName, type MethodOutput, type MethodParsedInput, type Reply } from '../../../preload/api'
import { ApiError, invalidInput } from './api-error'
import { wellFormed } from './well-formed'
import type { AccessGate } from '../users/access-gate'
import type { CallContext, ConnectionState } from '../users/connection'

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext
) => MethodOutput<M> | Promise<MethodOutput<M>>

/** Every method of the contract must have exactly one handler: the type makes a missing one a compile error. */
export type HandlerMap = { [M in MethodName]: Handler<M> }

export type Logger = (message: string, error?: unknown) => void

const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(methods, name)

/**
 * The single door into the station: checks the method name, then who is calling and whether their role allows
 * the method (gate), then the input against the contract, before any handler runs; and turns every failure
 * into a Reply, so no transport ever sees an exception.
 */
export function createDispatcher(handlers: HandlerMap, gate: AccessGate, log: Logger) {
  return async function dispatch(method: string, input: unknown, connection: ConnectionState): Promise<Reply<unknown>> {
    try {
      if (typeof method !== 'string' || !isMethodName(method)) {
        throw new ApiError('invalid_input', `Unknown method "${String(method).slice(0, 100)}".`)
      }
      const ctx = gate.admit(method, connection)
      const schema = methods[method]
      const parsed = schema.input.safeParse(wellFormed(input ?? {}))
      if (!parsed.success) throw invalidInput(parsed.error, `input to ${method}`)
      const handler = handlers[method] as Handler<typeof method>
      const value = await handler(parsed.data as never, ctx)
      return { ok: true, value: schema.output.parse(value) }
    } catch (error) {
      if (error instanceof ApiError) {
        // Every refusal is on the record, whether the method table or a handler's own rule refused it.
        if (error.code === 'forbidden' && isMethodName(method)) {
          try {
            gate.refused(method, connection, error)
          } catch (auditError) {
            log(`could not audit the refusal of ${method}`, auditError)
          }
        }
        return { ok: false, error: error.toShape() }
      }
      log(`${method} failed`, error)
      return {
        ok: false,
        error: { code: 'internal', message: 'The station hit an internal error with this action. Try again; if it persists, tell your administrator (details are in the station log).', issues: [] }
      }
    }
  }
}
