import QRCode from 'qrcode'

/**
 * A QR code of `text` as an SVG data URL, for an <img> on screen and on the printed card. Error correction
 * level M: a card that gets scuffed on a desk still scans.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
