/**
 * Passwords are kept as scrypt hashes: memory-hard (32 MiB at the current cost), salted per account, compared in
 * constant time. The cost is stored with each hash, so raising it later re-hashes each account at its next login.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number
  r: number
  p: number
}

/** About 100 ms on an office PC: slow for a guesser, unnoticeable at sign-in. */
export const CURRENT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }

const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, { N, r, p }: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at N=2^15, r=8, so lift it.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** scrypt$N$r$p$salt$hash (salt and hash in base64). */
export async function hashPassword(password: string, cost: ScryptCost = CURRENT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const sane = [cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0) && cost.N <= 2 ** 20 && cost.r <= 32 && cost.p <= 16
  if (scheme !== 'scrypt' || !sane || !salt || !key) return null
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') }
}

export interface PasswordCheck {
  ok: boolean
  /** Hashed at a lower cost than today's: store a fresh hash now that the password is known. */
  outdated: boolean
}

export async function checkPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parsed = parse(stored)
  if (!parsed) throw new Error('a stored password hash is malformed')
  const key = await derive(password, parsed.salt, parsed.cost)
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
  const { N, r, p } = parsed.cost
  return { ok, outdated: N < CURRENT_COST.N || r < CURRENT_COST.r || p < CURRENT_COST.p }
}

/**
 * Checked against when the account does not exist, so a wrong name costs the same time as a wrong password
 * and the answer's timing does not say which names exist. Made once, lazily.
 */
let decoy: Promise<string> | null = null
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('base64'))
  return decoy
}
