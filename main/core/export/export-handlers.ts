import type { HandlerMap } from '../api/dispatcher'
import type { ExportService } from './export-service'
import { verifyExport } from './manifest'

export type ExportHandlers = Pick<HandlerMap, 'export.run' | 'export.cancel' | 'export.verify'>

export function exportHandlers(service: ExportService): ExportHandlers {
  return {
    'export.run': (input, ctx) => service.run(input, ctx),
    'export.cancel': ({ id }) => ({ cancelled: service.cancel(id) }),
    'export.verify': ({ path }) => verifyExport(path)
  }
}
