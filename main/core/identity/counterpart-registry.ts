import type { Database } from 'better-sqlite3'
import { ApiError } from '../api/api-error'
import type { AuditLog } from '../audit/audit-log'
import { logLinkEvent } from './link-log'
import { parsePeerAddress, PeerAddressError } from './peer-address'
import { parseStationId, StationIdError } from './station-id'

/** A counterpart station this station trusts: only paired stations may connect, in either direction. */
export interface Counterpart {
  stationId: string
  name: string
  /** Where it listens, `host:port`. */
  address: string
  pairedAt: string
  /** The officer who paired it. */
  pairedBy: string
}

export interface CounterpartFields {
  stationId: string
  address: string
  name?: string
}

interface CounterpartRow {
  station_id: string
  name: string
  address: string
  paired_at: string
  paired_by: string
}

const toCounterpart = (row: CounterpartRow): Counterpart => ({
  stationId: row.station_id,
  name: row.name,
  address: row.address,
  pairedAt: row.paired_at,
  pairedBy: row.paired_by
})

const MAX_NAME_CHARS = 200

function invalid(field: string, message: string): ApiError {
  return new ApiError('invalid_input', message, [{ path: field, message }])
}

function checkedStationId(text: string): string {
  try {
    return parseStationId(text)
  } catch (error) {
    if (error instanceof StationIdError) throw invalid('stationId', `Station ID: ${error.message}`)
    throw error
  }
}

const peerTarget = (peer: { stationId: string; name: string }) => ({ type: 'peer', id: peer.stationId, label: peer.name })

/** Every paired station, oldest pairing first: what features that only read the pairing need (no identity yet). */
export function pairedCounterparts(db: Database): Counterpart[] {
  return (db.prepare('SELECT * FROM peers ORDER BY paired_at, station_id').all() as CounterpartRow[]).map(toCounterpart)
}

/**
 * The peers table: who is paired, and where to reach them. Pairing changes are written to the link log and
 * the audit trail in the same transaction, so the history shows who opened or closed the border link and when.
 * Their audit actions keep the names they were first written with (`pairing.*`): entries already in a hash
 * chain name them so, and filters and reports must find old and new entries alike.
 */
export class CounterpartRegistry {
  constructor(
    private readonly db: Database,
    private readonly ownStationId: string,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Pairs a station, or updates the address (and name, when given) of one already paired. */
  add(input: CounterpartFields, by: string): Counterpart {
    const stationId = checkedStationId(input.stationId)
    if (stationId === this.ownStationId) {
      throw invalid('stationId', "That is this station's own ID. Enter the counterpart's ID, as shown on its Pairing screen or by `blo pair show`.")
    }
    let address: string
    try {
      address = parsePeerAddress(input.address).text
    } catch (error) {
      if (error instanceof PeerAddressError) throw invalid('address', `Address: ${error.message}`)
      throw error
    }
    const name = input.name?.trim()
    if (name !== undefined && name.length > MAX_NAME_CHARS) {
      throw invalid('name', `The name is too long (${name.length} characters; at most ${MAX_NAME_CHARS}).`)
    }

    return this.db.transaction(() => {
      const existing = this.get(stationId)
      if (existing) {
        this.db
          .prepare('UPDATE peers SET address = ?, name = ? WHERE station_id = ?')
          .run(address, name ?? existing.name, stationId)
        logLinkEvent(this.db, { peer: stationId, kind: 'pairing-updated', detail: `${by} set the address to ${address}` }, this.now())
        this.audit.record({
          actor: by,
          action: 'pairing.update',
          target: peerTarget(existing),
          detail: { before: { address: existing.address, name: existing.name }, after: { address, name: name ?? existing.name } }
        })
      } else {
        this.db
          .prepare('INSERT INTO peers (station_id, name, address, paired_at, paired_by) VALUES (?, ?, ?, ?, ?)')
          .run(stationId, name ?? '', address, this.now().toISOString(), by)
        logLinkEvent(this.db, { peer: stationId, kind: 'paired', detail: `${by} paired this station at ${address}` }, this.now())
        this.audit.record({ actor: by, action: 'pairing.add', target: peerTarget({ stationId, name: name ?? '' }), detail: { address } })
      }
      return this.get(stationId)!
    })()
  }

  /** Unpairs a station: it is refused from its next connection on. */
  remove(stationId: string, by: string): void {
    const id = checkedStationId(stationId)
    this.db.transaction(() => {
      const existing = this.get(id)
      if (!existing) throw new ApiError('not_found', `No paired station has the ID ${id}.`)
      this.db.prepare('DELETE FROM peers WHERE station_id = ?').run(id)
      logLinkEvent(this.db, { peer: id, kind: 'unpaired', detail: `${by} removed the pairing` }, this.now())
      this.audit.record({ actor: by, action: 'pairing.remove', target: peerTarget(existing), detail: { address: existing.address } })
    })()
  }

  list(): Counterpart[] {
    return pairedCounterparts(this.db)
  }

  /** Takes an ID in its printed form (as derived from a certificate); returns undefined when not paired. */
  get(stationId: string): Counterpart | undefined {
    const row = this.db.prepare('SELECT * FROM peers WHERE station_id = ?').get(stationId) as CounterpartRow | undefined
    return row && toCounterpart(row)
  }

  isPaired(stationId: string): boolean {
    return this.db.prepare('SELECT 1 FROM peers WHERE station_id = ?').get(stationId) !== undefined
  }
}
