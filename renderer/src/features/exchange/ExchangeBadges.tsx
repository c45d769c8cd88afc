import { useTranslation } from 'react-i18next'
import type { MessageValue } from '../../../../preload/api'

type Priority = Extract<MessageValue, { priority: unknown }>['priority']

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation()
  return (
    <span className={`badge priority-${priority}`} data-priority={priority}>
      {t(`enums.priority.${priority}`)}
    </span>
  )
}

export function WithdrawnBadge() {
  const { t } = useTranslation()
  return <span className="badge badge-void">{t('exchange.withdrawnBadge')}</span>
}

/** Unread is a dot and words: colour alone would not do for every reader. */
export function UnreadMark() {
  const { t } = useTranslation()
  return (
    <span className="unread-dot" title={t('exchange.unread')}>
      <span className="visually-hidden">{t('exchange.unread')}</span>
    </span>
  )
}
