import { ALERT_SUBJECTS, CASE_STATUSES, CATEGORIES, DEFAULT_SHARE_FIELDS, EXCHANGE_BOXES, PERSONAL_SHARE_FIELDS, PRIORITIES, SHARE_FIELDS } from '../../preload/vocabulary'

export const MAIN_USAGE = `Usage: blo <command> [options]

The BLO Station command line. Reads and writes JSON; errors go to stderr as one line, with a non-zero exit.

Commands:
  init --data DIR --name NAME --country CC [--crossing TEXT]   create a station in an empty data folder
  case add  --data DIR --json FILE|-                          log a case from a JSON file (- for stdin)
  case list --data DIR --json [--q TEXT] [--category C] [--status S] [--from DATE] [--to DATE] [--limit N]
  case get  --data DIR ID --json                              one case, with its status history
  seed --data DIR --cases N [--seed S]                        add N realistic synthetic cases (same seed, same cases)

  pair show   --data DIR --json                               this station's ID, name and country, for the counterpart
  pair add    --data DIR --id ID --address HOST:PORT [--name NAME]   pair the counterpart (or change its address)
  pair remove --data DIR --id ID                              unpair: it is refused from then on
  pair list   --data DIR --json                               the paired stations
  sync status --data DIR --json                               link state, last contact, last complete sync, pending
  sync log    --data DIR --json [--limit N]                   link history: connections, refusals, pairing changes
  bundle export  --data DIR --to STATION_ID --out FILE [--full]   what the counterpart lacks, sealed for it (USB)
  bundle inspect --data DIR FILE --json                       sender, recipient, what a bundle holds; changes nothing
  bundle import  --data DIR FILE                              apply a counterpart's bundle (once; refused if altered)
  relay init|start|enroll|revoke --dir DIR …                  run a relay (Mosquitto) for stations that cannot dial

  share    --data DIR CASE_ID [--to IDS|all] [--fields F1,…]  share a case (or correct what was shared)
  withdraw --data DIR CASE_ID --reason TEXT [--from IDS]      withdraw a shared case from counterparts
  exchange list --data DIR --json [--box B] [--q TEXT]        sent and received records, alerts, requests, replies
  exchange get  --data DIR --origin STATION_ID --record ID|--message ID --json
  alert send    --data DIR --subject S --text TEXT [options]  an urgent alert to the counterpart
  request send  --data DIR --title TEXT --text TEXT [options] a request for information
  reply --data DIR --origin STATION_ID --message ID --text TEXT   answer an alert or a request

  plan list --data DIR --json [--q TEXT] [--status S]         joint operation plans: status, period, sign-off
  plan show --data DIR ID --json                              one plan: fields, tasks, sign-off, notes as text

  audit verify --data DIR [--json]                            check the audit trail's hash chain (exit 1 if not intact)
  export --data DIR --what cases|received|exchange|audit --format csv|xlsx|json|pdf [--from D] [--to D] --out FILE
                                                              a signed export (FILE + FILE.manifest.json); see blo export --help
  export verify FILE [--json]                                 check an export against its signed manifest (exit 1 if not)

  user list --data DIR --json                                 the station's accounts: username, name, role, disabled, last sign-in
  user reset-password USERNAME --data DIR [--password-file FILE]
                                                              a new password (a printed temporary one without FILE); lifts a lockout

  backup  --data DIR --out FILE                               copy the database (works while the station runs) + FILE.backup.json
  restore --data DIR --from FILE [--check]                    check a backup and put it in place (station stopped); see blo restore --help
  update verify FILE                                          check an installer from a USB stick against its signature FILE.sig

--data defaults to the per-user station folder the desktop app uses.
When a station host runs on the folder, commands go through it; init and seed refuse. Without one,
they open the folder themselves: "sync status" then shows the stored state (offline, last contact,
last complete sync, pending), and what is shared goes across when the station next runs.
Run "blo case --help", "blo pair --help", "blo sync --help", "blo bundle --help", "blo exchange --help", "blo plan --help" or "blo user --help"
for details.`

