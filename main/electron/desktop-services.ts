/**
 * The shell's own services to the window, beside the station's API: native dialogs to pick a backup, an installer or
 * a folder (the sandboxed page cannot see the file system), and a restart. Bound in ipc.ts, which checks the sender
 * and that an administrator is signed in.
 */
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogReturnValue } from 'electron'
import type { DesktopReply, DesktopRequest, PickPurpose } from '../../preload/api'
import type { ReportLabels } from '../core/reports/report-labels'
import { restartApp } from './restart'

export interface DesktopServices {
  serve(request: DesktopRequest): Promise<DesktopReply>
}

function filters(purpose: PickPurpose, labels: ReportLabels): FileFilter[] {
  const installers = process.platform === 'win32' ? ['exe'] : ['AppImage', 'appimage', 'deb']
  const own: Record<PickPurpose, string[]> = { backup: ['db'], installer: installers, bundle: ['blobundle'] }
  return [
    { name: labels.t(`desktop.files.${purpose}`), extensions: own[purpose] },
    { name: labels.t('desktop.files.all'), extensions: ['*'] }
  ]
}

export function desktopServices(win: BrowserWindow, labels: ReportLabels, backupsFolder: string): DesktopServices {
  const chosen = (result: OpenDialogReturnValue): DesktopReply => ({ path: result.canceled ? null : (result.filePaths[0] ?? null) })
  return {
    async serve(request) {
      if (request.action === 'pickFile') {
        const defaultPath = request.purpose === 'backup' ? backupsFolder : undefined
        return chosen(await dialog.showOpenDialog(win, { title: request.title, defaultPath, properties: ['openFile'], filters: filters(request.purpose, labels) }))
      }
      if (request.action === 'pickFolder') {
        return chosen(await dialog.showOpenDialog(win, { title: request.title, defaultPath: request.defaultPath, properties: ['openDirectory', 'createDirectory'] }))
      }
      // After the answer is on its way: the page asked, and is about to go.
      setImmediate(restartApp)
      return { path: null }
    }
  }
}
