/**
 * What the desktop app runs is never the file on the USB stick: that could change between the check and the start.
 * The installer and its signature are copied into the data folder first, and the copy is checked and run.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { APP_VERSION } from '../app-version'
import { copyHashing } from '../backup/hashed-copy'
import type { StepProgress } from '../backup/station-backup'
import {
  assertSignedBytes,
  compareVersions,
  installerPlatform,
  signaturePathFor,
  trustedStatement,
  UpdateRefusedError,
  verifyUpdateStreaming,
  type VerifiedUpdate
} from './update-signature'

export const UPDATES_DIR = 'updates'

export interface StageUpdateOptions {
  installedVersion?: string
  onProgress?: StepProgress
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size
  } catch (error) {
    throw new UpdateRefusedError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'missing')
  }
}

/**
 * Copies file (+ .sig) into stagingDir and verifies the copy; an update that is not newer or not for this system is
 * refused before anything is copied. The file is read in chunks: the station keeps serving meanwhile.
 */
export async function stageUpdate(file: string, stagingDir: string, trustedKeys: readonly string[], options: StageUpdateOptions = {}): Promise<VerifiedUpdate> {
  const installedVersion = options.installedVersion ?? APP_VERSION
  const progress = options.onProgress
  if (!installerPlatform(file)) throw new UpdateRefusedError(file, 'is not an installer BLO Station knows (.exe, .deb or .AppImage)', 'not-installer')
  const statement = trustedStatement(file, trustedKeys)
  if (statement.platform !== process.platform) {
    throw new UpdateRefusedError(file, `is an installer for ${statement.platform}, not for this ${process.platform} computer`, 'other-system')
  }
  if (compareVersions(statement.version, installedVersion) <= 0) {
    throw new UpdateRefusedError(file, `is version ${statement.version}, not newer than the installed ${installedVersion}`, 'not-newer')
  }
  const size = sizeOf(file)
  mkdirSync(stagingDir, { recursive: true })
  const staged = join(stagingDir, basename(file))
  const discard = () => {
    rmSync(staged, { force: true })
    rmSync(signaturePathFor(staged), { force: true })
  }
  discard()
  try {
    const copied = await copyHashing(file, staged, progress && ((done) => progress('copy', done, size)), 0o700)
    assertSignedBytes(file, statement, copied)
    copyFileSync(signaturePathFor(file), signaturePathFor(staged))
    // Read back from the disk it will run from: the copy is checked, not the bytes that were meant to reach it.
    return await verifyUpdateStreaming(staged, trustedKeys, installedVersion, progress && ((done) => progress('hash', done, size)))
  } catch (error) {
    discard()
    throw error
  }
}
