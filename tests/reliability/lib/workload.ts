/**
 * A seeded stream of the writes officers make all day — cases logged, moved on and voided, cases shared and
 * withdrawn, alerts, requests and replies, plans created and edited by typed edits and by a screen's Yjs
 * replica — reporting each element it added once the station has acknowledged it (its reply was ok).
 * The same stream drives the crash loop (one station, killed at random) and the partition run (two stations
 * over a bad link); `absence` says why an element is not (or no longer) there, as a Jepsen set test checks its adds.
 */
import * as Y from 'yjs'
import { NEXT_STATUS, SHARE_FIELDS, type Case, type CaseStatus, type MethodInput, type MethodName, type MethodOutput, type Reply } from '../../../preload/api'
import { Rng } from '../../../main/core/cases/seed-data/random'
import { generateCases } from '../../../main/core/cases/seed'

export type Element =
  | { kind: 'case'; id: string; version: number; status: CaseStatus; voided: boolean }
  | { kind: 'record'; origin: string; id: string; revision: number; withdrawn: boolean }
  | { kind: 'message'; origin: string; id: string }
  | { kind: 'plan'; id: string }
  | { kind: 'task'; plan: string; id: string }
  | { kind: 'text'; plan: string; marker: string }
  | { kind: 'objective'; plan: string; id: string }

export type Caller = (method: MethodName, input: unknown) => Promise<Reply<unknown>>

/** A refusal the workload did not expect: the station said no to a write it should have taken. */
export class Refused extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    message: string
  ) {
    super(`${method}: ${code}: ${message}`)
  }
}

export async function must<M extends MethodName>(call: Caller, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await call(method, input)
  if (!reply.ok) throw new Refused(method, reply.error.code, reply.error.message)
  return reply.value as MethodOutput<M>
}

export type Op =
  | 'case.create'
  | 'case.status'
  | 'case.void'
  | 'share'
  | 'withdraw'
  | 'alert'
  | 'request'
  | 'reply'
  | 'plan.create'
  | 'plan.task'
  | 'plan.taskEdit'
  | 'plan.text'
  | 'plan.replica'

/** Relative weights of the operations. */
export type Mix = Partial<Record<Op, number>>

export const CRASH_MIX: Mix = {
  'case.create': 6,
  'case.status': 4,
  'case.void': 1,
  share: 5,
  withdraw: 1,
  alert: 2,
  request: 1,
  'plan.create': 1,
  'plan.task': 3,
  'plan.taskEdit': 2,
  'plan.text': 3,
  'plan.replica': 3
}

/** Two offices at work: new cases go straight across, messages are answered, plans are co-edited. */
export const PARTITION_MIX: Mix = {
  'case.create': 2,
  share: 5,
  withdraw: 1,
  alert: 2,
  request: 2,
  reply: 3,
  'plan.create': 1,
  'plan.task': 3,
  'plan.taskEdit': 2,
  'plan.text': 4,
  'plan.replica': 3
}

const SCRIPTS = ['ยาบ้า', 'ໄມ້ພະຍຸງ', 'ယာဉ်', 'ឈើ', '冰毒', 'pangolin', 'Houayxay']

export interface WorkloadOptions {
  mix: Mix
  /** Appears in every marker and text, so a side's elements can be told apart. */
  tag: string
  /** At most this many plans are created; later plan edits go to existing ones. */
  maxPlans?: number
  /** Called at once for each acknowledged element, before the workload does anything else. */
  onAck?: (element: Element) => void
  /** A counterpart to pair first (if it is not yet): shares, alerts and requests need someone to go to. */
  counterpart?: string
}

export class Workload {
  private self = ''
  private readonly cases: string[] = []
  private readonly shared = new Set<string>()
  private plans: string[] = []
  private readonly replicas = new Map<string, Y.Doc>()
  private readonly inputs: Iterator<MethodInput<'cases.create'>>
  private readonly ops: [Op, number][]
  private counter = 0
  private added: Element[] = []

