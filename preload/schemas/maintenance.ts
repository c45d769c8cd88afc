/**
 * Station maintenance, for administrators: verified backups, a restore staged for the next start (the database is
 * open while the station runs), and offline updates checked against the publisher's signature. Files are named by
 * absolute paths on the station's computer: the desktop's file dialog gives them, the station host's page has the
 * administrator type them.
 */
import { z } from 'zod'

export const MAX_PATH_CHARS = 4096

/** POSIX (/…), a Windows drive (C:\… or C:/…) or a Windows share (\\server\…): absolute on some system. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/

export const LocalPath = z
  .string()
  .min(1, 'required')
  .max(MAX_PATH_CHARS, `at most ${MAX_PATH_CHARS} characters`)
  .refine((path) => !path.includes('\0'), 'must not contain a NUL character')
  .refine((path) => ABSOLUTE_PATH.test(path), 'give the full path, e.g. /media/usb/… or E:\\…')

/** Chosen by the screen so it can match progress events (and cancel a backup) before the call returns. */
export const MaintenanceJobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (at most 64)')

/** Why a backup file cannot be restored (or made): each has a sentence in the screens' languages. */
export const BACKUP_REFUSALS = [
  'missing',
  'not-a-file',
  'no-sidecar',
  'bad-sidecar',
  'incomplete',
  'changed',
  'unreadable',
  'not-blo',
  'newer',
  'damaged',
  'exists',
  'no-folder',
  'no-station'
] as const
export const BackupRefusal = z.enum(BACKUP_REFUSALS)
export type BackupRefusal = z.infer<typeof BackupRefusal>

/** Why an update file must not be installed. */
export const UPDATE_REFUSALS = [
  'no-publisher-key',
  'not-installer',
  'missing',
  'no-signature',
  'bad-signature-file',
  'unknown-key',
  'bad-signature',
  'changed',
  'not-newer',
  'other-system'
] as const
export const UpdateRefusal = z.enum(UPDATE_REFUSALS)
export type UpdateRefusal = z.infer<typeof UpdateRefusal>

export const BACKUP_REASONS = ['manual', 'before-migration'] as const

export const BackedUpStationInfo = z.object({ name: z.string(), country: z.string(), crossing: z.string(), stationId: z.string().nullable() })

/** What a backup's sidecar says about it, as checked. */
export const BackupDescription = z.object({
  file: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  reason: z.enum(BACKUP_REASONS),
  station: BackedUpStationInfo.nullable(),
  /** False when the backup is of another station (a restore makes this computer that station); null when unknown. */
  sameStation: z.boolean().nullable()
})
export type BackupDescription = z.infer<typeof BackupDescription>

// ---- backup ----

export const BackupInput = z
  .object({
    id: MaintenanceJobId.optional(),
    /** Without it: <data folder>/backups. */
    folder: LocalPath.optional()
  })
  .strict()

export const BackupDone = z.object({
  status: z.literal('done'),
  id: z.string(),
  file: z.string(),
  sidecar: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  /** Always true: a copy that does not pass the checks is removed and the call fails. */
  verified: z.literal(true)
})
export const BackupCancelled = z.object({ status: z.literal('cancelled'), id: z.string() })
export const BackupResult = z.discriminatedUnion('status', [BackupDone, BackupCancelled])
export type BackupResult = z.infer<typeof BackupResult>

export const BackupEntry = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  schemaVersion: z.number().int(),
  station: BackedUpStationInfo.nullable()
})
export type BackupEntry = z.infer<typeof BackupEntry>

export const BackupList = z.object({ folder: z.string(), backups: z.array(BackupEntry) })
export type BackupList = z.infer<typeof BackupList>

export const MaintenanceCancelInput = z.object({ id: MaintenanceJobId }).strict()
export const MaintenanceCancelResult = z.object({ cancelled: z.boolean() })

// ---- restore ----

export const FileInput = z.object({ id: MaintenanceJobId.optional(), path: LocalPath }).strict()

export const BackupRefused = z.object({ status: z.literal('refused'), reason: BackupRefusal, message: z.string() })

export const BackupCheck = z.discriminatedUnion('status', [z.object({ status: z.literal('ok'), backup: BackupDescription }), BackupRefused])
export type BackupCheck = z.infer<typeof BackupCheck>

/** A restore waiting for the next start of the station. */
export const PendingRestore = z.object({
  from: z.string(),
  stagedAt: z.string(),
  stagedBy: z.string(),
  backup: BackupDescription
})
export type PendingRestore = z.infer<typeof PendingRestore>

export const StageRestoreResult = z.discriminatedUnion('status', [z.object({ status: z.literal('staged'), pending: PendingRestore }), BackupRefused])
export type StageRestoreResult = z.infer<typeof StageRestoreResult>

