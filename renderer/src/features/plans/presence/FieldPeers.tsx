import type { Peer } from './presence'

/** The names of the others in a field, in their station's colour, over its top edge. */
export function FieldPeers({ peers, label }: { peers: Peer[]; label: string }) {
  if (peers.length === 0) return null
  return (
    <span className="field-peers" aria-label={label}>
      {peers.map((peer) => (
        <span
          key={peer.clientId}
          className={`field-peer ${peer.ours ? 'is-ours' : 'is-theirs'}`}
          data-testid="field-peer"
          data-station={peer.ours ? 'ours' : 'theirs'}
        >
          {peer.name}
          {peer.typing && <span className="field-peer-typing" aria-hidden="true"> …</span>}
        </span>
      ))}
    </span>
  )
}
