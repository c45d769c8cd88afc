import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject
} from 'node:crypto'
import { connect } from 'node:net'

/**
 * A bare TLS 1.3 client (TLS_AES_128_GCM_SHA256, X25519, ECDSA P-256) written out by hand, so a test can
 * present a certificate together with a key that does not belong to it: Node and OpenSSL refuse to load
 * such a pair, so no ordinary client can even attempt it. It then sends a WebSocket upgrade and reports
 * the HTTP status, if the server let the handshake complete.
 */

export interface RawTlsResult {
  /** HTTP status of the answer to the upgrade, when the TLS handshake was accepted. */
  status?: number
  /** TLS alert description the server sent, when it could be read. */
  alert?: number
}

const u8 = (n: number) => Buffer.from([n])
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff])
const u24 = (n: number) => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff])
const vec16 = (b: Buffer) => Buffer.concat([u16(b.length), b])
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest()
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest()

function expandLabel(secret: Buffer, label: string, context: Buffer, length: number): Buffer {
  const fullLabel = Buffer.from(`tls13 ${label}`)
  const info = Buffer.concat([u16(length), u8(fullLabel.length), fullLabel, u8(context.length), context])
  return hmac(secret, Buffer.concat([info, u8(1)])).subarray(0, length)
}
const deriveSecret = (secret: Buffer, label: string, transcript: Buffer) => expandLabel(secret, label, sha256(transcript), 32)

class RecordCipher {
  private seq = 0n
  private readonly key: Buffer
  private readonly iv: Buffer
  constructor(secret: Buffer) {
    this.key = expandLabel(secret, 'key', Buffer.alloc(0), 16)
    this.iv = expandLabel(secret, 'iv', Buffer.alloc(0), 12)
  }
  private nonce(): Buffer {
    const n = Buffer.from(this.iv)
    const seq = Buffer.alloc(8)
    seq.writeBigUInt64BE(this.seq++)
    for (let i = 0; i < 8; i++) n[4 + i] ^= seq[i]
    return n
  }
  seal(type: number, data: Buffer): Buffer {
    const header = Buffer.concat([u8(23), u16(0x0303), u16(data.length + 1 + 16)])
    const cipher = createCipheriv('aes-128-gcm', this.key, this.nonce()).setAAD(header)
    const body = Buffer.concat([cipher.update(Buffer.concat([data, u8(type)])), cipher.final(), cipher.getAuthTag()])
    return Buffer.concat([header, body])
  }
  open(header: Buffer, payload: Buffer): { type: number; data: Buffer } {
    const decipher = createDecipheriv('aes-128-gcm', this.key, this.nonce()).setAAD(header)
    decipher.setAuthTag(payload.subarray(payload.length - 16))
    const plain = Buffer.concat([decipher.update(payload.subarray(0, payload.length - 16)), decipher.final()])
    let end = plain.length - 1
    while (end > 0 && plain[end] === 0) end--
    return { type: plain[end], data: plain.subarray(0, end) }
  }
}

const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')