  constructor(
    private readonly call: Caller,
    private readonly rng: Rng,
    private readonly options: WorkloadOptions
  ) {
    this.inputs = generateCases(Number.MAX_SAFE_INTEGER, `${options.tag}:${rng.int(0, 1e9)}`, { days: 90 })
    this.ops = Object.entries(options.mix) as [Op, number][]
  }

  /** Learns this station's ID and what already exists (a station reopened after a crash). */
  async init(): Promise<void> {
    this.self = (await must(this.call, 'link.station', {})).stationId
    const { counterpart } = this.options
    if (counterpart && !(await must(this.call, 'counterparts.list', {})).some((p) => p.stationId === counterpart)) {
      await must(this.call, 'counterparts.add', { stationId: counterpart, address: '127.0.0.1:9', name: 'counterpart' })
    }
    const page = await must(this.call, 'cases.search', { limit: 1000, sort: 'updatedAt' })
    this.cases.push(...page.rows.map((r) => r.id))
    await this.refreshPlans()
  }

  get stationId(): string {
    return this.self
  }

  /** One write (or two: a case logged and shared); the elements acknowledged (none if it had nothing to act on). */
  async step(): Promise<{ op: Op; added: Element[] }> {
    const op = this.rng.weighted(this.ops)
    this.added = []
    await this.run(op)
    return { op, added: this.added }
  }

  close(): void {
    for (const doc of this.replicas.values()) doc.destroy()
    this.replicas.clear()
  }

  private ack<E extends Element>(element: E): E {
    this.added.push(element)
    this.options.onAck?.(element)
    return element
  }

  private async run(op: Op): Promise<unknown> {
    switch (op) {
      case 'case.create':
        return this.createCase()
      case 'case.status':
        return this.changeCase(false)
      case 'case.void':
        return this.changeCase(true)
      case 'share':
        return this.share()
      case 'withdraw':
        return this.withdraw()
      case 'alert': {
        const text = `${this.marker()} ${this.rng.pick(SCRIPTS)} รถกระบะสีขาว`
        const t = await must(this.call, 'exchange.sendAlert', { subject: 'vehicle', text, plate: `${this.rng.int(1, 9)}กข ${this.rng.digits(4)}` })
        return this.ack({ kind: 'message', origin: this.self, id: t.message.id })
      }
      case 'request': {
        const t = await must(this.call, 'exchange.sendRequest', { title: `${this.marker()} ขอข้อมูล`, text: `${this.rng.pick(SCRIPTS)} ?` })
        return this.ack({ kind: 'message', origin: this.self, id: t.message.id })
      }
      case 'reply':
        return this.reply()
      case 'plan.create':
        return this.createPlan()
      case 'plan.task':
      case 'plan.taskEdit':
      case 'plan.text':
        return this.editPlan(op)
      case 'plan.replica':
        return this.editReplica()
    }
  }

  private marker(): string {
    return `⟦${this.options.tag}-${++this.counter}⟧`
  }

  private async createCase(): Promise<Extract<Element, { kind: 'case' }>> {
    const input = this.inputs.next().value as MethodInput<'cases.create'>
    const c = await must(this.call, 'cases.create', { ...input, summary: `${this.marker()} ${input.summary}`.slice(0, 500) })
    this.cases.push(c.id)
    return this.ack(caseElement(c))
  }

  private async changeCase(voiding: boolean): Promise<void> {
    const c = await this.someCase()
    if (!c) return
    const next = voiding
      ? await must(this.call, 'cases.void', { id: c.id, expectedVersion: c.version, reason: `${this.marker()} entered twice` })
      : await must(this.call, 'cases.setStatus', { id: c.id, expectedVersion: c.version, status: this.rng.pick(NEXT_STATUS[c.status]), note: this.marker() })
    this.ack(caseElement(next))
  }

  /** A case of this station that is not void, read afresh (its version may have moved since). */
  private async someCase(): Promise<Case | null> {
    for (let tries = 0; tries < 5 && this.cases.length; tries++) {
      const c = await must(this.call, 'cases.get', { id: this.rng.pick(this.cases) })
      if (!c.voided) return c
    }
    return null
  }

