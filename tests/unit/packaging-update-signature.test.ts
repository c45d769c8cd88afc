/**
 * Offline updates: an installer from a USB stick is accepted only with a valid FILE.sig by a built-in publisher key,
 * for exactly the signed bytes; what gets run is a checked copy. A test key pair stands in for the publisher's.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { updateCommandWith } from '../../main/cli/update-command'
import { publisherKeyId, signUpdate, signaturePathFor, verifyUpdate, compareVersions } from '../../main/core/update/update-signature'
import { stageUpdate } from '../../main/core/update/update-staging'
import { runCli } from '../helpers/built-programs'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()

function keyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }
}

const publisher = keyPair()

function installer(dir: string, name: string, bytes = 256 * 1024): string {
  const file = join(dir, name)
  writeFileSync(file, randomBytes(bytes))
  return file
}

/** Runs a blo command in this process (so it can be given test keys) and returns what it printed. */
async function capture(run: () => Promise<void>): Promise<string> {
  const write = process.stdout.write.bind(process.stdout)
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    await run()
  } finally {
    process.stdout.write = write
  }
  return out
}

describe('update signature', () => {
  it('accepts a file signed by a publisher key, and says what it is', () => {
    const file = installer(tempDir(), 'BLO-Station-Setup-0.2.0-x64.exe')
    const sig = signUpdate(file, publisher.privatePem, { version: '0.2.0' })
    expect(sig).toBe(`${file}.sig`)
    const verified = verifyUpdate(file, [keyPair().publicPem, publisher.publicPem], '0.1.0')
    expect(verified).toMatchObject({
      version: '0.2.0',
      platform: 'win32',
      keyId: publisherKeyId(publisher.publicPem),
      installedVersion: '0.1.0',
      newer: true,
      forThisSystem: process.platform === 'win32'
    })
    expect(verified.keyId).toMatch(/^[0-9a-f]{16}$/)
  })

  it('refuses a changed file, a changed signature, another key, no signature and no built-in key', () => {
    const dir = tempDir()
    const file = installer(dir, 'BLO-Station-0.2.0-x64.AppImage')
    signUpdate(file, publisher.privatePem, { version: '0.2.0' })
    const trusted = [publisher.publicPem]
    const sig = JSON.parse(readFileSync(signaturePathFor(file), 'utf8')) as Record<string, unknown>

    const changed = installer(dir, 'changed.AppImage')
    copyFileSync(file, changed)
    copyFileSync(signaturePathFor(file), signaturePathFor(changed))
    const bytes = readFileSync(changed)
    bytes[1000] ^= 1
    writeFileSync(changed, bytes)
    expect(() => verifyUpdate(changed, trusted)).toThrow('changed.AppImage: is not the file that was signed (changed, damaged or incomplete): do not install it')

    const relabelled = installer(dir, 'relabelled.AppImage')
    copyFileSync(file, relabelled)
    writeFileSync(signaturePathFor(relabelled), JSON.stringify({ ...sig, version: '9.9.9' }))
    expect(() => verifyUpdate(relabelled, trusted)).toThrow(/its signature is not valid/)

    const stranger = keyPair()
    const foreign = installer(dir, 'foreign.deb')
    const foreignSig = signUpdate(foreign, stranger.privatePem, { version: '0.2.0' })
    expect(existsSync(foreignSig)).toBe(true)
    expect(() => verifyUpdate(foreign, trusted)).toThrow(`is signed by key ${publisherKeyId(stranger.publicPem)}, which is not a BLO Station publisher key`)

    const unsigned = installer(dir, 'unsigned.deb')
    expect(() => verifyUpdate(unsigned, trusted)).toThrow('unsigned.deb: has no signature: unsigned.deb.sig must be next to it')
    writeFileSync(signaturePathFor(unsigned), 'not json')
    expect(() => verifyUpdate(unsigned, trusted)).toThrow('unsigned.deb.sig is not a BLO Station signature (not JSON)')
    writeFileSync(signaturePathFor(unsigned), JSON.stringify({ ...sig, sha256: 'abc' }))
    expect(() => verifyUpdate(unsigned, trusted)).toThrow('unsigned.deb.sig is malformed: sha256:')

    expect(() => verifyUpdate(file, [])).toThrow(/this build of BLO Station has no publisher key built in/)
  })

  it('signs only installers, with a key of the right kind', () => {
    const dir = tempDir()
    expect(() => signUpdate(installer(dir, 'notes.zip'), publisher.privatePem)).toThrow('is not an installer BLO Station knows (.exe, .deb or .AppImage)')
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => signUpdate(installer(dir, 'a.deb'), ec)).toThrow('the signing key must be an Ed25519 private key, not ec')
    expect(() => signUpdate(installer(dir, 'b.deb'), publisher.privatePem, { version: 'latest' })).toThrow('version: expected a version like 1.2.3')
  })

  it('orders versions, prereleases before their release', () => {
    expect(compareVersions('0.2.0', '0.1.9')).toBe(1)
    expect(compareVersions('0.10.0', '0.9.0')).toBe(1)
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1)
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0)
  })
})

