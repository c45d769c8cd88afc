/** Progress of a maintenance job for the screens: on every change of step, at the end of one, and a few times a second between. */
import type { MaintenanceProgress } from '../../../preload/api'
import type { StepProgress } from '../backup/station-backup'

const PROGRESS_MS = 250

export function throttledProgress(id: string, emit: (progress: MaintenanceProgress) => void): StepProgress {
  let lastStep: MaintenanceProgress['step'] | null = null
  let lastAt = 0
  return (step, done, total) => {
    const now = performance.now()
    if (step === lastStep && done < total && now - lastAt < PROGRESS_MS) return
    lastStep = step
    lastAt = now
    emit({ id, step, done, total })
  }
}
