import { z } from 'zod'
import { StationIdText } from './exchange'
import { Month } from './export'

/**
 * The supervisor's month: the dashboard shows it and the PDF report prints it. With a counterpart, the exchange
 * figures are those with that station only.
 */
export const MonthlyReportInput = z.object({ month: Month, counterpart: StationIdText.optional() }).strict()
export type MonthlyReportInput = z.infer<typeof MonthlyReportInput>

/** A count this month, with the previous month's beside it for the trend arrow. */
export const CountRow = z.object({ key: z.string(), count: z.number().int(), previous: z.number().int() })
export type CountRow = z.infer<typeof CountRow>

export const SeizureRow = z.object({
  /** As officers wrote it, in any script: commodities are free text. */
  commodity: z.string(),
  unit: z.string(),
  quantity: z.number(),
  cases: z.number().int()
})

export const NationalityRow = z.object({
  /** ISO 3166 alpha-2, or null when not recorded. */
  nationality: z.string().nullable(),
  male: z.number().int(),
  female: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int()
})

export const MessageCounts = z.object({
  records: z.number().int(),
  alerts: z.number().int(),
  requests: z.number().int(),
  replies: z.number().int(),
  acknowledgements: z.number().int()
})

/** Alerts and requests sent in the month by one side, and how the other side answered (reply or acknowledgement). */
export const Answered = z.object({
  asked: z.number().int(),
  answered: z.number().int(),
  /** Median time to the first answer, in minutes; null when nothing was answered. */
  medianMinutes: z.number().nullable()
})

export const JointOperation = z.object({
  id: z.string(),
  title: z.string(),
  codeName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.string()
})

export const TrendPoint = z.object({
  month: z.string(),
  cases: z.number().int(),
  persons: z.number().int(),
  items: z.number().int(),
  exchangeSent: z.number().int(),
  exchangeReceived: z.number().int()
})

export const MonthlyReport = z.object({
  month: z.string(),
  /** The month's bounds in UTC: from inclusive, to exclusive (the station's local midnight). */
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  station: z.object({ name: z.string(), country: z.string(), crossing: z.string(), stationId: z.string() }),
  cases: z.object({
    total: z.number().int(),
    previous: z.number().int(),
    byCategory: z.array(CountRow),
    byAgency: z.array(CountRow),
    byStatus: z.array(CountRow),
    /** The ten places with most cases. */
    topLocations: z.array(CountRow)
  }),
  seizures: z.array(SeizureRow),
  persons: z.object({ total: z.number().int(), bySex: z.array(CountRow), byNationality: z.array(NationalityRow) }),
  exchange: z.object({
    sent: MessageCounts,
    received: MessageCounts,
    /** Ours answered by the counterpart, and theirs answered by us. */
    oursAnswered: Answered,
    theirsAnswered: Answered
  }),
  /** Plans whose period overlaps the month and that went ahead (active or completed); available is false on a station without plans. */
  operations: z.object({ available: z.boolean(), held: z.array(JointOperation) }),
  /** The six months before and this one, oldest first. */
  trend: z.array(TrendPoint)
})
export type MonthlyReport = z.infer<typeof MonthlyReport>
