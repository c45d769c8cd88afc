import type { EventName, EventPayload } from '../../../preload/api'

/** How features tell the screens that something changed: one of the contract's events and its payload. */
export type StationEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void
