import type { Database } from 'better-sqlite3'
import { stationIdFromCertificate } from './station-id'

/**
 * Counterparts' certificates, as they were last presented: over the link's TLS handshake or inside a bundle the
 * counterpart signed. A certificate is kept only under the station ID it hashes to, so one can never stand in
 * for another station; a bundle is encrypted to the key in it.
 */
export class CounterpartCertificates {
  constructor(private readonly db: Database) {}

  get(stationId: string): Uint8Array | null {
    const row = this.db.prepare('SELECT certificate FROM counterpart_certificates WHERE station_id = ?').pluck().get(stationId) as Buffer | undefined
    return row ? new Uint8Array(row) : null
  }

  /** Keeps the certificate if it is that station's; returns whether it was. */
  learn(stationId: string, certificate: Uint8Array, from: 'link' | 'bundle', now = new Date()): boolean {
    if (stationIdFromCertificate(certificate) !== stationId) return false
    this.db
      .prepare(
        `INSERT INTO counterpart_certificates (station_id, certificate, learned_at, learned_from) VALUES (?, ?, ?, ?)
         ON CONFLICT (station_id) DO UPDATE SET certificate = excluded.certificate, learned_at = excluded.learned_at, learned_from = excluded.learned_from
         WHERE counterpart_certificates.certificate != excluded.certificate`
      )
      .run(stationId, Buffer.from(certificate), now.toISOString(), from)
    return true
  }
}
