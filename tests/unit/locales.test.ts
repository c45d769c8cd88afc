/**
 * The three locales must say the same things: every key present in each (plural forms aside: Thai and Lao
 * have only the `_other` form), every vocabulary of the contract labelled, the same {{placeholders}},
 * and Thai and Lao actually written in their scripts rather than left in English.
 */
import { describe, expect, it } from 'vitest'
import type { LinkEventKind } from '../../main/core/identity/link-log'
import * as caseSchemas from '../../preload/schemas/cases'
import * as exchangeSchemas from '../../preload/schemas/exchange'
import * as linkSchemas from '../../preload/schemas/link'
import * as planSchemas from '../../preload/schemas/plans'
import * as vocabulary from '../../preload/vocabulary'
import { ENUM_GROUPS, LINK_EVENT_KINDS } from '../../renderer/src/i18n/enum-groups'
import en from '../../renderer/src/i18n/locales/en.json'
import lo from '../../renderer/src/i18n/locales/lo.json'
import th from '../../renderer/src/i18n/locales/th.json'

type Tree = { [key: string]: string | Tree }
const locales: Record<string, Tree> = { en, th, lo }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const baseKeys = (flat: Map<string, string>) => new Set([...flat.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
/** The value a language shows for a key, through its plural forms when it has them. */
const valuesFor = (flat: Map<string, string>, base: string) =>
  [...flat.entries()].filter(([k]) => k === base || k.replace(PLURAL_SUFFIX, '') === base).map(([, v]) => v)

const flat = Object.fromEntries(Object.entries(locales).map(([lang, tree]) => [lang, flatten(tree)]))

describe('locales', () => {
  it('have the same keys in English, Thai and Lao', () => {
    const reference = [...baseKeys(flat.en)].sort()
    for (const lang of ['th', 'lo']) expect([...baseKeys(flat[lang])].sort(), lang).toEqual(reference)
  })

  it('carry an `_other` form for every plural key', () => {
    for (const [lang, map] of Object.entries(flat)) {
      for (const key of map.keys()) {
        if (PLURAL_SUFFIX.test(key)) expect(map.has(key.replace(PLURAL_SUFFIX, '_other')), `${lang} ${key}`).toBe(true)
      }
    }
  })

  it('have no empty strings', () => {
    for (const [lang, map] of Object.entries(flat)) {
      for (const [key, value] of map) expect(value.trim(), `${lang} ${key}`).not.toBe('')
    }
  })

  it('use the same placeholders as English', () => {
    for (const base of baseKeys(flat.en)) {
      const expected = placeholders(valuesFor(flat.en, base).at(-1)!)
      for (const lang of ['th', 'lo']) {
        for (const value of valuesFor(flat[lang], base)) expect(placeholders(value), `${lang} ${base}`).toEqual(expected)
      }
    }
  })

  it('label every value of every vocabulary in the contract', () => {
    // Any string-tuple export of the vocabularies and schemas is shown to people: it must have a label group.
    // A subset (PERSONAL_SHARE_FIELDS of SHARE_FIELDS) is labelled by the group of the whole.
    // File formats (CSV, XLSX, JSON) and language codes are shown as they are, or by the language's own name.
    const shownAsTheyAre = ['TABLE_FORMATS', 'REPORT_LANGUAGES']
    const vocabularies = Object.entries({ ...vocabulary, ...caseSchemas, ...exchangeSchemas, ...linkSchemas, ...planSchemas }).filter(
      ([name, value]) =>
        /^[A-Z_]+$/.test(name) && !shownAsTheyAre.includes(name) && Array.isArray(value) && value.every((v) => typeof v === 'string')
    )
    expect(vocabularies.length).toBeGreaterThan(12)
    // Plan statuses, phases, task statuses, sign-off states, plan lists and version kinds are among them.
    for (const name of ['PLAN_STATUSES', 'PLAN_PHASES', 'TASK_STATUSES', 'SIGNOFF_STATES', 'PLAN_LISTS', 'VERSION_KINDS']) {
      expect(vocabularies.map(([n]) => n), name).toContain(name)
    }
    const groups = Object.values(ENUM_GROUPS) as readonly (readonly string[])[]
    for (const [name, values] of vocabularies) {
      const covered = groups.some((group) => (values as string[]).every((v) => group.includes(v)))
      expect(covered, `${name} has no label group`).toBe(true)
    }
    for (const [group, values] of Object.entries(ENUM_GROUPS)) {
      for (const value of values) {
        for (const [lang, map] of Object.entries(flat)) {
          expect(map.get(`enums.${group}.${value}`), `${lang} enums.${group}.${value}`).toBeTruthy()
        }
      }
    }
  })

  it('label every kind of event the link log records', () => {
    // The contract carries the kind as text; this fails to typecheck when the core's kinds and the renderer's list differ.
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
    const same: Same<LinkEventKind, (typeof LINK_EVENT_KINDS)[number]> = true
    expect(same).toBe(true)
    expect(new Set(LINK_EVENT_KINDS).size).toBe(LINK_EVENT_KINDS.length)
  })

  it('write Thai and Lao in their own scripts', () => {
    const scripts = { th: /[\u0E00-\u0E7F]/, lo: /[\u0E80-\u0EFF]/ }
    for (const [lang, script] of Object.entries(scripts)) {
      const values = [...flat[lang].values()]
      const written = values.filter((v) => script.test(v)).length
      // A few entries are brand names or symbols (BLO Station, {{by}}, {{at}}); nearly all must be translated.
      expect(written / values.length, lang).toBeGreaterThan(0.95)
      // And no entry is just the English text left in place, except those that are the same in every language.
      const untranslated = [...flat[lang].entries()].filter(([k, v]) => flat.en.get(k) === v && /[a-z]{3,}/.test(v))
      expect(untranslated.map(([k]) => k), lang).toEqual(['app.name'])
    }
  })
})
