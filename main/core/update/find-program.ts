/** Where a program would be found on PATH, like a shell's `command -v`, or null. */
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export function findProgram(name: string, pathVariable: string | undefined): string | null {
  for (const folder of (pathVariable ?? '').split(delimiter)) {
    if (!folder) continue
    const candidate = join(folder, name)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return null
}
