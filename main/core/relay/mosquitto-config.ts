/**
 * What Mosquitto is told, as text: pure, so the settings that matter are tested as written. The comments in
 * the file say why each non-default setting is there, for whoever runs the relay.
 */
export interface RelayFiles {
  ca: string
  serverCert: string
  serverKey: string
  crl: string
  acl: string
  persistence: string
}

export interface RelaySettings {
  /** The name or address the stations dial (in the server certificate). */
  host: string
  port: number
  /** The local address Mosquitto listens on: all of them unless told otherwise. */
  bind: string
  /** Who runs it: Mosquitto started as root would switch to "mosquitto", which cannot read this folder. */
  user: string
}

export function mosquittoConfig(settings: RelaySettings, files: RelayFiles): string {
  return `# BLO relay, written by "blo relay init"; "blo relay enroll" and "blo relay revoke" keep the CRL in step.
# Start it with "blo relay start --dir <this folder>". The broker sees station IDs, sizes and times, never content.
per_listener_settings false
allow_anonymous false
user ${settings.user}

listener ${settings.port} ${settings.bind}
protocol mqtt
# Only enrolled stations: each shows the relay certificate "blo relay enroll" issued it; its common name, the
# station ID, is its user name, which the ACL's patterns use.
cafile ${files.ca}
certfile ${files.serverCert}
keyfile ${files.serverKey}
crlfile ${files.crl}
require_certificate true
use_identity_as_username true
tls_version tlsv1.2
acl_file ${files.acl}

# Store and forward: queued messages survive a restart, and a kill -9 (the default autosave waits 30 minutes).
persistence true
persistence_location ${files.persistence}/
autosave_on_changes true
autosave_interval 1
# A station away for a week has a week of messages waiting; the default drops QoS 1 messages past 1,000.
max_queued_messages 1000000
max_queued_bytes 2147483648
max_inflight_messages 100
# A station that never comes back stops holding a queue after half a year.
persistent_client_expiration 180d
max_packet_size 16777216

log_dest stderr
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
`
}

/**
 * Plain "topic" lines would apply to anonymous clients only: patterns apply to every user. A station reads
 * its own inbox only, and writes into another's inbox only under its own name.
 */
export function relayAcl(): string {
  return `# BLO relay: blo/<recipient>/in/<sender>. %u is the station ID from the client's relay certificate.
pattern read blo/%u/in/#
pattern write blo/+/in/%u
`
}
