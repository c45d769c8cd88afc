import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PlanEdit, type PlanEdit as Edit } from '../../preload/api'
import { readPlanContent } from '../../main/core/plans/plan-doc'
import { applyPlanEdits } from '../../main/core/plans/plan-edits'
import { contentHash } from '../../main/core/plans/plan-hash'
import { restoreContent, saveVersion, storedVersions, versionDoc } from '../../main/core/plans/plan-history'
import { notesText } from '../../main/core/plans/plan-notes'

const TH = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG'
const LA = 'HHHH-IIII-JJJJ-KKKK-LLLL-MMMM-NNNN'

let ids = 0
const ctx = { self: TH, user: 'tester', now: () => '2026-12-01T08:00:00.000Z', newId: () => `id-${++ids}` }

/** A plan document as a station holds it: never garbage-collected. */
function planDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc({ gc: false })
  if (clientID !== undefined) doc.clientID = clientID
  doc.getMap('meta').set('originStation', TH)
  doc.getMap('meta').set('partnerStation', LA)
  return doc
}

const edit = (doc: Y.Doc, ...edits: Edit[]) => applyPlanEdits(doc, edits.map((e) => PlanEdit.parse(e)), ctx)

/** Exchanges everything two docs lack from each other, as the link does when it comes back. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdateV2(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdateV2(b, Y.encodeStateVector(a))
  Y.applyUpdateV2(b, toB)
  Y.applyUpdateV2(a, toA)
}

function fork(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  copy.clientID = clientID
  Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc))
  return copy
}

describe('plan document', () => {
  it('reads typed content out of what typed edits write', () => {
    const doc = planDoc()
    edit(
      doc,
      { op: 'set', fields: { title: 'Op Mekong', periodFrom: '2026-12-01', periodTo: '2026-12-07', crossings: ['Bridge 4'], hotline: '+66 53 791 000', languages: ['th', 'lo'] } },
      { op: 'add', list: 'tasks', item: { title: 'Checkpoint', side: LA } },
      { op: 'add', list: 'agencies', item: { name: 'Customs', side: TH } },
      { op: 'add', list: 'results', item: { text: 'Two arrests' } },
      { op: 'notes.set', text: 'line one\nບັນທັດສອງ' }
    )
    const c = readPlanContent(doc)
    expect(c).toMatchObject({
      title: 'Op Mekong',
      periodFrom: '2026-12-01',
      crossings: ['Bridge 4'],
      comms: { hotline: '+66 53 791 000', radio: '', languages: ['th', 'lo'] },
      tasks: [{ title: 'Checkpoint', side: LA, assignee: '', due: '', status: 'open' }],
      agencies: [{ name: 'Customs', side: TH, role: '' }],
      results: [{ text: 'Two arrests', side: TH, by: 'tester', at: '2026-12-01T08:00:00.000Z' }],
      notes: 'line one\nບັນທັດສອງ'
    })
    expect(() => edit(doc, { op: 'set', fields: { periodTo: '2026-11-30' } })).toThrow(/period ends/)
    expect(() => edit(doc, { op: 'notes.insert', paragraph: 5, offset: 0, text: 'x' })).toThrow(/no paragraph 5/)
  })

  it('reads whatever a broken writer left without failing', () => {
    const doc = planDoc()
    doc.getMap('meta').set('title', 42)
    doc.getMap('meta').set('status', 'bogus')
    doc.getArray('tasks').push(['not a map', new Y.Map(Object.entries({ id: 't', title: ['x'], status: 'weird' }))])
    const c = readPlanContent(doc)
    expect(c.title).toBe('')
    expect(c.phase).toBe('draft')
    expect(c.tasks).toEqual([{ id: 't', title: '', side: '', assignee: '', due: '', status: 'open' }])
  })

  it('reads notes written as y-prosemirror writes them: headings, lists, marks and hard breaks', () => {
    const doc = planDoc()
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', 2 as unknown as string)
    heading.insert(0, [new Y.XmlText('Phase 1')])
    const bold = new Y.XmlText()
    const para = new Y.XmlElement('paragraph')
    para.insert(0, [bold, new Y.XmlElement('hardBreak'), new Y.XmlText('second line')])
    const item = new Y.XmlElement('listItem')
    const itemPara = new Y.XmlElement('paragraph')
    itemPara.insert(0, [new Y.XmlText('ຈຸດກວດ')])
    item.insert(0, [itemPara])
    const list = new Y.XmlElement('bulletList')
    list.insert(0, [item])
    doc.getXmlFragment('notes').insert(0, [heading, para, list])
    bold.insert(0, 'Seize ')
    bold.insert(6, 'everything', { bold: {} })
    expect(notesText(doc.getXmlFragment('notes'))).toBe('Phase 1\nSeize everything\nsecond line\nຈຸດກວດ')
  })

  it('hashes content the same on two stations however it arrived, and ignores the workflow phase', () => {
    const a = planDoc(1)
    const b = fork(a, 2)
    edit(a, { op: 'set', fields: { title: 'Op' } })
    edit(b, { op: 'add', list: 'objectives', item: { id: 'o1', text: 'Stop the convoy' } })
    sync(a, b)
    expect(contentHash(a)).toBe(contentHash(b))
    const before = contentHash(a)
    edit(a, { op: 'set', fields: { status: 'active' } })
    expect(contentHash(a)).toBe(before)
    edit(a, { op: 'update', list: 'objectives', id: 'o1', set: { text: 'Stop the convoy at km 12' } })
    expect(contentHash(a)).not.toBe(before)
  })

  it('keeps concurrent edits to different fields of a task, and resolves the same field alike on both sides', () => {
    const a = planDoc(10)
    edit(a, { op: 'add', list: 'tasks', item: { id: 't', title: 'Checkpoint' } })
    const b = fork(a, 20)
    edit(a, { op: 'update', list: 'tasks', id: 't', set: { assignee: 'Anan', status: 'in_progress' } })
    edit(b, { op: 'update', list: 'tasks', id: 't', set: { due: '2026-12-02', status: 'done' } })
    sync(a, b)
    const [ta] = readPlanContent(a).tasks
    expect(ta).toMatchObject({ assignee: 'Anan', due: '2026-12-02' })
    expect(readPlanContent(b).tasks).toEqual([ta])
  })

  it('merges concurrent typing into the same paragraph with no keystroke lost', () => {
    const a = planDoc(1)
    edit(a, { op: 'notes.set', text: 'Meet at the pier' })
    const b = fork(a, 2)
    edit(a, { op: 'notes.insert', paragraph: 0, offset: 4, text: ' everyone' })
    edit(b, { op: 'notes.insert', paragraph: 0, offset: 16, text: ' ທີ່ທ່າເຮືອ' }, { op: 'notes.delete', paragraph: 0, offset: 0, length: 5 })
    sync(a, b)
    // 'Meet ' went, ' everyone' (typed after 'Meet') stayed, and the Lao text appended at the end is there.
    expect(notesText(a.getXmlFragment('notes'))).toBe(' everyoneat the pier ທີ່ທ່າເຮືອ')
    expect(notesText(b.getXmlFragment('notes'))).toBe(notesText(a.getXmlFragment('notes')))
  })

  it('restores a version as a new edit that merges with a concurrent edit elsewhere', () => {
    const a = planDoc(1)
    edit(a, { op: 'notes.set', text: 'original plan' }, { op: 'add', list: 'tasks', item: { id: 't', title: 'Patrol' } })
    const v = saveVersion(a, { id: 'v1', name: 'v1', kind: 'manual', at: '2026-12-01T00:00:00Z', by: 'x', station: TH })
    edit(a, { op: 'notes.set', text: 'rewritten' }, { op: 'update', list: 'tasks', id: 't', set: { title: 'Patrol B' } })
    const b = fork(a, 2)
    const old = versionDoc(a, storedVersions(a)[0])
    a.transact(() => restoreContent(a, old))
    edit(b, { op: 'update', list: 'tasks', id: 't', set: { assignee: 'Vilay' } })
    sync(a, b)
    const c = readPlanContent(b)
    expect(c.notes).toBe('original plan')
    expect(c.tasks).toEqual([expect.objectContaining({ id: 't', title: 'Patrol', assignee: 'Vilay' })])
    expect(readPlanContent(a)).toEqual(c)
    expect(contentHash(fork(old, 3))).toBe(v.contentHash)
  })
})
