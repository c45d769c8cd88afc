/**
 * The public keys whose signatures BLO Station accepts on an installer or update file (FILE.sig).
 * Public keys only; the private key stays offline with whoever publishes releases (see README, "Offline updates").
 * Empty until the publisher makes its key: such a build refuses every update file, saying why.
 * To rotate a key, ship one release signed by the old key that lists both, then drop the old one.
 */
export const PUBLISHER_KEYS: readonly string[] = []
