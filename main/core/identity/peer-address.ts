import { isIPv4, isIPv6 } from 'node:net'

/** Where a paired station listens: `host:port`, with an IPv6 address in brackets. */
export interface PeerAddress {
  host: string
  port: number
  /** The canonical text form, as stored and shown. */
  text: string
}

export class PeerAddressError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PeerAddressError'
  }
}

const EXAMPLE = 'e.g. 192.0.2.10:7443, [2001:db8::10]:7443 or blo.example.org:7443'
const HOSTNAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

function parsePort(text: string, address: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new PeerAddressError(`The port in "${address}" must be a number from 1 to 65535.`)
  }
  return Number(text)
}

function checkHost(host: string, address: string): string {
  if (/^[\d.]+$/.test(host)) {
    if (!isIPv4(host)) throw new PeerAddressError(`"${host}" in "${address}" is not a valid IPv4 address (four numbers 0–255 separated by dots).`)
    return host
  }
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name.length > 253 || !name.split('.').every((label) => HOSTNAME_LABEL.test(label))) {
    throw new PeerAddressError(`"${host}" in "${address}" is not a valid host name: use letters, digits, dots and dashes (${EXAMPLE}).`)
  }
  return name
}

/** Parses and normalises an address an officer typed; throws a PeerAddressError that says how to fix it. */
export function parsePeerAddress(input: string): PeerAddress {
  const address = input.trim()
  if (!address) throw new PeerAddressError(`The address is empty: give host:port (${EXAMPLE}).`)

  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(address)
  if (bracketed) {
    const [, host, port] = bracketed
    if (!isIPv6(host)) throw new PeerAddressError(`"${host}" in "${address}" is not a valid IPv6 address.`)
    if (port === undefined) throw new PeerAddressError(`"${address}" has no port: add it after the brackets (${EXAMPLE}).`)
    const parsedPort = parsePort(port, address)
    return { host: host.toLowerCase(), port: parsedPort, text: `[${host.toLowerCase()}]:${parsedPort}` }
  }
  if (isIPv6(address) || (address.match(/:/g)?.length ?? 0) > 1) {
    throw new PeerAddressError(`Put an IPv6 address in brackets before the port, e.g. [2001:db8::10]:7443 (got "${address}").`)
  }
  const colon = address.lastIndexOf(':')
  if (colon < 0) throw new PeerAddressError(`"${address}" has no port: give host:port (${EXAMPLE}).`)
  if (colon === 0) throw new PeerAddressError(`"${address}" has no host before the port (${EXAMPLE}).`)
  const host = checkHost(address.slice(0, colon), address)
  const port = parsePort(address.slice(colon + 1), address)
  return { host, port, text: `${host}:${port}` }
}
