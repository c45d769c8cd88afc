import { z } from 'zod'

/** What one bundle carries, counted from the updates it holds (the same on the writing and the reading side). */
export const BundleContents = z.object({
  records: z.object({ new: z.number().int(), corrections: z.number().int(), withdrawals: z.number().int(), bytes: z.number().int() }),
  messages: z.object({
    alerts: z.number().int(),
    requests: z.number().int(),
    replies: z.number().int(),
    receipts: z.number().int(),
    bytes: z.number().int()
  }),
  plans: z.object({ changed: z.number().int(), bytes: z.number().int() }),
  /** Documents whose state the sender acknowledges holding (clears "waiting" on the reading side). */
  acknowledged: z.number().int()
})
export type BundleContents = z.infer<typeof BundleContents>

export const BUNDLE_KINDS = ['delta', 'full', 'introduction'] as const

export const BundlePreview = z.object({
  file: z.string(),
  bundleId: z.string(),
  from: z.string(),
  fromName: z.string(),
  to: z.string(),
  createdAt: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  bytes: z.number().int(),
  contents: BundleContents,
  /** When this bundle was imported here before, or null. */
  importedAt: z.string().nullable()
})
export type BundlePreview = z.infer<typeof BundlePreview>

const path = z.string().trim().min(1, 'required').max(4096)

export const BundleExportInput = z
  .object({
    to: z.string().trim().min(1, 'required').max(100),
    /** A file to write, or an existing folder to write a newly named bundle into. */
    path,
    /** Everything in the counterpart's scope, whatever it is known to hold. */
    full: z.boolean().default(false)
  })
  .strict()
export type BundleExportInputParsed = z.output<typeof BundleExportInput>

export const BundleWritten = z.object({
  file: z.string(),
  bundleId: z.string(),
  to: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  bytes: z.number().int(),
  contents: BundleContents
})
export type BundleWritten = z.infer<typeof BundleWritten>

export const BundleFileInput = z.object({ file: path }).strict()

export const BundleImported = z.object({
  preview: BundlePreview,
  /** False when it had been imported before: nothing changed. */
  imported: z.boolean(),
  /** Documents that changed here. */
  changedDocs: z.number().int()
})
export type BundleImported = z.infer<typeof BundleImported>

export const BundleHistoryQuery = z.object({ peer: z.string().max(100).optional(), limit: z.number().int().min(1).max(500).default(50) }).strict()

export const BundleHistoryEntry = z.object({
  bundleId: z.string(),
  direction: z.enum(['written', 'imported']),
  peer: z.string(),
  kind: z.enum(BUNDLE_KINDS),
  file: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  at: z.string(),
  by: z.string(),
  contents: BundleContents
})
export type BundleHistoryEntry = z.infer<typeof BundleHistoryEntry>

export const BundleProgress = z.object({ to: z.string(), docs: z.number().int(), totalDocs: z.number().int(), bytes: z.number().int() })
export type BundleProgress = z.infer<typeof BundleProgress>
