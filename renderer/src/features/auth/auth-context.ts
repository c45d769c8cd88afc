import { createContext, useContext } from 'react'
import type { MethodName, SignedInUser } from '../../../../preload/api'

export interface Auth {
  user: SignedInUser
  lockAfterMinutes: number
  /** Whether the station would accept this call from the signed-in user: screens hide what it would refuse. */
  can(method: MethodName): boolean
  signOut(): Promise<void>
}

export const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthProvider')
  return auth
}

export function useCan(): Auth['can'] {
  return useAuth().can
}
