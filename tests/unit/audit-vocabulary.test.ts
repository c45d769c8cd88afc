/**
 * The audit screen names every kind of entry the station writes, in English, Thai and Lao, offers every family
 * as a filter, and shows a plan entry's detail as readable lines.
 */
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS } from '../../main/core/audit/audit-actions'
import { detailLines, entryLines, isMoment, valueGroup } from '../../renderer/src/features/audit/audit-detail'
import { AUDIT_FAMILIES, AUDIT_TARGET_TYPES } from '../../renderer/src/features/audit/audit-vocabulary'
import en from '../../renderer/src/i18n/locales/en.json'
import lo from '../../renderer/src/i18n/locales/lo.json'
import th from '../../renderer/src/i18n/locales/th.json'

type Tree = { [key: string]: string | Tree }
const lookup = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree)

const HASH = 'a'.repeat(64)
const OTHER = 'b'.repeat(64)

describe('the audit vocabulary', () => {
  it('labels every action the station records, and filters by each family, in every language', () => {
    for (const [lang, tree] of Object.entries({ en, th, lo }) as [string, Tree][]) {
      for (const action of AUDIT_ACTIONS) expect(lookup(tree, `audit.actions.${action}`), `${lang} ${action}`).toEqual(expect.any(String))
      for (const family of AUDIT_FAMILIES) expect(lookup(tree, `audit.families.${family}`), `${lang} ${family}`).toEqual(expect.any(String))
      for (const type of AUDIT_TARGET_TYPES) expect(lookup(tree, `audit.targets.${type}`), `${lang} ${type}`).toEqual(expect.any(String))
    }
    expect(new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]))).toEqual(new Set(AUDIT_FAMILIES))
  })

  it('shows a plan entry as lines: hashes shortened with the whole kept, approvals flattened, codes named', () => {
    const lines = detailLines({
      approvals: [{ by: 'Pol. Capt. Vilay', hash: HASH, valid: true }],
      contentHash: { before: HASH, after: OTHER },
      signoff: 'partial',
      versions: [
        { id: 'v-1', name: 'Before the briefing' },
        { id: 'v-2', name: '' }
      ]
    })
    expect(lines).toEqual([
      { key: 'approvals.by', value: 'Pol. Capt. Vilay' },
      { key: 'approvals.hash', value: 'aaaaaaaaaaaa…', full: HASH },
      { key: 'approvals.valid', value: 'true' },
      { key: 'contentHash', before: 'aaaaaaaaaaaa…', after: 'bbbbbbbbbbbb…', full: `${HASH} → ${OTHER}` },
      { key: 'signoff', value: 'partial' },
      { key: 'versions.1.id', value: 'v-1' },
      { key: 'versions.1.name', value: 'Before the briefing' },
      { key: 'versions.2.id', value: 'v-2' },
      { key: 'versions.2.name', value: '—' }
    ])
    // Every key a plan entry records has a label; codes are named only in plan entries.
    for (const key of ['contentHash', 'via', 'edits', 'quietMinutes', 'counterpart', 'signoff', 'status', 'approvals', 'versions', 'versionId', 'savedVersionId', 'name']) {
      for (const [lang, tree] of Object.entries({ en, th, lo }) as [string, Tree][]) expect(lookup(tree, `audit.detailKeys.${key}`), `${lang} ${key}`).toEqual(expect.any(String))
    }
    // A received approval reads: the sign-off, who approved and whether the signature holds, then hashes and times.
    const received = entryLines({
      action: 'plan.received',
      detail: {
        approvals: [{ at: '2026-11-20T08:00:00.000Z', by: 'Pol. Capt. Vilay', hash: HASH, station: 'LA-STATION', valid: true }],
        contentHash: HASH,
        quietMinutes: 60,
        signoff: 'partial',
        status: 'draft'
      }
    })
    expect(received.map((l) => l.key)).toEqual([
      'signoff',
      'approvals.by',
      'approvals.station',
      'approvals.valid',
      'approvals.at',
      'approvals.hash',
      'status',
      'contentHash',
      'quietMinutes'
    ])
    // Other entries keep their recorded order.
    expect(entryLines({ action: 'export.run', detail: { what: 'cases', format: 'csv', at: 'x' } }).map((l) => l.key)).toEqual(['what', 'format', 'at'])
    expect(isMoment('approvals.at', '2026-11-20T08:00:00.000Z')).toBe(true)
    expect(isMoment('approvals.by', '2026-11-20T08:00:00.000Z')).toBe(false)
    expect(valueGroup('plan.received', 'approvals.valid')).toBe('audit.valid')
    expect(valueGroup('plan.edit', 'via')).toBe('audit.via')
    expect(valueGroup('case.status', 'status')).toBeNull()
    expect(lookup(th as Tree, 'audit.via.screen')).toEqual(expect.any(String))
  })
})
