import { useTranslation } from 'react-i18next'
import type { MessageValue } from '../../../../preload/api'

/** How a message is named in a list or a thread heading, in the reader's language. */
export function useMessageLabels() {
  const { t } = useTranslation()
  const headline = (m: MessageValue): string => {
    if (m.kind === 'alert') {
      const what = m.plate || m.name || m.route
      return what ? `${t(`enums.alertSubject.${m.subject}`)}: ${what}` : t(`enums.alertSubject.${m.subject}`)
    }
    if (m.kind === 'request') return m.title
    return t(`exchange.kind.${m.kind}`)
  }
  return { headline, kind: (m: MessageValue) => t(`exchange.kind.${m.kind}`) }
}
