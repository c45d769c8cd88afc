import type { HandlerMap } from '../api/dispatcher'
import type { CaseRepository } from '../cases/case-repository'
import { assertMayShare } from '../users/ownership'
import type { ExchangeQueries } from './exchange-queries'
import type { ExchangeService } from './exchange-service'

export type ExchangeHandlers = Pick<
  HandlerMap,
  | 'exchange.share'
  | 'exchange.withdraw'
  | 'exchange.list'
  | 'exchange.get'
  | 'exchange.sendAlert'
  | 'exchange.sendRequest'
  | 'exchange.reply'
  | 'exchange.acknowledge'
  | 'exchange.markRead'
>

export function exchangeHandlers(ready: Promise<{ service: ExchangeService; queries: ExchangeQueries }>, cases: CaseRepository): ExchangeHandlers {
  return {
    'exchange.share': async (input, ctx) => {
      const { service } = await ready
      assertMayShare(cases.get(input.caseId), ctx, 'share')
      return service.share(input, ctx)
    },
    'exchange.withdraw': async (input, ctx) => {
      const { service } = await ready
      assertMayShare(cases.get(input.caseId), ctx, 'withdraw')
      return service.withdraw(input, ctx)
    },
    'exchange.list': async (query) => (await ready).queries.list(query),
    'exchange.get': async (pointer) => (await ready).queries.get(pointer),
    'exchange.sendAlert': async (input, ctx) => (await ready).service.sendAlert(input, ctx),
    'exchange.sendRequest': async (input, ctx) => (await ready).service.sendRequest(input, ctx),
    'exchange.reply': async (input, ctx) => (await ready).service.reply(input, ctx),
    'exchange.acknowledge': async (input, ctx) => (await ready).service.acknowledge(input, ctx),
    'exchange.markRead': async ({ items }, ctx) => {
      const { service, queries } = await ready
      return { marked: service.markRead(items, ctx), unread: queries.unreadCounts() }
    }
  }
}
