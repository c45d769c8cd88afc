import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BundleProgress, BundleWritten, DesktopBridge, PeerLinkStatus } from '../../../../../preload/api'
import { useApi, useApiEvent } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { FailureNote } from '../../../ui/ErrorDetail'
import { ProgressBar } from '../../../ui/ProgressBar'
import { PathChooser } from '../../maintenance/PathChooser'
import { BundleContentsList } from './BundleContentsList'

/** Write what the counterpart lacks to a folder (a USB stick), with progress, and say what went onto it. */
export function WriteBundlePanel({ peer, shell, onWritten }: { peer: PeerLinkStatus; shell: DesktopBridge | null; onWritten: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [folder, setFolder] = useState('')
  const [full, setFull] = useState(false)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<BundleProgress | null>(null)
  const [written, setWritten] = useState<BundleWritten | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  useApiEvent('bundles:progress', (event) => {
    if (busy && event.to === peer.stationId) setProgress(event)
  })

  const write = async () => {
    setWritten(null)
    setFailure(null)
    setProgress(null)
    setBusy(true)
    try {
      setWritten(await api.invoke('bundles.export', { to: peer.stationId, path: folder.trim(), full }))
      onWritten()
    } catch (caught) {
      setFailure(toApiError(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="usb-panel" data-testid="usb-write">
      <p className="muted">{t('link.usb.write.intro', { name: peer.name })}</p>
      <PathChooser
        shell={shell}
        kind="folder"
        purpose="bundle"
        pickTitle={t('link.usb.pickFolder')}
        hint={t('link.usb.write.folderHint')}
        label={t('link.usb.write.folder')}
        value={folder}
        onChange={setFolder}
        name="usb-folder"
        placeholder="/media/usb"
        empty={t('link.usb.write.folderEmpty')}
        disabled={busy}
      />
      <label className="check">
        <input type="checkbox" checked={full} disabled={busy} data-testid="usb-full" onChange={(e) => setFull(e.target.checked)} />
        {t('link.usb.write.full')}
      </label>
      <div className="usb-actions">
        <button type="button" className="btn btn-primary" data-testid="usb-write-button" disabled={busy || folder.trim() === ''} onClick={write}>
          {busy ? t('link.usb.write.writing') : t('link.usb.write.button')}
        </button>
        {busy && progress && (
          <>
            <ProgressBar done={progress.docs} total={progress.totalDocs} label={t('link.usb.write.progress')} testId="usb-write-progress" />
            <span className="muted num">{fmt.bytes(progress.bytes)}</span>
          </>
        )}
      </div>
      <FailureNote error={failure} testId="usb-write-failure" />
      {written && (
        <div className="inline-success" role="status" data-testid="usb-written" data-kind={written.kind}>
          <p>
            <strong>{t(`link.usb.kind.${written.kind}`)}</strong> — {t('link.usb.write.done', { file: written.file, size: fmt.bytes(written.bytes) })}
          </p>
          {written.kind === 'introduction' ? (
            <p>{t('link.usb.write.introduction', { name: peer.name })}</p>
          ) : (
            <BundleContentsList contents={written.contents} testId="usb-written-contents" />
          )}
          <p className="muted">{t('link.usb.write.safeToRemove')}</p>
        </div>
      )}
    </div>
  )
}
