import { z } from 'zod'

export const StationInfo = z.object({
  name: z.string(),
  country: z.string(),
  crossing: z.string(),
  dataDir: z.string(),
  appVersion: z.string(),
  caseCount: z.number().int()
})
export type StationInfo = z.infer<typeof StationInfo>

export const Empty = z.object({}).strict().default({})

/** A station's identity as an office gives it at set-up (blo init, the first start): checked before any file is made. */
export const StationIdentityInput = z.object({
  name: z.string().trim().min(1, 'required').max(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'two-letter ISO 3166 country code, e.g. TH or LA'),
  crossing: z.string().trim().max(200).default('')
})
export type StationIdentityInput = z.input<typeof StationIdentityInput>
