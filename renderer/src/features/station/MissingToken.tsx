import { useTranslation } from 'react-i18next'
import { StateMessage } from '../../ui/StateMessage'
import { PlainHeader } from './PlainHeader'

/** Opened without the host's token (a bookmark without #token=…): say where the right address comes from. */
export function MissingToken() {
  const { t } = useTranslation()
  return (
    <div className="app">
      <PlainHeader />
      <StateMessage
        tone="error"
        testId="missing-token"
        title={t('connection.noTokenTitle')}
        body={<p>{t('connection.noTokenBody')}</p>}
      />
    </div>
  )
}
