/**
 * What the desktop app runs is never the file on the USB stick: that could change between the check and the start.
 * The installer and its signature are copied into the data folder first, and the copy is checked and run.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { signaturePathFor, UpdateRefusedError, verifyUpdate, type VerifiedUpdate } from './update-signature'

export const UPDATES_DIR = 'updates'

/** Copies file (+ .sig) into stagingDir and verifies the copy; an update that is not newer or not for this system is refused. */
export function stageUpdate(file: string, stagingDir: string, trustedKeys: readonly string[], installedVersion?: string): VerifiedUpdate {
  verifyUpdate(file, trustedKeys, installedVersion)
  mkdirSync(stagingDir, { recursive: true })
  const staged = join(stagingDir, basename(file))
  try {
    copyFileSync(file, staged)
    copyFileSync(signaturePathFor(file), signaturePathFor(staged))
    const verified = verifyUpdate(staged, trustedKeys, installedVersion)
    if (!verified.forThisSystem) throw new UpdateRefusedError(file, `is an installer for ${verified.platform}, not for this ${process.platform} computer`)
    if (!verified.newer) {
      throw new UpdateRefusedError(file, `is version ${verified.version}, not newer than the installed ${verified.installedVersion}`)
    }
    return verified
  } catch (error) {
    rmSync(staged, { force: true })
    rmSync(signaturePathFor(staged), { force: true })
    throw error
  }
}