describe('staging an update', () => {
  const ext = process.platform === 'win32' ? 'exe' : 'deb'

  it('copies and re-checks the file, so changing the original afterwards changes nothing', async () => {
    const stick = tempDir()
    const staging = join(tempDir(), 'updates')
    const file = installer(stick, `blo-station_0.2.0_amd64.${ext}`)
    signUpdate(file, publisher.privatePem, { version: '0.2.0' })
    const staged = await stageUpdate(file, staging, [publisher.publicPem], { installedVersion: '0.1.0' })
    expect(staged.file).toBe(join(staging, `blo-station_0.2.0_amd64.${ext}`))
    writeFileSync(file, randomBytes(16))
    expect(verifyUpdate(staged.file, [publisher.publicPem], '0.1.0').sha256).toBe(staged.sha256)
  })

  it('refuses an installer that is not newer or not for this system', async () => {
    const stick = tempDir()
    const staging = join(tempDir(), 'updates')
    const same = installer(stick, `same.${ext}`)
    signUpdate(same, publisher.privatePem, { version: '0.1.0' })
    await expect(stageUpdate(same, staging, [publisher.publicPem], { installedVersion: '0.1.0' })).rejects.toThrow('is version 0.1.0, not newer than the installed 0.1.0')
    const other = installer(stick, process.platform === 'win32' ? 'other.deb' : 'other.exe')
    signUpdate(other, publisher.privatePem, { version: '0.2.0' })
    await expect(stageUpdate(other, staging, [publisher.publicPem], { installedVersion: '0.1.0' })).rejects.toThrow(/is an installer for (win32|linux), not for this/)
    expect(existsSync(join(staging, `same.${ext}`))).toBe(false)
  })
})

describe('blo update', () => {
  it('verify prints the checked facts with the keys it trusts', async () => {
    const file = installer(tempDir(), 'BLO-Station-0.2.0-x64.AppImage')
    signUpdate(file, publisher.privatePem, { version: '0.2.0' })
    const printed = await capture(() => updateCommandWith([publisher.publicPem])(['verify', file]))
    expect(JSON.parse(printed)).toMatchObject({ file, version: '0.2.0', platform: 'linux', keyId: publisherKeyId(publisher.publicPem) })
  })

  it('as built: signs with a key file, and refuses to vouch for anything while no publisher key is built in', async () => {
    const dir = tempDir()
    const keyFile = join(dir, 'publisher.pem')
    writeFileSync(keyFile, publisher.privatePem)
    const file = installer(dir, 'BLO-Station-0.2.0-x64.AppImage')
    const signed = await runCli(['update', 'sign', file, '--key', keyFile, '--version', '0.2.0'])
    expect(signed.code, signed.stderr).toBe(0)
    expect(signed.json()).toEqual({ signature: `${file}.sig`, keyId: publisherKeyId(publisher.publicPem) })
    expect(verifyUpdate(file, [publisher.publicPem]).version).toBe('0.2.0')

    const verified = await runCli(['update', 'verify', file])
    expect(verified.code).toBe(1)
    expect(verified.stderr).toMatch(/^blo: BLO-Station-0\.2\.0-x64\.AppImage: cannot be checked: this build of BLO Station has no publisher key built in/)
    const noFile = await runCli(['update', 'verify'])
    expect(noFile.code).toBe(2)
    expect(noFile.stderr).toBe('blo: update verify needs exactly one FILE\n')
  })
})
