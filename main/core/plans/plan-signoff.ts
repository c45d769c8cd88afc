/**
 * Joint sign-off. Each station writes its own approval under its station ID in the plan's `signoff` map:
 * the content hash its supervisor saw, signed with the station's key and carrying its certificate. Both
 * stations write into plan documents, so a signature is what makes an approval that station's: an entry
 * whose certificate does not derive the station ID it claims, or whose signature fails, never counts.
 * The plan is agreed while every planning station's valid approval names the current content hash.
 */
import { createPublicKey, sign, verify } from 'node:crypto'
import type * as Y from 'yjs'
import type { PlanApproval, PlanSignoff, SignoffStateName } from '../../../preload/api'
import { stationIdFromCertificate } from '../identity/station-id'
import type { StationIdentity } from '../identity/station-identity'
import { planRoots } from '../../../preload/plan-layout'
import type { PlanSides } from './plan-doc'
import { agreedVersionId, storedVersions, versionInfo } from './plan-history'

interface StoredApproval {
  station: string
  hash: string
  at: string
  by: string
  cert: string
  signature: string
}

const payload = (planId: string, a: Omit<StoredApproval, 'cert' | 'signature'>) =>
  Buffer.from(['blo-plan-approval/1', planId, a.station, a.hash, a.at, a.by].join('\n'))

/** Writes this station's approval of `hash` (call inside a transaction). */
export function writeApproval(doc: Y.Doc, planId: string, identity: StationIdentity, hash: string, by: string, at: string): void {
  const approval = { station: identity.stationId, hash, at, by }
  const signature = sign('sha256', payload(planId, approval), identity.keyPem).toString('base64')
  planRoots(doc).signoff.set(identity.stationId, { ...approval, cert: identity.certPem, signature })
}

/** Verifying costs a fraction of a millisecond, but the views re-read the approvals on every keystroke. */
const verified = new Map<string, boolean>()
const MAX_VERIFIED = 1000

function isValid(planId: string, key: string, a: StoredApproval): boolean {
  const cacheKey = `${planId}\n${key}\n${a.hash}\n${a.at}\n${a.by}\n${a.signature}\n${a.cert}`
  const known = verified.get(cacheKey)
  if (known !== undefined) return known
  let valid = false
  try {
    valid =
      key === a.station &&
      stationIdFromCertificate(a.cert) === a.station &&
      verify('sha256', payload(planId, a), createPublicKey(a.cert), Buffer.from(a.signature, 'base64'))
  } catch {
    valid = false
  }
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!)
  verified.set(cacheKey, valid)
  return valid
}

function readApproval(value: unknown): StoredApproval | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  const keys = ['station', 'hash', 'at', 'by', 'cert', 'signature'] as const
  return keys.every((k) => typeof v[k] === 'string') ? (v as unknown as StoredApproval) : null
}

/** The sign-off state of a plan document whose current content hash is `hash`. */
export function readSignoff(doc: Y.Doc, planId: string, hash: string, sides: PlanSides): PlanSignoff {
  const { stations } = sides
  const approvals: PlanApproval[] = []
  for (const [key, value] of planRoots(doc).signoff.entries()) {
    const a = readApproval(value)
    if (!a) continue
    const valid = stations.includes(key) && isValid(planId, key, a)
    approvals.push({ station: a.station, hash: a.hash, at: a.at, by: a.by, valid, current: valid && a.hash === hash })
  }
  approvals.sort((a, b) => stations.indexOf(a.station) - stations.indexOf(b.station))
  const approvedNow = new Set(approvals.filter((a) => a.current).map((a) => a.station))
  const agreed = stations.length >= 2 && stations.every((s) => approvedNow.has(s))
  const agreedVersions = storedVersions(doc).filter((v) => v.kind === 'agreed')
  const last = agreedVersions.at(-1)
  const agreedVersion = last ? versionInfo(last) : null
  const changesSinceAgreed = !agreed && agreedVersion !== null && agreedVersion.contentHash !== hash
  const state: SignoffStateName = agreed ? 'agreed' : approvedNow.size ? 'partial' : changesSinceAgreed ? 'changed' : 'none'
  return {
    state,
    contentHash: hash,
    agreed,
    approvals,
    waitingFor: stations.filter((s) => !approvedNow.has(s)),
    agreedVersion,
    changesSinceAgreed
  }
}

/** An agreement no version records yet: the station that notices it writes the version. */
export function unrecordedAgreement(doc: Y.Doc, signoff: PlanSignoff): string | null {
  return signoff.agreed && !planRoots(doc).versions.has(agreedVersionId(signoff.contentHash)) ? signoff.contentHash : null
}
