import type { BloApi, BloBridge, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../preload/api'
import { unwrapReply } from './api-error'

/** Wraps the Electron preload's raw channel (window.blo) into the typed API. */
export function createBridgeClient(bridge: BloBridge): BloApi {
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const reply = await bridge.invoke(method, input)
      return unwrapReply(reply) as MethodOutput<M>
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>))
    }
  }
}
