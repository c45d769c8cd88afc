import type { Migration } from './migration'
import { v1 } from './001-case-log'
import { v2 } from './002-station-identity-peers-and-shared-documents'
import { v3 } from './003-exchange'
import { v4 } from './004-link-state'
import { v5 } from './005-joint-operation-plans'
import { v6 } from './006-accounts-settings-and-the-audit-trail'
import { v7 } from './007-sync-bundles'
import { v8 } from './008-audiences'

export type { Migration }

/** In order: a database at schema N has run exactly the first N. */
export const migrations: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version
