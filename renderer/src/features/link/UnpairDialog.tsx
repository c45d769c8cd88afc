import { useTranslation } from 'react-i18next'
import type { PeerLinkStatus } from '../../../../preload/api'
import { useApi } from '../../api/ApiContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
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
  return (
    <ConfirmDialog
      title={t('link.unpair.title', { name: peer.name || peer.stationId })}
      name="unpair"
      confirmLabel={t('link.unpair.confirm')}
      onConfirm={async () => {
        await api.invoke('counterparts.remove', { stationId: peer.stationId })
        onDone()
      }}
      onClose={onClose}
    >
      <StationId id={peer.stationId} />
      <p>{t('link.unpair.body')}</p>
    </ConfirmDialog>
  )
}
