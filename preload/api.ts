/**
 * The one API contract between the station (main) and its screens (renderer), carried by Electron IPC
 * or by the station host's WebSocket. Adding a method here is the only way to grow the surface:
 * main must implement every name (the handler map is typed against this), the renderer can call nothing else.
 */
import { z } from 'zod'
import {
  Case,
  CaseId,
  CaseInput,
  CasePage,
  CaseQuery,
  CaseStatusInput,
  CaseUpdate,
  CaseVersion,
  CaseVoidInput
} from './schemas/cases'
import { Empty, StationInfo } from './schemas/station'
import {
  AcknowledgeInput,
  ExchangeChanged,
  ExchangeGetInput,
  ExchangeItem,
  ExchangePage,
  ExchangeQuery,
  MarkReadInput,
  MarkReadResult,
  MessageThread,
  RecordDetail,
  ReplyInput,
  SendAlertInput,
  SendRequestInput,
  ShareInput,
  WithdrawInput
} from './schemas/exchange'
import { LinkEvent, LinkLogQuery, PairedStation, CounterpartInput, StationCard, StationCertificate, LinkStatus, UnpairInput } from './schemas/link'
import { BundleExportInput, BundleFileInput, BundleHistoryEntry, BundleHistoryQuery, BundleImported, BundlePreview, BundleProgress, BundleWritten } from './schemas/bundles'
import {
  PlanApproveInput,
  PlanAwarenessEvent,
  PlanAwarenessInput,
  PlanCreateInput,
  PlanDetail,
  PlanDiff,
  PlanDiffInput,
  PlanEditInput,
  PlanIdInput,
  PlanOpenInput,
  PlanPage,
  PlanQuery,
  PlanSaveVersionInput,
  PlanState,
  PlanUpdateEvent,
  PlanUpdateInput,
  PlanUpdateResult,
  PlanVersionInfo,
  PlanVersionInput,
  PlanVersionView
} from './schemas/plans'
import {
  Account,
  AccountInput,
  AccountUpdate,
  AuthStatus,
  LanguageInput,
  LoginInput,
  PasswordChange,
  PasswordReset,
  ResumeInput,
  Session,
  Settings,
  SettingsUpdate,
  SetupInput,
  SignedInUser,
  UsernameInput
} from './schemas/users'
import { AuditPage, AuditQuery, AuditVerification } from './schemas/audit'
import { ExportCancelInput, ExportCancelResult, ExportProgress, ExportResult, ExportRunInput, ExportVerification, ExportVerifyInput } from './schemas/export'
import { MonthlyReport, MonthlyReportInput } from './schemas/reports'
import {
  BackupCheck,
  BackupInput,
  BackupList,
  BackupResult,
  FileInput,
  InstallInput,
  InstallResult,
  MaintenanceCancelInput,
  MaintenanceCancelResult,
  MaintenanceProgress,
  MaintenanceStatus,
  StageRestoreResult,
  UpdateCheck,
  type DesktopReply,
  type DesktopRequest
} from './schemas/maintenance'

export * from './vocabulary'
export * from './schemas/cases'
export * from './schemas/station'
export * from './schemas/exchange'
export * from './schemas/link'
export * from './schemas/bundles'
export * from './schemas/plans'
export * from './schemas/users'
export * from './schemas/audit'
export * from './schemas/export'
export * from './schemas/reports'
export * from './schemas/maintenance'

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

