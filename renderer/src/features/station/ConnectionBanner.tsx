import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConnection } from '../../api/ApiContext'

/** Says plainly when the station host cannot be reached, and when it will try again. */
export function ConnectionBanner() {
  const { t } = useTranslation()
  const { state, retryNow } = useConnection()
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (state.status !== 'reconnecting') return
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [state])
  if (state.status !== 'reconnecting') return null
  const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000))
  return (
    <div className="connection-banner" role="alert" data-testid="connection-lost">
      <span className="spinner spinner-light" aria-hidden="true" />
      <strong>{t('connection.lost')}</strong>
      <span>{seconds > 0 ? t('connection.retryIn', { seconds }) : t('connection.retrying')}</span>
      {state.attempt >= 3 && <span className="connection-hint">{t('connection.hint')}</span>}
      <button type="button" className="btn btn-small btn-on-dark" onClick={retryNow}>
        {t('connection.retryNow')}
      </button>
    </div>
  )
}
