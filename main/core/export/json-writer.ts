/** JSON: one array, one object per line, written as the rows come (never the whole array in memory). */
import type { Writable } from 'node:stream'
import type { ExportTable } from './export-table'
import type { ExportPace } from './export-pace'
import { writeChunk } from './output-file'

const CHUNK_CHARS = 256 * 1024

export async function writeJson(table: ExportTable, out: Writable, pace: ExportPace): Promise<void> {
  let chunk = '['
  let first = true
  for (const object of table.json()) {
    chunk += (first ? '\n' : ',\n') + object
    first = false
    if (chunk.length >= CHUNK_CHARS) {
      await writeChunk(out, chunk)
      chunk = ''
    }
    if (pace.row()) await pace.pause()
  }
  await writeChunk(out, chunk + '\n]\n')
}
