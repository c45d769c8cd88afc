/**
 * A station ID in its groups of four, in a monospace face so 0/O and 1/I cannot be confused when read aloud.
 * The dashes are part of the text, so a copied ID is the ID.
 */
export function StationId({ id, testId, className }: { id: string; testId?: string; className?: string }) {
  const groups = id.split('-')
  return (
    <span className={`station-id${className ? ` ${className}` : ''}`} data-testid={testId} data-station-id={id}>
      {groups.map((group, i) => (
        <span key={i} className="station-id-group">
          {group}
          {i < groups.length - 1 && <span className="station-id-dash">-</span>}
        </span>
      ))}
    </span>
  )
}
