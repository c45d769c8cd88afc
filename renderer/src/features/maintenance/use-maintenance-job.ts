import { useCallback, useState } from 'react'
import type { MaintenanceProgress } from '../../../../preload/api'
import { useApiEvent } from '../../api/ApiContext'

export type JobOwner = 'backup' | 'restore' | 'update'

export interface RunningJob {
  id: string
  owner: JobOwner
  /** null until the station reports the first step. */
  step: MaintenanceProgress['step'] | null
  done: number
  total: number
}

/**
 * The one maintenance job this screen runs at a time (the station runs one at a time too): which panel started it,
 * and its progress from `maintenance:progress`.
 */
export function useMaintenanceJob() {
  const [running, setRunning] = useState<RunningJob | null>(null)

  useApiEvent('maintenance:progress', (p) => setRunning((r) => (r && r.id === p.id ? { ...r, step: p.step, done: p.done, total: p.total } : r)))

  const run = useCallback(async <T,>(owner: JobOwner, start: (id: string) => Promise<T>): Promise<T> => {
    const id = crypto.randomUUID()
    setRunning({ id, owner, step: null, done: 0, total: 0 })
    try {
      return await start(id)
    } finally {
      setRunning(null)
    }
  }, [])

  return { running, run }
}

export type MaintenanceJob = ReturnType<typeof useMaintenanceJob>
