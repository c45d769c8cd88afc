import { z } from 'zod'

/** This station as the counterpart must know it: read aloud or printed, and checked out of band. */
export const StationCard = z.object({ stationId: z.string(), name: z.string(), country: z.string() })
export type StationCard = z.infer<typeof StationCard>

/** This station's certificate (PEM): what a relay operator enrols, and what proves the station ID is its hash. */
export const StationCertificate = z.object({ stationId: z.string(), certificatePem: z.string() })

export const PairedStation = z.object({
  stationId: z.string(),
  name: z.string(),
  address: z.string(),
  pairedAt: z.string(),
  pairedBy: z.string()
})
export type PairedStation = z.infer<typeof PairedStation>

export const CounterpartInput = z
  .object({
    stationId: z.string().trim().min(1, 'required').max(100),
    address: z.string().trim().min(1, 'required').max(300),
    name: z.string().trim().max(200).optional()
  })
  .strict()

export const UnpairInput = z.object({ stationId: z.string().trim().min(1).max(100) }).strict()

export const LINK_STATES = ['connected', 'connecting', 'offline', 'refused'] as const

export const TransferProgress = z.object({
  doc: z.string(),
  direction: z.enum(['send', 'receive']),
  done: z.number(),
  total: z.number()
})

/** A shared document that refuses the peer's updates for being at its size limit on this station. */
export const DocAtLimit = z.object({ doc: z.string(), bytes: z.number().int(), limit: z.number().int() })

export const PeerLinkStatus = z.object({
  stationId: z.string(),
  name: z.string(),
  address: z.string(),
  state: z.enum(LINK_STATES),
  lastContact: z.string().nullable(),
  lastCompleteSync: z.string().nullable(),
  pendingDocs: z.number().int(),
  pendingBytes: z.number().int(),
  transfers: z.array(TransferProgress),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  docsAtLimit: z.array(DocAtLimit),
  /** The last bundle written for it and imported from it (exchange by USB). */
  lastBundle: z.object({ written: z.string().nullable(), imported: z.string().nullable() })
})
export type PeerLinkStatus = z.infer<typeof PeerLinkStatus>

export const LinkStatus = z.object({
  stationId: z.string(),
  /** Where the counterpart can reach this station, or null when not listening (and why). */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  listenError: z.string().nullable(),
  peers: z.array(PeerLinkStatus)
})
export type LinkStatus = z.infer<typeof LinkStatus>

export const LinkEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  peer: z.string().nullable(),
  kind: z.string(),
  detail: z.string()
})
export const LinkLogQuery = z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict()
