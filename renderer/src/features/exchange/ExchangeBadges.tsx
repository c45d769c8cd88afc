import { useTranslation } from 'react-i18next'
import type { MessageValue } from '../../../../preload/api'
import { EnumBadge } from '../../ui/Badges'

type Priority = Extract<MessageValue, { priority: unknown }>['priority']

export const PriorityBadge = ({ priority }: { priority: Priority }) => <EnumBadge group="priority" value={priority} kind="priority" attr="priority" />

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