export function rawTlsUpgrade(options: { host: string; port: number; certDer: Buffer; signingKey: KeyObject; timeoutMs?: number }): Promise<RawTlsResult> {
  const ecdh = generateKeyPairSync('x25519')
  const ourShare = ecdh.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32)
  const extensions = Buffer.concat([
    u16(43), vec16(Buffer.concat([u8(2), u16(0x0304)])), // supported_versions: TLS 1.3
    u16(10), vec16(vec16(u16(0x001d))), // supported_groups: x25519
    u16(13), vec16(vec16(u16(0x0403))), // signature_algorithms: ecdsa_secp256r1_sha256
    u16(51), vec16(vec16(Buffer.concat([u16(0x001d), vec16(ourShare)]))) // key_share
  ])
  const helloBody = Buffer.concat([u16(0x0303), randomBytes(32), u8(0), vec16(u16(0x1301)), u8(1), u8(0), vec16(extensions)])
  const clientHello = Buffer.concat([u8(1), u24(helloBody.length), helloBody])

  return new Promise((resolve) => {
    const socket = connect(options.port, options.host)
    const result: RawTlsResult = {}
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(result)
    }
    const timer = setTimeout(done, options.timeoutMs ?? 5000)
    let transcript: Buffer = clientHello
    let inbox: Buffer = Buffer.alloc(0)
    let handshakeBytes: Buffer = Buffer.alloc(0)
    let serverHs: RecordCipher | undefined
    let serverAp: RecordCipher | undefined
    let handshakeSecret: Buffer | undefined
    let clientHsSecret: Buffer | undefined
    let requestContext: Buffer = Buffer.alloc(0)

    const finishClientFlight = () => {
      const master = hmac(deriveSecret(handshakeSecret!, 'derived', Buffer.alloc(0)), Buffer.alloc(32))
      const clientAp = new RecordCipher(deriveSecret(master, 'c ap traffic', transcript))
      serverAp = new RecordCipher(deriveSecret(master, 's ap traffic', transcript))
      const clientHs = new RecordCipher(clientHsSecret!)
      const send = (type: number, body: Buffer) => {
        const message = Buffer.concat([u8(type), u24(body.length), body])
        transcript = Buffer.concat([transcript, message])
        socket.write(clientHs.seal(22, message))
      }
      const certEntry = Buffer.concat([u24(options.certDer.length), options.certDer, u16(0)])
      send(11, Buffer.concat([u8(requestContext.length), requestContext, u24(certEntry.length), certEntry]))
      const signed = Buffer.concat([Buffer.alloc(64, 0x20), Buffer.from('TLS 1.3, client CertificateVerify\0'), sha256(transcript)])
      send(15, Buffer.concat([u16(0x0403), vec16(sign('sha256', signed, options.signingKey))]))
      send(20, hmac(expandLabel(clientHsSecret!, 'finished', Buffer.alloc(0), 32), sha256(transcript)))
      const request = `GET / HTTP/1.1\r\nHost: ${options.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`
      socket.write(clientAp.seal(23, Buffer.from(request)))
    }

    const onHandshakeMessage = (type: number, message: Buffer) => {
      if (type === 2) {
        transcript = Buffer.concat([transcript, message])
        const body = message.subarray(4)
        let at = 2 + 32
        at += 1 + body[at] + 2 + 1
        const end = at + 2 + body.readUInt16BE(at)
        for (at += 2; at < end; ) {
          const extType = body.readUInt16BE(at)
          const len = body.readUInt16BE(at + 2)
          if (extType === 51) {
            const peerKey = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, body.subarray(at + 8, at + 8 + 32)]), format: 'der', type: 'spki' })
            const shared = diffieHellman({ privateKey: ecdh.privateKey, publicKey: peerKey })
            const early = hmac(Buffer.alloc(32), Buffer.alloc(32))
            handshakeSecret = hmac(deriveSecret(early, 'derived', Buffer.alloc(0)), shared)
            clientHsSecret = deriveSecret(handshakeSecret, 'c hs traffic', transcript)
            serverHs = new RecordCipher(deriveSecret(handshakeSecret, 's hs traffic', transcript))
          }
          at += 4 + len
        }
        return
      }
      if (type === 13) requestContext = message.subarray(5, 5 + message[4])
      transcript = Buffer.concat([transcript, message])
      if (type === 20) finishClientFlight()
    }

    const onHandshakeBytes = (data: Buffer) => {
      handshakeBytes = Buffer.concat([handshakeBytes, data])
      while (handshakeBytes.length >= 4) {
        const len = handshakeBytes.readUIntBE(1, 3)
        if (handshakeBytes.length < 4 + len) return
        const message = handshakeBytes.subarray(0, 4 + len)
        handshakeBytes = handshakeBytes.subarray(4 + len)
        onHandshakeMessage(message[0], message)
      }
    }

    socket.on('data', (chunk) => {
      inbox = Buffer.concat([inbox, chunk])
      while (inbox.length >= 5) {
        const len = inbox.readUInt16BE(3)
        if (inbox.length < 5 + len) return
        const header = inbox.subarray(0, 5)
        const payload = inbox.subarray(5, 5 + len)
        inbox = inbox.subarray(5 + len)
        if (header[0] === 22) onHandshakeBytes(payload)
        else if (header[0] === 21) result.alert = payload[1]
        else if (header[0] === 23) {
          const cipher = serverAp ?? serverHs
          let record: { type: number; data: Buffer }
          try {
            record = cipher!.open(header, payload)
          } catch {
            return done()
          }
          if (record.type === 22 && cipher === serverHs) onHandshakeBytes(record.data)
          else if (record.type === 21) {
            result.alert = record.data[1]
            return done()
          } else if (record.type === 23) {
            const status = /^HTTP\/1\.1 (\d{3})/.exec(record.data.toString('latin1'))
            if (status) result.status = Number(status[1])
            return done()
          }
        }
      }
    })
    socket.on('error', done)
    socket.on('close', done)
    socket.write(Buffer.concat([u8(22), u16(0x0301), u16(clientHello.length), clientHello]))
  })
}
