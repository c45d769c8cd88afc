/** How the audit trail names a counterpart station that made a change: its station ID, marked as a peer. */
export const peerActor = (origin: string): string => `peer:${origin}`
