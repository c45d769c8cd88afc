import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeerLinkStatus } from '../../../../../preload/api'
import { desktopShell } from '../../../api/desktop-shell'
import { Dialog } from '../../../ui/Dialog'
import { Tabs } from '../../../ui/Tabs'
import { BundleHistory } from './BundleHistory'
import { ReadBundlePanel } from './ReadBundlePanel'
import { WriteBundlePanel } from './WriteBundlePanel'

const TABS = ['write', 'read', 'history'] as const
type Tab = (typeof TABS)[number]

/** Exchange by USB with one counterpart: write a bundle for it, read one from it, and what crossed so far. */
export function UsbExchangeDialog({ peer, onClose, onChanged }: { peer: PeerLinkStatus; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation()
  const shell = desktopShell()
  const [tab, setTab] = useState<Tab>('write')
  const [changes, setChanges] = useState(0)
  const changed = () => {
    setChanges((n) => n + 1)
    onChanged()
  }
  return (
    <Dialog
      title={t('link.usb.title', { name: peer.name || peer.stationId })}
      testId="usb-dialog"
      onClose={onClose}
      onSubmit={onClose}
      wide
      actions={
        <button type="submit" className="btn" data-testid="usb-close">
          {t('link.usb.close')}
        </button>
      }
    >
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} testIdPrefix="usb-tab" label={t('link.usb.title', { name: peer.name })}>
        {(x) => t(`link.usb.tabs.${x}`)}
      </Tabs>
      {tab === 'write' && <WriteBundlePanel peer={peer} shell={shell} onWritten={changed} />}
      {tab === 'read' && <ReadBundlePanel peer={peer} shell={shell} onImported={changed} />}
      {tab === 'history' && <BundleHistory peer={peer.stationId} changeKey={changes} />}
    </Dialog>
  )
}
