import { CASE_STATUSES, CATEGORIES } from '../../preload/api'

export const MAIN_USAGE = `Usage: blo <command> [options]

The BLO Station command line. Reads and writes JSON; errors go to stderr as one line, with a non-zero exit.

Commands:
  init --data DIR --name NAME --country CC [--crossing TEXT]   create a station in an empty data folder
  case add  --data DIR --json FILE|-                          log a case from a JSON file (- for stdin)
  case list --data DIR --json [--q TEXT] [--category C] [--status S] [--from DATE] [--to DATE] [--limit N]
  case get  --data DIR ID --json                              one case, with its status history
  seed --data DIR --cases N [--seed S]                        add N realistic synthetic cases (same seed, same cases)

--data defaults to the per-user station folder the desktop app uses.
When a station host runs on the folder, case commands go through it; init and seed refuse.
Run "blo case --help" for the case commands.`

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
