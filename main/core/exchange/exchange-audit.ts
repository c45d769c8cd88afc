/** The audit entries of the exchange: messages this station sends, and what arrives from the counterpart. */
import type { MessageValue, SharedRecordValue } from '../../../preload/api'
import { peerActor } from '../audit/actors'
import type { AuditRecord } from '../audit/audit-log'

type Message = MessageValue

const SENT_ACTIONS = { alert: 'exchange.alert', request: 'exchange.request', reply: 'exchange.reply', ack: 'exchange.acknowledge' } as const

function particulars(m: Exclude<Message, { kind: 'read' }>): { label: string; detail: Record<string, unknown> } {
  switch (m.kind) {
    case 'alert':
      return { label: `${m.subject} alert`, detail: { priority: m.priority, plate: m.plate ?? null, expiresAt: m.expiresAt } }
    case 'request':
      return { label: m.title.slice(0, 200), detail: { priority: m.priority, regarding: m.regarding } }
    case 'reply':
    case 'ack':
      return { label: m.kind, detail: { regarding: m.regarding } }
  }
}

/** Read receipts are bookkeeping, not an exchange of information: they are not audited. */
export function sentMessageEntry(m: Message, to: readonly string[]): AuditRecord | null {
  if (m.kind === 'read') return null
  const { label, detail } = particulars(m)
  return { actor: m.sentBy, action: SENT_ACTIONS[m.kind], target: { type: 'message', id: m.id, label }, detail: { ...detail, to } }
}

export function receivedMessageEntry(origin: string, m: Message): AuditRecord | null {
  if (m.kind === 'read') return null
  const { label, detail } = particulars(m)
  return {
    actor: peerActor(origin),
    action: 'exchange.received_message',
    target: { type: 'message', id: m.id, label },
    detail: { kind: m.kind, sentBy: m.sentBy, sentAt: m.sentAt, ...detail }
  }
}

export function receivedRecordEntry(origin: string, r: SharedRecordValue): AuditRecord {
  return {
    actor: peerActor(origin),
    action: 'exchange.received_record',
    target: { type: 'record', id: r.recordId, label: r.caseRef },
    detail: {
      revision: r.revision,
      by: r.updatedBy,
      fields: r.fields,
      withdrawn: r.withdrawn ? { at: r.withdrawn.at, reason: r.withdrawn.reason } : null
    }
  }
}
