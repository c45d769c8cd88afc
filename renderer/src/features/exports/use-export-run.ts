import { useState } from 'react'
import type { ExportResult, ExportRunInput } from '../../../../preload/api'
import { useApi, useApiEvent } from '../../api/ApiContext'
import { toApiError, type ApiError } from '../../api/api-error'
import { newExportId } from './export-choice'

export interface RunningExport {
  id: string
  rows: number
  /** 0 until the station has counted the rows. */
  total: number
  cancelling: boolean
}

/** One export at a time from this screen: its progress from `export:progress`, cancel, and what it produced. */
export function useExportRun() {
  const api = useApi()
  const [running, setRunning] = useState<RunningExport | null>(null)
  const [results, setResults] = useState<ExportResult[]>([])
  const [error, setError] = useState<ApiError | null>(null)

  useApiEvent('export:progress', (p) => setRunning((r) => (r && r.id === p.id ? { ...r, rows: p.rows, total: p.total } : r)))

  const run = async (input: ExportRunInput) => {
    const id = newExportId()
    setRunning({ id, rows: 0, total: 0, cancelling: false })
    setError(null)
    try {
      const result = await api.invoke('export.run', { ...input, id })
      setResults((previous) => [result, ...previous])
    } catch (caught) {
      setError(toApiError(caught))
    } finally {
      setRunning(null)
    }
  }

  const cancel = () => {
    if (!running || running.cancelling) return
    setRunning({ ...running, cancelling: true })
    api.invoke('export.cancel', { id: running.id }).catch((caught: unknown) => setError(toApiError(caught)))
  }

  return { running, results, error, run, cancel }
}
