import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeerLinkStatus } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorDetail } from '../../ui/ErrorDetail'
import { StationId } from './StationId'

interface Props {
  peer: PeerLinkStatus
  onDone: () => void
  onClose: () => void
}

/** Unpairing closes the border to that station at once: a deliberate second click, saying what it means. */
export function UnpairDialog({ peer, onDone, onClose }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await api.invoke('pairing.remove', { stationId: peer.stationId })
      onDone()
    } catch (e) {
      setError(toApiError(e))
      setBusy(false)
    }
  }
  return (
    <Dialog
      title={t('link.unpair.title', { name: peer.name || peer.stationId })}
      testId="unpair-dialog"
      onClose={onClose}
      onSubmit={confirm}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="unpair-confirm" autoFocus>
            {t('link.unpair.confirm')}
          </button>
        </>
      }
    >
      <StationId id={peer.stationId} />
      <p>{t('link.unpair.body')}</p>
      {error && (
        <p className="field-error" role="alert" data-testid="unpair-error">
          <ErrorDetail error={error} />
        </p>
      )}
    </Dialog>
  )
}
