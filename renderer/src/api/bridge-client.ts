import type { BloApi, BloBridge, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../preload/api'
import { unwrapReply } from './api-error'
import type { Greeting } from './session-resume'

/**
 * Wraps the Electron preload's raw channel (window.blo) into the typed API. The window's channel lives as long
 * as the page, so the greeting (taking the sign-in back after a reload) runs once, ahead of every other call.
 */
export function createBridgeClient(bridge: BloBridge, greeting?: Greeting): BloApi {
  const direct = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    unwrapReply(await bridge.invoke(method, input)) as MethodOutput<M>
  const greeted = greeting ? greeting(direct).catch(() => undefined) : Promise.resolve()
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      await greeted
      return direct(method, input)
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>))
    }
  }
}
