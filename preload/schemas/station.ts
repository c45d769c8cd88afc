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
