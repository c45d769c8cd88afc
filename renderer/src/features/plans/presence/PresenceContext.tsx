import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { useLink } from '../../link/LinkContext'
import { planSides } from '../editor/plan-sides'
import { planRoots } from '../replica/plan-model'
import { REMOTE, type PlanReplica } from '../replica/plan-replica'
import { useObserved } from '../replica/use-y'
import { readPeers, type Peer, type PresenceUser } from './presence'

/** After this long without a keystroke, an officer is no longer "typing". */
const TYPING_IDLE_MS = 2500

interface Presence {
  awareness: Awareness
  ourStation: string
  user: PresenceUser
  peers: Peer[]
}

const PresenceContext = createContext<Presence | null>(null)

interface Props {
  replica: PlanReplica
  ourStation: string
  name: string
  children: ReactNode
}

/** Publishes who we are on the open plan, and keeps the list of everyone else current. */
export function PresenceProvider({ replica, ourStation, name, children }: Props) {
  const { awareness, doc } = replica
  const user = useMemo<PresenceUser>(() => ({ name, station: ourStation }), [name, ourStation])
  const [peers, setPeers] = useState<Peer[]>(() => readPeers(awareness, ourStation))
  const { status } = useLink()
  useObserved(planRoots(doc).meta)
  const counterpart = planSides(doc, ourStation).theirs
  const linked = Boolean(counterpart) && Boolean(status?.peers.some((p) => p.stationId === counterpart && p.state === 'connected'))

  useEffect(() => {
    awareness.setLocalStateField('user', user)
  }, [awareness, user])

  // The counterpart's screens go from the bar and the notes when the link drops; ours is renewed when it returns.
  const known = status !== null
  useEffect(() => {
    if (known) replica.counterpartLinked(linked)
  }, [replica, known, linked])

  useEffect(() => {
    const update = () => setPeers(readPeers(awareness, ourStation))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, ourStation])

  // Typing: set on our own edits, cleared once they stop; only the changes of state travel.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      if (awareness.getLocalState()?.typing !== true) awareness.setLocalStateField('typing', true)
      clearTimeout(timer)
      timer = setTimeout(() => awareness.setLocalStateField('typing', false), TYPING_IDLE_MS)
    }
    doc.on('update', onUpdate)
    return () => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
    }
  }, [awareness, doc])

  const value = useMemo(() => ({ awareness, ourStation, user, peers }), [awareness, ourStation, user, peers])
  return <PresenceContext.Provider value={value}>{children}</PresenceContext.Provider>
}

export function usePresence(): Presence {
  const presence = useContext(PresenceContext)
  if (!presence) throw new Error('usePresence outside PresenceProvider')
  return presence
}

/** The others in one field, and the handlers that tell them when we enter and leave it. */
export function useFieldPresence(field: string) {
  const { awareness, peers } = usePresence()
  return {
    here: peers.filter((p) => p.field === field),
    onFocus: () => awareness.setLocalStateField('field', field),
    onBlur: () => {
      if (awareness.getLocalState()?.field === field) awareness.setLocalStateField('field', null)
    }
  }
}
