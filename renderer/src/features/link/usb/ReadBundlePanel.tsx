import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BundleImported, BundlePreview, DesktopBridge, PeerLinkStatus } from '../../../../../preload/api'
import { useApi } from '../../../api/ApiContext'
import { toApiError, type ApiError } from '../../../api/api-error'
import { useFormatters } from '../../../i18n/format'
import { FailureNote } from '../../../ui/ErrorDetail'
import { PathChooser } from '../../maintenance/PathChooser'
import { StationId } from '../StationId'
import { BundleContentsList } from './BundleContentsList'

/** Read a bundle: first what it is and holds (nothing changes), then Import. */
export function ReadBundlePanel({ peer, shell, onImported }: { peer: PeerLinkStatus; shell: DesktopBridge | null; onImported: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const fmt = useFormatters()
  const [file, setFile] = useState('')
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<BundlePreview | null>(null)
  const [imported, setImported] = useState<BundleImported | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)

  const run = async (step: () => Promise<void>) => {
    setFailure(null)
    setBusy(true)
    try {
      await step()
    } catch (caught) {
      setFailure(toApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  const inspect = () =>
    run(async () => {
      setPreview(null)
      setImported(null)
      setPreview(await api.invoke('bundles.inspect', { file: file.trim() }))
    })
  const importIt = () =>
    run(async () => {
      const result = await api.invoke('bundles.import', { file: preview!.file })
      setImported(result)
      setPreview(result.preview)
      onImported()
    })
  const choose = (path: string) => {
    setFile(path)
    setPreview(null)
    setImported(null)
  }
  const otherSender = preview !== null && preview.from !== peer.stationId

  return (
    <div className="usb-panel" data-testid="usb-read">
      <p className="muted">{t('link.usb.read.intro', { name: peer.name })}</p>
      <PathChooser
        shell={shell}
        kind="file"
        purpose="bundle"
        pickTitle={t('link.usb.pickFile', { name: peer.name })}
        label={t('link.usb.read.file')}
        value={file}
        onChange={choose}
        name="usb-file"
        placeholder="/media/usb/BLO-….blobundle"
        empty={t('link.usb.read.fileEmpty')}
        disabled={busy}
      />
      <div className="usb-actions">
        <button type="button" className="btn" data-testid="usb-inspect" disabled={busy || file.trim() === ''} onClick={inspect}>
          {t('link.usb.read.inspect')}
        </button>
      </div>
      <FailureNote error={failure} testId="usb-read-failure" />
      {preview && (
        <div className="bundle-preview" data-testid="usb-preview" data-kind={preview.kind}>
          <dl className="facts">
            <div className="fact">
              <dt>{t('link.usb.read.from')}</dt>
              <dd data-testid="usb-preview-from">
                {preview.fromName} <StationId id={preview.from} />
              </dd>
            </div>
            <div className="fact">
              <dt>{t('link.usb.read.written')}</dt>
              <dd>{fmt.dateTime(preview.createdAt)}</dd>
            </div>
            <div className="fact">
              <dt>{t('link.usb.read.kind')}</dt>
              <dd data-testid="usb-preview-kind">
                {t(`link.usb.kind.${preview.kind}`)} · {fmt.bytes(preview.bytes)}
              </dd>
            </div>
          </dl>
          {otherSender && <p className="inline-alert alert-warning">{t('link.usb.read.otherSender', { name: preview.fromName, peer: peer.name })}</p>}
          {preview.kind === 'introduction' ? (
            <p>{t('link.usb.read.introduction', { name: preview.fromName })}</p>
          ) : (
            <BundleContentsList contents={preview.contents} testId="usb-preview-contents" />
          )}
          {preview.importedAt && !imported ? (
            <p className="muted" data-testid="usb-already-imported">
              {t('link.usb.read.already', { when: fmt.dateTime(preview.importedAt) })}
            </p>
          ) : null}
          {imported ? (
            <p className="inline-success" role="status" data-testid="usb-imported">
              {imported.imported ? t('link.usb.read.imported', { count: imported.changedDocs }) : t('link.usb.read.nothingChanged')}
            </p>
          ) : (
            !preview.importedAt && (
              <div className="usb-actions">
                <button type="button" className="btn btn-primary" data-testid="usb-import" disabled={busy} onClick={importIt}>
                  {busy ? t('link.usb.read.importing') : t('link.usb.read.import')}
                </button>
              </div>
            )
          )}
        </div>
      )}
    </div>
  )
}
