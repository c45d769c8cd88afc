/**
 * better-sqlite3 is a native addon: one binary per runtime ABI (Node's for tests, the CLI and the station host;
 * Electron's for the desktop app). Loading the wrong one must end in a sentence that says what to do, not a crash
 * or a dlopen message.
 */
import Database from 'better-sqlite3'

export class SqliteAddonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SqliteAddonError'
  }
}

/** "Electron 39.8.9 (NODE_MODULE_VERSION 140)" or "Node.js v20.19.0 (NODE_MODULE_VERSION 115)". */
export function runtimeName(versions: NodeJS.ProcessVersions = process.versions): string {
  const electron = (versions as NodeJS.ProcessVersions & { electron?: string }).electron
  const runtime = electron ? `Electron ${electron}` : `Node.js v${versions.node}`
  return `${runtime} (NODE_MODULE_VERSION ${versions.modules})`
}

function fixFor(versions: NodeJS.ProcessVersions): string {
  return 'electron' in versions
    ? 'In a checkout run "npm run rebuild:electron"; an installed BLO Station needs reinstalling.'
    : 'Run "npm rebuild better-sqlite3" (or reinstall the dependencies with "npm ci").'
}

const ABI_MISMATCH = /NODE_MODULE_VERSION (\d+)/
/** What dlopen and the bindings lookup say when the file is missing, not a library, or for another system. */
const NOT_LOADABLE =
  /invalid ELF header|wrong ELF class|file too short|not a valid Win32 application|%1 is not a valid|mach-o|cannot open shared object|Module did not self-register|Could not locate the bindings file/i

/** The addon-loading failure behind error, as a SqliteAddonError, or null when error is about something else. */
export function explainAddonError(
  error: unknown,
  nativeBinding: string | undefined,
  versions: NodeJS.ProcessVersions = process.versions
): SqliteAddonError | null {
  if (!(error instanceof Error)) return null
  const code = (error as NodeJS.ErrnoException).code
  const where = nativeBinding ? `at ${nativeBinding}` : 'in node_modules/better-sqlite3'
  const runtime = runtimeName(versions)
  const builtFor = ABI_MISMATCH.exec(error.message)
  if (builtFor && /different Node\.js version/.test(error.message)) {
    return new SqliteAddonError(
      `The SQLite module ${where} was built for another runtime (NODE_MODULE_VERSION ${builtFor[1]}) and cannot load in ${runtime}. ${fixFor(versions)}`,
      { cause: error }
    )
  }
  const addonPath = nativeBinding && error.message.includes(nativeBinding)
  if (code === 'ERR_DLOPEN_FAILED' || NOT_LOADABLE.test(error.message) || (code === 'MODULE_NOT_FOUND' && addonPath)) {
    const reason = error.message.split('\n')[0].trim()
    return new SqliteAddonError(`The SQLite module ${where} cannot be loaded in ${runtime} (${reason}). ${fixFor(versions)}`, {
      cause: error
    })
  }
  return null
}

/** new Database(), with a failure to load the addon itself explained. */
export function openSqliteFile(file: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(file, options)
  } catch (error) {
    throw explainAddonError(error, options.nativeBinding as string | undefined) ?? error
  }
}
