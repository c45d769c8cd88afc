/**
 * Named versions of a plan. Each is a Yjs snapshot (state vector + delete set) kept in the document's
 * `versions` map, so both stations hold the same history; plan documents are never garbage-collected, so
 * any snapshot can be turned back into the content it names. Restoring writes the old content over the
 * current one as a new edit: the history before and after stays.
 */
import * as Y from 'yjs'
import { VERSION_KINDS, type PlanVersionInfo, type VersionKind } from '../../../preload/api'
import { CONTENT_ROOTS, LIST_ROOTS, listItems, planRoots, UNSIGNED_META_KEYS } from '../../../preload/plan-layout'
import { canonicalJson, contentHash } from './plan-hash'

export interface StoredVersion extends PlanVersionInfo {
  snapshot: Uint8Array
}

function readVersion(id: string, value: unknown): StoredVersion | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const strings = ['name', 'at', 'by', 'station', 'contentHash'] as const
  if (strings.some((k) => typeof v[k] !== 'string') || !(v.snapshot instanceof Uint8Array)) return null
  if (!VERSION_KINDS.includes(v.kind as VersionKind)) return null
  return {
    id,
    name: v.name as string,
    kind: v.kind as VersionKind,
    at: v.at as string,
    by: v.by as string,
    station: v.station as string,
    contentHash: v.contentHash as string,
    snapshot: v.snapshot
  }
}

/** Versions, oldest first; entries this station cannot read are left out. */
export function storedVersions(doc: Y.Doc): StoredVersion[] {
  const versions: StoredVersion[] = []
  for (const [id, value] of planRoots(doc).versions.entries()) {
    const version = readVersion(id, value)
    if (version) versions.push(version)
  }
  return versions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
}

export const versionInfo = ({ snapshot: _snapshot, ...info }: StoredVersion): PlanVersionInfo => info

/** Records the document's current state as a named version (under a caller-chosen ID: see agreedVersionId). */
export function saveVersion(doc: Y.Doc, info: Omit<PlanVersionInfo, 'contentHash'>): PlanVersionInfo {
  const version: PlanVersionInfo = { ...info, contentHash: contentHash(doc) }
  const { id, ...stored } = version
  planRoots(doc).versions.set(id, { ...stored, snapshot: Y.encodeSnapshotV2(Y.snapshot(doc)) })
  return version
}

/** Both stations may notice the same agreement: one ID per agreed content, so they write the same entry. */
export const agreedVersionId = (hash: string) => `agreed-${hash.slice(0, 32)}`

export class VersionUnavailableError extends Error {}

/** The document as it was at a version; the caller destroys it. */
export function versionDoc(doc: Y.Doc, version: StoredVersion): Y.Doc {
  try {
    return Y.createDocFromSnapshot(doc, Y.decodeSnapshotV2(version.snapshot))
  } catch (error) {
    // A snapshot naming changes this station has not received yet (or a damaged entry).
    throw new VersionUnavailableError(`version "${version.name}" cannot be rebuilt on this station yet (${(error as Error).message})`)
  }
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)
const copy = (value: unknown) => (value instanceof Y.AbstractType ? value.clone() : value)

function reconcileMap(current: Y.Map<unknown>, target: Y.Map<unknown>, keep: readonly string[] = []): void {
  for (const key of [...current.keys()]) if (!keep.includes(key) && !target.has(key)) current.delete(key)
  for (const [key, value] of target.entries()) {
    if (!keep.includes(key) && !same(current.get(key), value)) current.set(key, copy(value))
  }
}

/**
 * Makes a list hold the target's items in the target's order, touching only what differs: an item whose
 * fields changed is edited in place, so a concurrent edit to another of its fields survives the restore.
 */
function reconcileList(current: Y.Array<unknown>, target: Y.Array<unknown>): void {
  const wanted = listItems(target)
  const wantedIds = new Set(wanted.map((w) => w.id))
  const seen = new Set<string>()
  const drop: number[] = []
  current.toArray().forEach((value, index) => {
    const id = value instanceof Y.Map ? value.get('id') : undefined
    if (typeof id === 'string' && wantedIds.has(id) && !seen.has(id)) seen.add(id)
    else drop.push(index)
  })
  for (const index of drop.reverse()) current.delete(index, 1)
  wanted.forEach((w, i) => {
    const here = current.get(i)
    if (here instanceof Y.Map && here.get('id') === w.id) {
      reconcileMap(here, w.map)
      return
    }
    const later = current.toArray().findIndex((v, j) => j > i && v instanceof Y.Map && v.get('id') === w.id)
    if (later >= 0) current.delete(later, 1)
    current.insert(i, [w.map.clone()])
  })
}

function replaceChildren(current: Y.XmlFragment | Y.Array<unknown>, target: Y.XmlFragment | Y.Array<unknown>): void {
  if (same(current, target)) return
  if (current.length) current.delete(0, current.length)
  const children = target.toArray().map(copy)
  if (current instanceof Y.XmlFragment) current.insert(0, children as (Y.XmlElement | Y.XmlText)[])
  else current.insert(0, children)
}

/** Writes the content of `old` over the document's current content (call inside a transaction). */
export function restoreContent(doc: Y.Doc, old: Y.Doc): void {
  const now = planRoots(doc)
  const then = planRoots(old)
  for (const root of CONTENT_ROOTS) {
    if (root === 'meta') reconcileMap(now.meta, then.meta, UNSIGNED_META_KEYS)
    else if (root === 'comms') reconcileMap(now.comms, then.comms)
    else if (root === 'notes' || root === 'crossings') replaceChildren(now[root], then[root])
    else if ((LIST_ROOTS as readonly string[]).includes(root)) reconcileList(now[root], then[root])
  }
}
