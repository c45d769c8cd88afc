import { useTranslation } from 'react-i18next'
import { LINK_STATES } from '../../../../preload/api'
import { useFormatters } from '../../i18n/format'
import { ProgressBar } from '../../ui/ProgressBar'
import { useNow } from '../../ui/use-now'
import { useLink } from './LinkContext'
import { summariseLink, type LinkSummary } from './link-summary'

const TICK_MS = 15_000

const isLinkState = (state: string): state is (typeof LINK_STATES)[number] => (LINK_STATES as readonly string[]).includes(state)

/**
 * The border link at a glance, always in the header: its state in colour and in words, when it last
 * synced, what waits to be sent. Opens the Link screen.
 */
export function LinkStatusIndicator({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const now = useNow(TICK_MS)
  const { status, error } = useLink()
  const summary = status ? summariseLink(status) : null
  const state = summary?.state ?? (error ? 'unknown' : 'loading')
  const label = isLinkState(state) ? t(`enums.linkState.${state}`) : t(`link.state.${state}`)
  const words = summary ? describe(summary) : null
  function describe(s: LinkSummary) {
    if (s.state === 'notPaired') return { synced: t('link.notPairedHint'), waiting: null }
    const synced = s.lastSynced ? t('link.lastSynced', { when: fmt.since(s.lastSynced, now) }) : t('link.neverSynced')
    const pending =
      s.pendingDocs === 0 ? null : t(s.state === 'connected' ? 'link.pendingSending' : 'link.pendingOffline', { count: s.pendingDocs })
    // A document at its size limit keeps the link from ever being in sync: say why, ahead of everything else.
    const atLimit = s.docsAtLimit === 0 ? null : t('link.docsAtLimit', { count: s.docsAtLimit })
    return { synced, waiting: [atLimit, pending].filter(Boolean).join(' · ') || null }
  }
  const sentence = [label, words?.waiting, words?.synced, error?.message].filter(Boolean).join(' — ')
  return (
    <button
      type="button"
      className={`link-status link-${state}`}
      data-testid="link-status"
      data-state={state}
      onClick={onOpen}
      title={`${sentence}\n${t('link.openScreen')}`}
      aria-label={`${sentence}. ${t('link.openScreen')}`}
    >
      <span className="link-dot" aria-hidden="true" />
      <span className="link-status-text">
        <span className="link-status-state" data-testid="link-status-state">
          {label}
          {summary && summary.peers > 1 && <span className="link-status-peers"> · {t('link.peerCount', { count: summary.peers })}</span>}
        </span>
        {words && (
          <span className="link-status-detail">
            {/* What waits comes first: when the line is cut short, it is the last-synced time that goes. */}
            {words.waiting && (
              <span className="link-status-pending" data-testid="link-status-pending">
                {words.waiting}
                {' · '}
              </span>
            )}
            <span data-testid="link-status-synced">{words.synced}</span>
          </span>
        )}
      </span>
      {summary?.transfer && (
        <ProgressBar
          className="link-status-progress"
          testId="link-status-progress"
          done={summary.transfer.done}
          total={summary.transfer.total}
          label={t('link.transferring')}
        />
      )}
    </button>
  )
}