export const CASE_USAGE = `Usage: blo case <add|list|get> [options]

  blo case add  --data DIR --json FILE     FILE holds one case as JSON; "-" reads it from stdin. Prints the created case.
  blo case list --data DIR --json [filters]
      --q TEXT        substring in any script: summary, narrative, names, plates, commodities
      --category C    ${CATEGORIES.join(', ')}
      --status S      ${CASE_STATUSES.join(', ')}
      --from DATE     occurred on or after (YYYY-MM-DD or ISO date-time)
      --to DATE       occurred on or before
      --limit N       at most N cases (default 50)
    Prints {"total": …, "rows": […]}, newest first.
  blo case get --data DIR ID --json        Prints the case.

Minimal case:
  {"occurredAt":"2026-11-20T08:30:00Z","category":"narcotics","location":"Friendship Bridge 4",
   "summary":"…","items":[{"commodity":"methamphetamine tablets","quantity":120000,"unit":"tablets"}]}`


export const PAIR_USAGE = `Usage: blo pair <show|add|remove|list> [options]

Only paired stations may connect, in both directions (mutual TLS, the certificate pinned to the station ID).
Check the counterpart's ID out of band (read aloud, printed) before adding it.

  blo pair show --data DIR --json          Prints {"stationId": …, "name": …, "country": …}.
  blo pair show --data DIR --cert          Prints this station's certificate (PEM), for a relay's "blo relay enroll".
  blo pair add --data DIR --id ID --address HOST:PORT [--name NAME]
      ID         the counterpart's station ID, as its "blo pair show" prints it
      HOST:PORT  where it listens for us (its --sync-host/--sync-port); IPv6 as [ADDR]:PORT
      Adding a station already paired changes its address (and name, when given). Prints the pairing.
  blo pair remove --data DIR --id ID       Unpairs at once: a live session is dropped.
  blo pair list --data DIR --json          Prints the paired stations.`

export const PLAN_USAGE = `Usage: blo plan <list|show> [options]

  blo plan list --data DIR --json [--q TEXT] [--status S] [--from DATE] [--to DATE] [--limit N]
      Prints {"total", "rows"}: each plan's status, period, counterpart, last edit, sign-off state and
      unsigned changes. --q finds a substring of any text of the plan, in any script.
  blo plan show --data DIR ID --json
      Prints the whole plan: fields, agencies, objectives, tasks, contacts, results, the notes as plain
      text, the sign-off state and the named versions.`

export const SYNC_USAGE = `Usage: blo sync <status|log> [options]

  blo sync status --data DIR --json        Prints {"stationId", "listening", "listenError", "peers": […]}, one
      entry per paired station: state (connected, connecting, offline, refused), lastContact,
      lastCompleteSync, pendingDocs, pendingBytes, transfers in progress, lastError.
      Live only through a running station; otherwise the stored state, offline.
  blo sync log --data DIR --json [--limit N]   The newest N link events (default 100): connections,
      refusals of unpaired or wrong-key stations, refused writes, pairing changes.`

export const EXCHANGE_USAGE = `Usage: blo share | withdraw | exchange | alert | request | reply [options]

  blo share --data DIR CASE_ID [--to STATION_ID[,STATION_ID…]|all] [--fields F1,F2,…]
      Shares the case with the counterparts named (added to those it is shared with already); sharing it
      again sends a correction to all of them. Field groups:
      ${SHARE_FIELDS.join(', ')}.
      Default: ${DEFAULT_SHARE_FIELDS.join(',')}. "core" (category, when, where) always goes.
      Personal data (${PERSONAL_SHARE_FIELDS.join(', ')}) goes only when named.
  blo withdraw --data DIR CASE_ID --reason TEXT [--from STATION_ID[,STATION_ID…]]
      Withdraws it from every counterpart, or only from those named; each keeps the fact, not the case.
  blo exchange list --data DIR --json [--box B] [--q TEXT] [--from DATE] [--to DATE] [--unread]
                    [--counterpart STATION_ID] [--limit N]
      B: ${EXCHANGE_BOXES.join(', ')}. With --box prints {"box", "total", "unread", "rows"}; without it
      every box: {"unread", "received", "sent", "alerts", "requests"}, each {"total", "rows"}. Alert and
      request rows carry their "replies". --q finds a substring in any script; --counterpart keeps what that
      station sent or was sent; --limit is per box (default 50). Our rows name their "audience".
  blo exchange get --data DIR --origin STATION_ID (--record ID | --message ID) --json
      One record (with the requests about it) or one message thread (with its replies).
  blo alert send --data DIR --subject S --text TEXT [--priority P] [--plate TEXT] [--name TEXT]
                 [--route TEXT] [--expires-at DATE-TIME] [--to STATION_ID[,STATION_ID…]|all]
      S: ${ALERT_SUBJECTS.join(', ')}; P: ${PRIORITIES.join(', ')} (default urgent).
  blo request send --data DIR --title TEXT --text TEXT [--priority P] [--record ID --origin STATION_ID]
                   [--to STATION_ID[,STATION_ID…]|all]
      A request for information, about one of a counterpart's records when --record is given (it then goes
      to that station only).
  blo reply --data DIR --origin STATION_ID --message ID --text TEXT
      Answers an alert or a request; the reply goes to the station that asked.

--to names who receives it: one or more paired stations, or "all". It may be left out while one counterpart
is paired; with more, the station refuses to guess.

Each prints what the station now holds (the record, or the message thread) as JSON.`

