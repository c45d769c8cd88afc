/** `blo audit verify` as a user runs it (the built CLI, a real data folder): its output and exit codes. */
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditVerification, Case } from '../../preload/api'
import { runCli, startHost, stopAllHosts } from '../helpers/built-programs'
import { methCase } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

async function stationWithCases(count: number): Promise<{ dir: string; cases: Case[] }> {
  const dir = tempDir()
  expect((await runCli(['init', '--data', dir, '--name', 'BLO Chiang Khong', '--country', 'TH'])).code).toBe(0)
  const file = join(dir, 'case.json')
  writeFileSync(file, JSON.stringify(methCase))
  const cases: Case[] = []
  for (let i = 0; i < count; i++) {
    const added = await runCli(['case', 'add', '--data', dir, '--json', file])
    expect(added.code, added.stderr).toBe(0)
    cases.push(added.json<Case>())
  }
  return { dir, cases }
}

describe('blo audit verify', () => {
  it('says intact with exit 0, and names the entry edited by hand with exit 1', async () => {
    const { dir, cases } = await stationWithCases(3)
    expect(cases[0].createdBy).toBe(`cli:${userInfo().username}`)

    const ok = await runCli(['audit', 'verify', '--data', dir])
    expect(ok).toMatchObject({ code: 0, stderr: '' })
    expect(ok.stdout).toMatch(/^intact: 3 entries verified, the last is entry 3 \(hash [0-9a-f]{64}\)\n$/)
    const okJson = await runCli(['audit', 'verify', '--data', dir, '--json'])
    expect(okJson.code).toBe(0)
    expect(okJson.json<AuditVerification>()).toMatchObject({ intact: true, verified: 3, failure: null })

    const db = new Database(join(dir, 'station.db'))
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare(`UPDATE audit_log SET detail = replace(detail, 'Friendship', 'Friendly') WHERE id = 2`).run()
    db.close()

    const broken = await runCli(['audit', 'verify', '--data', dir])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toBe('')
    expect(broken.stderr).toMatch(/^blo: the audit trail is NOT intact: Audit entry 2 \(case\.create by cli:[^)]+\) was changed after it was written[^\n]*\n$/)
    const brokenJson = await runCli(['audit', 'verify', '--data', dir, '--json'])
    expect(brokenJson.code).toBe(1)
    expect(brokenJson.json<AuditVerification>()).toMatchObject({ intact: false, verified: 1, failure: { entryId: 2, reason: 'content_changed' } })
  })

  it('verifies while the station runs, without going through it or changing the file', async () => {
    const { dir } = await stationWithCases(1)
    await startHost(['--data', dir, '--port', '0'])
    const result = await runCli(['audit', 'verify', '--data', dir, '--json'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.json<AuditVerification>()).toMatchObject({ intact: true, verified: 1 })
  })

  it('fails with one line for a folder without a station, and exit 2 for a bad command line', async () => {
    const empty = await runCli(['audit', 'verify', '--data', tempDir()])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/^blo: .*station\.db does not exist: no station in that folder\n$/)
    expect((await runCli(['audit', 'verify', '--data', tempDir(), '--fast'])).code).toBe(2)
    expect((await runCli(['audit'])).code).toBe(2)
  })
})
