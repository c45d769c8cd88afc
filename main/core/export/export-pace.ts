/**
 * Rows are read synchronously from SQLite; left alone, a long export would hold the event loop for
 * seconds. The pace gives it back every few milliseconds: other API calls run, a cancel can arrive, and
 * progress goes out a few times a second instead of once per row.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'

export class ExportCancelledError extends Error {
  constructor(readonly rows: number) {
    super('export cancelled')
    this.name = 'ExportCancelledError'
  }
}

const SLICE_MS = 15
const PROGRESS_MS = 250

export interface PaceOptions {
  onProgress: (rows: number, total: number) => void
  isCancelled: () => boolean
}

export class ExportPace {
  private rows = 0
  private sliceStart = performance.now()
  private lastProgress = 0
  private total = 0

  constructor(private readonly options: PaceOptions) {}

  /** Rows the main sheet will have, once counted. */
  setTotal(total: number): void {
    this.total = total
  }

  get done(): number {
    return this.rows
  }

  /** Counts one row of the main sheet; true when it is time to `pause()`. */
  row(): boolean {
    this.rows++
    return this.due()
  }

  /** True when the current slice of work has run long enough; cheap enough to ask per row. */
  due(): boolean {
    return performance.now() - this.sliceStart > SLICE_MS
  }

  /** Hands the event loop over, reports progress, and throws if the export was cancelled meanwhile. */
  async pause(): Promise<void> {
    await nextTurn()
    if (this.options.isCancelled()) throw new ExportCancelledError(this.rows)
    const now = performance.now()
    if (now - this.lastProgress >= PROGRESS_MS) {
      this.lastProgress = now
      this.options.onProgress(this.rows, this.total)
    }
    this.sliceStart = performance.now()
  }

  finish(): void {
    this.options.onProgress(this.rows, this.total)
  }
}