  private async share(): Promise<void> {
    // Mostly a newly logged case goes straight across, sometimes an older one is shared or corrected.
    const created = this.rng.chance(0.6) ? await this.createCase() : null
    const c = created ? await must(this.call, 'cases.get', { id: created.id }) : await this.someCase()
    if (!c) return
    const fields = SHARE_FIELDS.filter((f) => f === 'core' || this.rng.chance(0.5))
    const detail = await must(this.call, 'exchange.share', { caseId: c.id, fields })
    this.shared.add(c.id)
    this.ack({ kind: 'record', origin: this.self, id: c.id, revision: detail.record.revision, withdrawn: false })
  }

  private async withdraw(): Promise<void> {
    const candidates = [...this.shared]
    if (!candidates.length) return
    const id = this.rng.pick(candidates)
    this.shared.delete(id)
    const reply = await this.call('exchange.withdraw', { caseId: id, reason: `${this.marker()} shared by mistake` })
    // Withdrawn already (before a crash that lost our memory of it) is not a failure of the station.
    if (!reply.ok && reply.error.code === 'conflict') return
    if (!reply.ok) throw new Refused('exchange.withdraw', reply.error.code, reply.error.message)
    const detail = reply.value as MethodOutput<'exchange.withdraw'>
    this.ack({ kind: 'record', origin: this.self, id, revision: detail.record.revision, withdrawn: true })
  }

  /** Answers an alert or request from the counterpart that this side has not answered yet. */
  private async reply(): Promise<void> {
    const box = this.rng.pick(['alerts', 'requests'] as const)
    const page = await must(this.call, 'exchange.list', { box, limit: 50 })
    const open = page.rows.filter((r) => r.type === 'message' && r.fromCounterpart && r.replyCount === 0)
    const row = open.length ? this.rng.pick(open) : null
    if (row?.type !== 'message') return
    const thread = await must(this.call, 'exchange.reply', { origin: row.origin, messageId: row.message.id, text: `${this.marker()} รับทราบ ກຳລັງກວດ` })
    const mine = thread.replies.filter((r) => !r.fromCounterpart).at(-1)
    if (mine) this.ack({ kind: 'message', origin: this.self, id: mine.message.id })
  }

  private async refreshPlans(): Promise<void> {
    this.plans = (await must(this.call, 'plans.list', { limit: 500 })).rows.map((r) => r.id)
  }

  private async createPlan(): Promise<unknown> {
    await this.refreshPlans()
    if (this.plans.length >= (this.options.maxPlans ?? 4)) return this.editPlan('plan.task')
    const plan = await must(this.call, 'plans.create', { title: `${this.marker()} ปฏิบัติการร่วม`, notes: `${this.rng.pick(SCRIPTS)}` })
    this.plans.push(plan.id)
    return this.ack({ kind: 'plan', id: plan.id })
  }

  private async somePlan(): Promise<string | null> {
    if (!this.plans.length) await this.refreshPlans()
    return this.plans.length ? this.rng.pick(this.plans) : null
  }

  private async editPlan(op: 'plan.task' | 'plan.taskEdit' | 'plan.text'): Promise<unknown> {
    const plan = await this.somePlan()
    if (!plan) return this.createPlan()
    if (op === 'plan.task') {
      const id = `t-${this.options.tag}-${++this.counter}`
      await must(this.call, 'plans.edit', { id: plan, edits: [{ op: 'add', list: 'tasks', item: { id, title: `${this.rng.pick(SCRIPTS)} ${id}`, side: '' } }] })
      return this.ack({ kind: 'task', plan, id })
    }
    if (op === 'plan.taskEdit') {
      const tasks = (await must(this.call, 'plans.get', { id: plan })).tasks
      if (!tasks.length) return this.editPlan('plan.task')
      const task = this.rng.pick(tasks)
      return must(this.call, 'plans.edit', { id: plan, edits: [{ op: 'update', list: 'tasks', id: task.id, set: { assignee: `${this.options.tag} ${this.rng.digits(3)}` } }] })
    }
    // At the very start of the notes: an offset the counterpart's concurrent typing can never split.
    const marker = this.marker()
    await must(this.call, 'plans.edit', { id: plan, edits: [{ op: 'notes.insert', paragraph: 0, offset: 0, text: `${marker} ` }] })
    return this.ack({ kind: 'text', plan, marker })
  }

