/**
 * The week offline both link benchmarks measure (SYNC.md over the wire, BUNDLE.md on a stick): a baseline of
 * shared records, then new records, corrections and withdrawals on one station, written as the exchange does.
 */
import { generateCases } from '../../main/core/cases/seed'
import type { DocStore } from '../../main/core/docs/doc-store'

type SeedCase = ReturnType<typeof generateCases> extends Generator<infer T> ? T : never

export interface WeekStation {
  id: string
  store: DocStore
}

/** A shared record as the exchange feature stores it: the picked fields of a case, plus sharing metadata. */
function sharedRecord(c: SeedCase, i: number) {
  return {
    recordId: `rec-${i}`,
    caseRef: `TH-2026-${String(i).padStart(6, '0')}`,
    sharedAt: '2026-11-20T08:00:00.000Z',
    sharedBy: c.officer,
    updatedAt: '2026-11-20T08:00:00.000Z',
    fields: ['core', 'summary', 'items', 'conveyances', 'persons.basic'],
    case: {
      occurredAt: c.occurredAt,
      category: c.category,
      location: c.location,
      agency: c.agency,
      summary: c.summary,
      items: c.items,
      conveyances: c.conveyances,
      persons: c.persons.map((p) => ({ role: p.role, nationality: p.nationality, sex: p.sex, age: p.age }))
    },
    withdrawn: null
  }
}

function writeRecords(s: WeekStation, entries: [string, unknown][], month: (i: number) => string) {
  for (let start = 0; start < entries.length; start += 500) {
    s.store.write(() => {
      entries.slice(start, start + 500).forEach(([key, value], j) => {
        const name = `records/${s.id}/${month(start + j)}`
        s.store.ensure({ name, kind: 'records', owner: s.id })
        s.store.get(name).getMap('records').set(key, value)
      })
    })
  }
}

export class WeekDelta {
  private readonly cases: SeedCase[]
  /** Record i's monthly document: spread over `months` months, the latest in November 2026. */
  private readonly month: (i: number) => string

  constructor(
    readonly baseline: number,
    readonly records: number,
    months = 11
  ) {
    this.cases = [...generateCases(baseline + records, 'sync-bench')]
    this.month = (i) => {
      const back = months - 1 - (i % months)
      const at = new Date(Date.UTC(2026, 10 - back, 1))
      return at.toISOString().slice(0, 7)
    }
  }

  /** What both sides hold before the week: records over eleven months, and `docs` archived message documents. */
  writeBaseline(s: WeekStation, docs: number): void {
    writeRecords(s, this.cases.slice(0, this.baseline).map((c, i) => [`rec-${i}`, sharedRecord(c, i)]), this.month)
    for (let i = 0; i < docs; i++) {
      const name = `messages/${s.id}/${2000 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`
      s.store.ensure({ name, kind: 'messages', owner: s.id })
      s.store.write(() => s.store.get(name).getMap('messages').set(`m${i}`, { kind: 'alert', text: `archived alert ${i}` }))
    }
  }

  /** The week: returns the delta as raw JSON (what gzip is compared with) and its parts' sizes. */
  writeWeek(s: WeekStation): { json: string; corrections: number; withdrawals: number } {
    const { baseline, records } = this
    const delta: unknown[] = []
    const added: [string, unknown][] = this.cases.slice(baseline).map((c, j) => {
      const value = sharedRecord(c, baseline + j)
      delta.push(value)
      return [`rec-${baseline + j}`, value]
    })
    const corrected: [string, unknown][] = this.cases.slice(0, Math.floor(records / 10)).map((c, i) => {
      const value = { ...sharedRecord(c, i), summary: `${c.summary} (corrected)`, updatedAt: '2026-11-25T10:00:00.000Z' }
      delta.push(value)
      return [`rec-${i}`, value]
    })
    const withdrawn: [string, unknown][] = Array.from({ length: Math.floor(records / 20) }, (_, k) => {
      const i = Math.floor(records / 10) + k
      const value = { recordId: `rec-${i}`, caseRef: `TH-2026-${String(i).padStart(6, '0')}`, withdrawn: { at: '2026-11-26T10:00:00.000Z', by: 'supervisor', reason: 'entered in error' } }
      delta.push(value)
      return [`rec-${i}`, value]
    })
    const { month } = this
    writeRecords(s, added, (i) => month(baseline + i))
    writeRecords(s, corrected, month)
    writeRecords(s, withdrawn, (i) => month(Math.floor(records / 10) + i))
    return { json: JSON.stringify(delta), corrections: corrected.length, withdrawals: withdrawn.length }
  }
}