export const methods = {
  'station.info': method(Empty, StationInfo),
  'cases.create': method(CaseInput, Case),
  'cases.update': method(CaseUpdate, Case),
  'cases.setStatus': method(CaseStatusInput, Case),
  'cases.void': method(CaseVoidInput, Case),
  'cases.get': method(CaseId, Case),
  'cases.history': method(CaseId, z.array(CaseVersion)),
  'cases.search': method(CaseQuery, CasePage),
  'link.station': method(Empty, StationCard),
  'link.certificate': method(Empty, StationCertificate),
  'counterparts.list': method(Empty, z.array(PairedStation)),
  'counterparts.add': method(CounterpartInput, PairedStation),
  'counterparts.remove': method(UnpairInput, z.object({ removed: z.boolean() })),
  'link.status': method(Empty, LinkStatus),
  'link.log': method(LinkLogQuery, z.array(LinkEvent)),
  'bundles.export': method(BundleExportInput, BundleWritten),
  'bundles.inspect': method(BundleFileInput, BundlePreview),
  'bundles.import': method(BundleFileInput, BundleImported),
  'bundles.history': method(BundleHistoryQuery, z.array(BundleHistoryEntry)),
  'exchange.share': method(ShareInput, RecordDetail),
  'exchange.withdraw': method(WithdrawInput, RecordDetail),
  'exchange.list': method(ExchangeQuery, ExchangePage),
  'exchange.get': method(ExchangeGetInput, ExchangeItem),
  'exchange.sendAlert': method(SendAlertInput, MessageThread),
  'exchange.sendRequest': method(SendRequestInput, MessageThread),
  'exchange.reply': method(ReplyInput, MessageThread),
  'exchange.acknowledge': method(AcknowledgeInput, MessageThread),
  'exchange.markRead': method(MarkReadInput, MarkReadResult),
  'plans.create': method(PlanCreateInput, PlanDetail),
  'plans.list': method(PlanQuery, PlanPage),
  'plans.get': method(PlanIdInput, PlanDetail),
  'plans.edit': method(PlanEditInput, PlanDetail),
  'plans.open': method(PlanOpenInput, PlanState),
  'plans.update': method(PlanUpdateInput, PlanUpdateResult),
  'plans.awareness': method(PlanAwarenessInput, z.object({})),
  'plans.approve': method(PlanApproveInput, PlanDetail),
  'plans.saveVersion': method(PlanSaveVersionInput, PlanVersionInfo),
  'plans.version': method(PlanVersionInput, PlanVersionView),
  'plans.diff': method(PlanDiffInput, PlanDiff),
  'plans.restore': method(PlanVersionInput, PlanDetail),
  'auth.status': method(Empty, AuthStatus),
  'auth.setup': method(SetupInput, Session),
  'auth.login': method(LoginInput, Session),
  'auth.resume': method(ResumeInput, Session),
  'auth.logout': method(Empty, z.object({ signedOut: z.boolean() })),
  'auth.changePassword': method(PasswordChange, SignedInUser),
  'auth.setLanguage': method(LanguageInput, SignedInUser),
  'users.list': method(Empty, z.array(Account)),
  'users.create': method(AccountInput, Account),
  'users.update': method(AccountUpdate, Account),
  'users.disable': method(UsernameInput, Account),
  'users.enable': method(UsernameInput, Account),
  'users.resetPassword': method(PasswordReset, Account),
  'settings.get': method(Empty, Settings),
  'settings.update': method(SettingsUpdate, Settings),
  'audit.list': method(AuditQuery, AuditPage),
  'audit.verify': method(Empty, AuditVerification),
  'export.run': method(ExportRunInput, ExportResult),
  'export.cancel': method(ExportCancelInput, ExportCancelResult),
  'export.verify': method(ExportVerifyInput, ExportVerification),
  'reports.monthly': method(MonthlyReportInput, MonthlyReport),
  'maintenance.status': method(Empty, MaintenanceStatus),
  'maintenance.backups': method(Empty, BackupList),
  'maintenance.backup': method(BackupInput, BackupResult),
  'maintenance.cancel': method(MaintenanceCancelInput, MaintenanceCancelResult),
  'maintenance.checkBackup': method(FileInput, BackupCheck),
  'maintenance.stageRestore': method(FileInput, StageRestoreResult),
  'maintenance.cancelRestore': method(Empty, z.object({ cancelled: z.boolean() })),
  'maintenance.verifyUpdate': method(FileInput, UpdateCheck),
  'maintenance.installUpdate': method(InstallInput, InstallResult)
} as const

export type MethodName = keyof typeof methods
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>
export type MethodParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>

export const methodNames = Object.keys(methods) as MethodName[]

/** Events main pushes to every open screen. */
export const events = {
  'cases:changed': z.object({ id: z.string(), version: z.number().int() }),
  'link:status': LinkStatus,
  'exchange:changed': ExchangeChanged,
  'plans:update': PlanUpdateEvent,
  'plans:awareness': PlanAwarenessEvent,
  'export:progress': ExportProgress,
  'bundles:progress': BundleProgress,
  'maintenance:progress': MaintenanceProgress
} as const
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const eventNames = Object.keys(events) as EventName[]

/** unauthenticated: not signed in, or the session locked after inactivity (show the sign-in / lock screen). */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unauthenticated', 'forbidden', 'unavailable', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses the boundary when a call fails: a code to branch on, a sentence for people, the fields at fault. */
export const ApiErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).default([])
})
export type ApiErrorShape = z.infer<typeof ApiErrorShape>

/** Envelope for every reply, so both transports report errors the same way. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }

/** The renderer-facing surface, identical over IPC and WebSocket. */
export interface BloApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/**
 * The desktop shell's own services, beside the station's API: native file dialogs and a restart. Electron only
 * (the station host's page types paths instead); main checks the sender and that an administrator is signed in.
 */
export interface DesktopBridge {
  request(request: DesktopRequest): Promise<Reply<DesktopReply>>
}

/** What preload exposes as window.blo: the raw, name-checked channel. The renderer client wraps it into BloApi. */
export interface BloBridge {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>
  on(event: string, listener: (payload: unknown) => void): () => void
  /** Present in the desktop app only. */
  desktop?: DesktopBridge
}
