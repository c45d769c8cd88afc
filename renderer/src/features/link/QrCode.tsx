import { useEffect, useState } from 'react'
import { qrDataUrl } from './qr-svg'

/** The QR code of a text (a station ID), drawn in the page: nothing leaves the machine to make it. */
export function QrCode({ text, label, testId, className }: { text: string; label: string; testId?: string; className?: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    qrDataUrl(text).then((u) => live && setUrl(u), () => live && setUrl(null))
    return () => {
      live = false
    }
  }, [text])
  if (!url) return <span className={`qr qr-pending${className ? ` ${className}` : ''}`} aria-hidden="true" />
  return <img className={`qr${className ? ` ${className}` : ''}`} src={url} alt={label} data-testid={testId} data-qr-text={text} />
}