export const USER_USAGE = `Usage: blo user <list|reset-password> [options]

For an administrator who forgot the password or locked the account with wrong ones (and the station has no other
administrator to reset it). Works with or without a station running on DIR; recorded in the audit trail as
cli:<os user>, like any change an administrator makes.

  blo user list --data DIR --json
      Prints the accounts: username, displayName, agency, role, language, disabled, createdAt, lastLoginAt.
  blo user reset-password USERNAME --data DIR [--password-file FILE]
      Sets a new password for USERNAME, lifts the lockout after wrong passwords, and ends the account's sessions.
      FILE holds the new password on one line (at least 8 characters; a final line break is dropped).
      Without --password-file a strong temporary password is made and printed once, in
      {"account", "temporaryPassword"}: give it to the person, who changes it after signing in
      (user menu › Change my password).`

export const BUNDLE_USAGE = `Usage: blo bundle <export|inspect|import|history> [options]

Exchange with a counterpart when there is no link: a bundle carries, one way, what the counterpart lacks (as a
sync session would), signed by this station and encrypted to the counterpart's key. Carry one each way and both
stations converge and stop showing anything waiting.

  blo bundle export --data DIR --to STATION_ID --out FILE|FOLDER [--full]
      Everything the counterpart is not known to hold (from what it last acknowledged, over the link or in a
      bundle), and this station's acknowledgement of what it holds. --full: everything shared with it. A FOLDER
      gets a new file named for both stations and the time. Until the counterpart's key is known (from the link,
      or a bundle it wrote), the bundle is an introduction: it carries this station's certificate only.
  blo bundle inspect --data DIR FILE --json
      Sender, recipient, when it was written, what it holds (new records, corrections, withdrawals, alerts,
      requests, replies, plan changes; counts and bytes) and whether it was imported already. Changes nothing.
  blo bundle import --data DIR FILE
      Checks all of it, then applies it in one transaction and prints what changed. The same bundle twice changes
      nothing; bundles in any order end in the same state. Refused, with nothing changed: a truncated or altered
      file, one addressed to another station, one from a station that is not (or no longer) paired.
  blo bundle history --data DIR --json [--peer STATION_ID]
      Bundles written and imported, newest first, with what they carried.`

export const RELAY_USAGE = `Usage: blo relay <init|start|enroll|revoke> [options]

A relay is a meeting point for stations that cannot dial each other: an MQTT broker (Mosquitto 2.0) run by
whoever the offices trust. It holds messages while a station is away and cannot read them: every payload is
sealed for its recipient and signed by its sender. Stations connect out to it with the relay certificate
their enrolment issued.

  blo relay init --dir DIR --host NAME --port N [--bind ADDR]
      Writes DIR/mosquitto.conf, the relay's CA and the broker's TLS certificate for NAME (the name or address
      the stations dial), the ACL (a station reads only its own inbox and writes only as itself) and an empty
      revocation list. --bind: the local address to listen on (default 0.0.0.0, every interface).
  blo relay start --dir DIR
      Runs "mosquitto -c DIR/mosquitto.conf" in the foreground, its log on stderr; prints
      "BLO relay listening on HOST:PORT" once it accepts connections. Stop it with Ctrl+C.
  blo relay enroll --dir DIR --station-cert FILE
      Admits a station: FILE is what "blo pair show --cert" printed on it. Prints {"stationId", "certificate",
      "caCertificate"}: give both files to that station. Enrolling again replaces its relay certificate.
  blo relay revoke --dir DIR --id STATION_ID
      Removes a station: its relay certificate is revoked. Restart the relay for it to take effect.`