/** What the last start did with a staged restore. */
export const LastRestore = z.object({
  status: z.enum(['applied', 'failed']),
  at: z.string(),
  from: z.string(),
  stagedBy: z.string(),
  /** Where the database it replaced is kept (applied), or null. */
  replaced: z.string().nullable(),
  /** Why it was not applied (failed), or null. */
  message: z.string().nullable()
})
export type LastRestore = z.infer<typeof LastRestore>

export const MaintenanceStatus = z.object({
  dataDir: z.string(),
  backupsFolder: z.string(),
  installedVersion: z.string(),
  pendingRestore: PendingRestore.nullable(),
  lastRestore: LastRestore.nullable(),
  /** Only the desktop app can run an installer; the station host checks update files only. */
  canInstall: z.boolean()
})
export type MaintenanceStatus = z.infer<typeof MaintenanceStatus>

// ---- updates ----

/** How a checked update gets installed on this computer. */
export const INSTALL_METHODS = ['run-installer', 'replace-appimage', 'apt-install', 'manual', 'desktop-only'] as const
/** Why an administrator has to install by hand: a checkout, an app not started from an AppImage, no pkexec. */
export const MANUAL_REASONS = ['not-packaged', 'not-appimage', 'no-pkexec'] as const
export type ManualReason = (typeof MANUAL_REASONS)[number]

export const InstallPreview = z.object({
  method: z.enum(INSTALL_METHODS),
  reason: z.enum(MANUAL_REASONS).nullable(),
  /** For manual: what to run in a terminal. */
  command: z.string().nullable()
})
export type InstallPreview = z.infer<typeof InstallPreview>

export const UpdateVerified = z.object({
  status: z.literal('verified'),
  /** The checked copy inside the data folder: its file name is what maintenance.installUpdate takes. */
  file: z.string(),
  path: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'linux']),
  bytes: z.number().int(),
  sha256: z.string(),
  keyId: z.string(),
  signedAt: z.string(),
  installedVersion: z.string(),
  install: InstallPreview
})
export type UpdateVerified = z.infer<typeof UpdateVerified>

export const UpdateRefused = z.object({ status: z.literal('refused'), reason: UpdateRefusal, message: z.string() })

export const UpdateCheck = z.discriminatedUnion('status', [UpdateVerified, UpdateRefused])
export type UpdateCheck = z.infer<typeof UpdateCheck>

/** A file name only: what runs is always a checked copy inside the data folder's updates/. */
export const InstallInput = z
  .object({
    file: z
      .string()
      .min(1, 'required')
      .max(255)
      .regex(/^[^\\/\0]+$/, 'the name of a checked update, without a folder')
      .refine((name) => name !== '.' && name !== '..', 'the name of a checked update, without a folder')
  })
  .strict()

export const InstallResult = z.discriminatedUnion('status', [
  /** The installer runs; the app quits (Windows) or restarts into the new version (Linux). */
  z.object({ status: z.literal('started'), then: z.enum(['quit', 'relaunch']), version: z.string() }),
  z.object({ status: z.literal('manual'), reason: z.enum(MANUAL_REASONS), command: z.string() }),
  /** The installer could not run or did not finish (e.g. the password prompt was closed); nothing changed. */
  z.object({ status: z.literal('failed'), message: z.string() })
])
export type InstallResult = z.infer<typeof InstallResult>

// ---- progress ----

/** copy: bytes (or database pages) copied; check: SQLite's integrity check (no count); hash: bytes hashed. */
export const MAINTENANCE_STEPS = ['copy', 'check', 'hash'] as const
export const MaintenanceProgress = z.object({
  id: z.string(),
  step: z.enum(MAINTENANCE_STEPS),
  done: z.number(),
  total: z.number()
})
export type MaintenanceProgress = z.infer<typeof MaintenanceProgress>

// ---- the desktop shell (Electron only; not a station method) ----

export const PICK_PURPOSES = ['backup', 'installer', 'bundle'] as const
export type PickPurpose = (typeof PICK_PURPOSES)[number]
const DialogTitle = z.string().max(200)

/** What the window may ask of the desktop shell itself: a native file or folder dialog, or a restart. */
export const DesktopRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pickFile'), purpose: z.enum(PICK_PURPOSES), title: DialogTitle }).strict(),
  z.object({ action: z.literal('pickFolder'), title: DialogTitle, defaultPath: LocalPath.optional() }).strict(),
  z.object({ action: z.literal('restart') }).strict()
])
export type DesktopRequest = z.infer<typeof DesktopRequest>
export type DesktopAction = DesktopRequest['action']

/** The chosen path, or null when the dialog was cancelled (restart answers null too, just before it goes). */
export const DesktopReply = z.object({ path: z.string().nullable() })
export type DesktopReply = z.infer<typeof DesktopReply>
