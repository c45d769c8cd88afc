import type { DesktopBridge, DesktopRequest } from '../../../preload/api'
import { unwrapReply } from './api-error'

/** The desktop shell's own services (file dialogs, restart), or null in the station host's browser page. */
export const desktopShell = (): DesktopBridge | null => window.blo?.desktop ?? null

/** The path the administrator chose in the native dialog, or null when they cancelled it. */
export async function askDesktop(shell: DesktopBridge, request: DesktopRequest): Promise<string | null> {
  return unwrapReply(await shell.request(request)).path
}
