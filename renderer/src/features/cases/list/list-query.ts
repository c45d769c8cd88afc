import type { Agency, CaseStatus, Category } from '../../../../../preload/api'
import type { SORT_FIELDS } from '../../../../../preload/schemas/cases'
import type { ListQuery } from './use-case-pages'

export type SortField = (typeof SORT_FIELDS)[number]

/** What the officer set in the toolbar; empty strings mean "any". */
export interface ListFilters {
  q: string
  category: Category | ''
  status: CaseStatus | ''
  agency: Agency | ''
  from: string
  to: string
  includeVoided: boolean
  sort: SortField
  dir: 'asc' | 'desc'
}

export const DEFAULT_FILTERS: ListFilters = {
  q: '',
  category: '',
  status: '',
  agency: '',
  from: '',
  to: '',
  includeVoided: false,
  sort: 'occurredAt',
  dir: 'desc'
}

export const hasNarrowing = (f: ListFilters): boolean =>
  f.q.trim() !== '' || f.category !== '' || f.status !== '' || f.agency !== '' || f.from !== '' || f.to !== ''

export function toListQuery(f: ListFilters): ListQuery {
  const q = f.q.trim()
  return {
    ...(q && { q }),
    ...(f.category && { category: f.category }),
    ...(f.status && { status: f.status }),
    ...(f.agency && { agency: f.agency }),
    ...(f.from && { from: f.from }),
    ...(f.to && { to: f.to }),
    includeVoided: f.includeVoided,
    sort: f.sort,
    dir: f.dir
  }
}
