/** `blo plan list` and `blo plan show`: what a supervisor scripts reports from, as the built CLI prints it. */
import { afterEach, describe, expect, it } from 'vitest'
import type { PlanDetail, PlanPage } from '../../preload/api'
import { runCli, stopAllHosts } from '../helpers/built-programs'
import { call, openTestStation } from '../helpers/station'
import { useTempDirs } from '../helpers/temp-dir'

const tempDir = useTempDirs()
afterEach(stopAllHosts)

describe('blo plan', () => {
  it('lists plans and shows one with its tasks, sign-off state and notes as plain text', async () => {
    const dir = tempDir()
    const station = openTestStation(dir)
    const plan = await call(station, 'plans.create', {
      title: 'ปฏิบัติการร่วม แม่น้ำโขง',
      codeName: 'MEKONG DAWN',
      periodFrom: '2026-12-01',
      periodTo: '2026-12-07',
      notes: 'ลาดตระเวนร่วมที่ท่าเรือ\nJoint patrol at the pier'
    })
    await call(station, 'plans.edit', {
      id: plan.id,
      edits: [{ op: 'add', list: 'tasks', item: { title: 'Brief the boat crews', assignee: 'Capt. Bounmy', due: '2026-11-30', status: 'open' } }]
    })
    await station.close()

    const listed = await runCli(['plan', 'list', '--data', dir, '--json', '--q', 'แม่น้ำ'])
    expect(listed.code, listed.stderr).toBe(0)
    expect(listed.json<PlanPage>().rows.map((r) => r.id)).toEqual([plan.id])

    const shown = await runCli(['plan', 'show', '--data', dir, plan.id, '--json'])
    expect(shown.code, shown.stderr).toBe(0)
    const detail = shown.json<PlanDetail>()
    expect(detail).toMatchObject({ title: 'ปฏิบัติการร่วม แม่น้ำโขง', codeName: 'MEKONG DAWN' })
    expect(detail.tasks.map((t) => t.title)).toEqual(['Brief the boat crews'])
    expect(detail.notes).toContain('ลาดตระเวนร่วมที่ท่าเรือ')
    expect(detail.signoff.state).toBe('none')
  })

  it('names what is wrong with a plan ID, in one line', async () => {
    const dir = tempDir()
    openTestStation(dir).close()
    const bad = await runCli(['plan', 'show', '--data', dir, 'no', '--json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^blo: .*id: a plan ID\n$/)
    const missing = await runCli(['plan', 'show', '--data', dir])
    expect(missing.code).toBe(2)
  })
})
