// @peculiar/x509 resolves its parts through tsyringe, which throws unless the Reflect metadata polyfill is
// loaded first; this module is the one door to the library so that order always holds.
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import { webcrypto } from 'node:crypto'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

export { x509 }
