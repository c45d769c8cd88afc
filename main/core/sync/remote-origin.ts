/**
 * The origin of a change a counterpart made that arrived other than over a live session (a bundle): the store
 * announces it with this, so what reacts to changes from the counterpart (the plan's audit entries, the link
 * status) knows whose it was.
 */
export class RemoteOrigin {
  constructor(readonly peer: string) {}
}
