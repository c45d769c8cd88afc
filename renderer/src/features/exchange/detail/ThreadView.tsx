import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MessageEntry, MessageThread, Pointer } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { FailureNote } from '../../../ui/ErrorDetail'
import { useLink } from '../../link/LinkContext'
import { PriorityBadge, UnreadMark } from '../ExchangeBadges'
import { useMessageLabels } from '../use-message-labels'
import { Provenance } from './Provenance'

interface Props {
  thread: MessageThread
  onOpen: (pointer: Pointer) => void
}

/** An alert or request with everything said about it since, from both sides, and a box to answer. */
export function ThreadView({ thread, onOpen }: Props) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = useMessageLabels()
  const m = thread.message
  const acknowledgedByUs = thread.replies.some((r) => r.message.kind === 'ack' && !r.fromCounterpart)
  const acknowledgedByThem = thread.replies.some((r) => r.message.kind === 'ack' && r.fromCounterpart)
  return (
    <article className="exchange-detail" data-testid="thread-detail" data-message-id={m.id} data-kind={m.kind}>
      <Provenance origin={thread.origin} fromCounterpart={thread.fromCounterpart} readAt={thread.readByCounterpartAt} audience={thread.audience} />
      <div className="page-head">
        <span className={`badge kind-${m.kind}`}>{labels.kind(m)}</span>
        {'priority' in m && <PriorityBadge priority={m.priority} />}
        <h2 className="page-title" data-testid="thread-title">
          {labels.headline(m)}
        </h2>
        {acknowledgedByThem && (
          <span className="read-tag" data-testid="thread-acknowledged">
            ✓ {t('exchange.acknowledged')}
          </span>
        )}
      </div>
      <div className="message message-root">
        <MessageMeta entry={thread} receipt={false} />
        {m.kind === 'alert' && (
          <dl className="facts alert-facts">
            <div className="fact">
              <dt>{t('exchange.alert.subject')}</dt>
              <dd>{t(`enums.alertSubject.${m.subject}`)}</dd>
            </div>
            {m.plate && (
              <div className="fact">
                <dt>{t('exchange.alert.plate')}</dt>
                <dd data-testid="alert-plate">{m.plate}</dd>
              </div>
            )}
            {m.name && (
              <div className="fact">
                <dt>{t('exchange.alert.name')}</dt>
                <dd data-testid="alert-name">{m.name}</dd>
              </div>
            )}
            {m.route && (
              <div className="fact">
                <dt>{t('exchange.alert.route')}</dt>
                <dd>{m.route}</dd>
              </div>
            )}
            <div className="fact">
              <dt>{t('exchange.alert.expires')}</dt>
              <dd>{m.expiresAt ? fmt.dateTime(m.expiresAt) : t('exchange.alert.noExpiry')}</dd>
            </div>
          </dl>
        )}
        {m.kind === 'request' && m.regarding && (
          <button
            type="button"
            className="btn btn-link"
            data-testid="thread-regarding"
            onClick={() => m.regarding && onOpen({ type: 'record', origin: m.regarding.origin, id: m.regarding.id })}
          >
            {t('exchange.request.regarding')}
          </button>
        )}
        {'text' in m && (
          <p className="message-text" data-testid="thread-text">
            {m.text}
          </p>
        )}
      </div>
      <ol className="replies" data-testid="thread-replies">
        {thread.replies.map((entry) => (
          <li key={entry.message.id} className={`message ${entry.fromCounterpart ? 'message-theirs' : 'message-ours'}`} data-testid="thread-reply" data-kind={entry.message.kind}>
            <MessageMeta entry={entry} showKind />
            {'text' in entry.message && entry.message.text && <p className="message-text">{entry.message.text}</p>}
          </li>
        ))}
      </ol>
      <ReplyBox thread={thread} canAcknowledge={thread.fromCounterpart && !acknowledgedByUs} />
    </article>
  )
}

/** `receipt`: say whether the counterpart read it (the thread's head says so already for the first message). */
function MessageMeta({ entry, showKind, receipt = true }: { entry: MessageEntry; showKind?: boolean; receipt?: boolean }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const { stationName } = useLink()
  const labels = useMessageLabels()
  const m = entry.message
  return (
    <div className="message-meta">
      {entry.unread && <UnreadMark />}
      {showKind && <strong className={`message-kind kind-${m.kind}`}>{labels.kind(m)}</strong>}
      <span className={entry.fromCounterpart ? 'from-tag' : 'ours-tag'}>
        {entry.fromCounterpart ? stationName(entry.origin) : t('exchange.thisStation')}
      </span>
      {m.sentBy && <span>{m.sentBy}</span>}
      <time className="muted" dateTime={m.sentAt}>
        {fmt.dateTime(m.sentAt)}
      </time>
      {receipt && !entry.fromCounterpart && (
        <span className="muted read-receipt" data-testid="message-read-receipt">
          {entry.readByCounterpartAt ? `✓ ${t('exchange.readByCounterpartAt', { at: fmt.dateTime(entry.readByCounterpartAt) })}` : t('exchange.notReadYet')}
        </span>
      )}
    </div>
  )
}

function ReplyBox({ thread, canAcknowledge }: { thread: MessageThread; canAcknowledge: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const target = { origin: thread.origin, messageId: thread.message.id }

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await call()
      setText('')
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }
  const send = (e: FormEvent) => {
    e.preventDefault()
    if (text.trim() === '') {
      setMissing(true)
      return
    }
    void run(() => api.invoke('exchange.reply', { ...target, text }))
  }
  return (
    <form className="reply-box" onSubmit={send} noValidate data-testid="reply-box">
      <label className={`field${missing ? ' has-error' : ''}`}>
        <span className="field-label">{t('exchange.reply.label')}</span>
        <textarea
          data-testid="reply-text"
          rows={3}
          maxLength={5000}
          value={text}
          aria-invalid={missing}
          placeholder={t('exchange.reply.placeholder')}
          onChange={(e) => {
            setText(e.target.value)
            setMissing(false)
          }}
        />
        {missing && (
          <span className="field-error" role="alert" data-testid="error-reply">
            {t('validation.required')}
          </span>
        )}
      </label>
      <div className="form-actions">
        <FailureNote inline error={error} testId="reply-error" />
        {canAcknowledge && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            data-testid="acknowledge"
            title={t('exchange.reply.acknowledgeHint')}
            onClick={() => void run(() => api.invoke('exchange.acknowledge', { ...target, text: text.trim() }))}
          >
            ✓ {t('exchange.reply.acknowledge')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="reply-send">
          {t('exchange.reply.send')}
        </button>
      </div>
    </form>
  )
}