  /** What a screen does: edit its own replica of the plan and send the Yjs update. */
  private async editReplica(): Promise<unknown> {
    const plan = await this.somePlan()
    if (!plan) return this.createPlan()
    let doc = this.replicas.get(plan)
    if (!doc) {
      doc = new Y.Doc({ gc: false })
      this.replicas.set(plan, doc)
    }
    const stateVector = Buffer.from(Y.encodeStateVector(doc)).toString('base64')
    const { state } = await must(this.call, 'plans.open', { id: plan, stateVector })
    Y.applyUpdateV2(doc, Buffer.from(state, 'base64'), 'station')
    const id = `o-${this.options.tag}-${++this.counter}`
    const before = Y.encodeStateVector(doc)
    doc.getArray('objectives').push([new Y.Map<unknown>([['id', id], ['text', `${this.rng.pick(SCRIPTS)} ${id}`]])])
    const update = Buffer.from(Y.encodeStateAsUpdateV2(doc, before)).toString('base64')
    await must(this.call, 'plans.update', { id: plan, update, origin: `screen-${this.options.tag}` })
    return this.ack({ kind: 'objective', plan, id })
  }
}

/** For checking many elements at once: each read (method and input) is made once. Reads only. */
export function memoised(call: Caller): Caller {
  const seen = new Map<string, Promise<Reply<unknown>>>()
  return (method, input) => {
    const key = `${method} ${JSON.stringify(input)}`
    let reply = seen.get(key)
    if (!reply) seen.set(key, (reply = call(method, input)))
    return reply
  }
}

const caseElement = (c: Case): Extract<Element, { kind: 'case' }> => ({ kind: 'case', id: c.id, version: c.version, status: c.status, voided: c.voided !== null })

/** Why an acknowledged element is not (or no longer correctly) on the station, or null if it is there. */
export async function absence(call: Caller, e: Element): Promise<string | null> {
  const describe = JSON.stringify(e)
  switch (e.kind) {
    case 'case': {
      const reply = await call('cases.history', { id: e.id })
      if (!reply.ok) return `${describe}: ${reply.error.message}`
      const version = (reply.value as MethodOutput<'cases.history'>).find((v) => v.version === e.version)
      if (!version) return `${describe}: version ${e.version} is missing from its history`
      if (version.snapshot.status !== e.status || (version.snapshot.voided !== null) !== e.voided) return `${describe}: version ${e.version} differs`
      return null
    }
    case 'record': {
      const reply = await call('exchange.get', { type: 'record', origin: e.origin, id: e.id })
      if (!reply.ok) return `${describe}: ${reply.error.message}`
      const { record } = reply.value as Extract<MethodOutput<'exchange.get'>, { type: 'record' }>
      if (record.revision < e.revision) return `${describe}: only revision ${record.revision} is there`
      if (record.revision === e.revision && (record.withdrawn !== null) !== e.withdrawn) return `${describe}: withdrawal state differs`
      return null
    }
    case 'message': {
      const reply = await call('exchange.get', { type: 'message', origin: e.origin, id: e.id })
      return reply.ok ? null : `${describe}: ${reply.error.message}`
    }
    default: {
      const id = e.kind === 'plan' ? e.id : e.plan
      const reply = await call('plans.get', { id })
      if (!reply.ok) return `${describe}: ${reply.error.message}`
      const plan = reply.value as MethodOutput<'plans.get'>
      if (e.kind === 'task' && !plan.tasks.some((t) => t.id === e.id)) return `${describe}: task missing`
      if (e.kind === 'objective' && !plan.objectives.some((o) => o.id === e.id)) return `${describe}: objective missing`
      if (e.kind === 'text' && !plan.notes.includes(e.marker)) return `${describe}: text missing from the notes`
      return null
    }
  }
}
