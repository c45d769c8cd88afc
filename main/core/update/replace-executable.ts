/**
 * Puts a new AppImage in place of the running one. The new file is written beside the target and renamed over it:
 * at every moment the path holds either the whole old file or the whole new one, and the running app (which
 * keeps the old file open) is not disturbed. The mode is the target's, executable by its owner at least.
 */
import { chmodSync, closeSync, constants, copyFileSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export function replaceExecutable(source: string, target: string): void {
  const mode = (statSync(target).mode & 0o7777) | 0o100
  const temp = join(dirname(target), `.${basename(target)}.new-${process.pid}`)
  try {
    copyFileSync(source, temp, constants.COPYFILE_EXCL)
    chmodSync(temp, mode)
    const fd = openSync(temp, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new Error(`cannot replace ${target}: this account may not write in ${dirname(target)} (${code}); copy the new AppImage there yourself`)
    }
    throw error
  }
}
