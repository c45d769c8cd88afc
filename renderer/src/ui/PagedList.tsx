import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDetail } from './ErrorDetail'
import { LoadFailed, StateMessage } from './StateMessage'
import type { PagedRows } from './use-paged-rows'

type ListState = Pick<PagedRows<unknown>, 'total' | 'error' | 'retry'>

interface Props {
  pages: ListState
  /** The first load failed: nothing to show but the failure, the hint (if any) and a retry. */
  loadError: { title: string; hint?: string; testId: string }
  loading: { title: string; testId?: string }
  /** The query matched nothing: <NoMatches> when filters narrowed it, <EmptyList> otherwise. */
  empty: ReactNode
  /** The rows, once there are some. */
  children: (total: number) => ReactNode
}

/** A paged list's ladder: the first load's failure, then loading, then nothing found, then the rows. */
export function PagedList({ pages, loadError, loading, empty, children }: Props) {
  if (pages.error && pages.total === null) {
    return <LoadFailed title={loadError.title} hint={loadError.hint} testId={loadError.testId} error={pages.error} onRetry={pages.retry} />
  }
  if (pages.total === null) return <StateMessage tone="loading" testId={loading.testId} title={loading.title} />
  if (pages.total === 0) return empty
  return children(pages.total)
}

/** A later refresh failed: the rows already shown stay, with this line above them and a retry. */
export function PagedListAlert({ pages }: { pages: ListState }) {
  const { t } = useTranslation()
  if (!pages.error || pages.total === null) return null
  return (
    <div className="inline-alert" role="alert">
      <ErrorDetail error={pages.error} />{' '}
      <button type="button" className="btn btn-link" onClick={pages.retry}>
        {t('common.retry')}
      </button>
    </div>
  )
}

/** Nothing matched the filters: say so, and offer to clear them. */
export function NoMatches({ title, testId, onClear }: { title: string; testId: string; onClear: () => void }) {
  const { t } = useTranslation()
  return (
    <StateMessage
      tone="empty"
      testId={testId}
      title={title}
      body={t('list.noMatchesHint')}
      action={
        <button type="button" className="btn" onClick={onClear}>
          {t('list.clearFilters')}
        </button>
      }
    />
  )
}

interface EmptyProps {
  title: string
  hint: string
  testId: string
  /** The way to add the first one, if this screen offers it. */
  add?: { label: string; onClick: () => void }
}

/** Nothing here yet: what the list will hold, and how to add to it. */
export function EmptyList({ title, hint, testId, add }: EmptyProps) {
  return (
    <StateMessage
      tone="empty"
      testId={testId}
      title={title}
      body={hint}
      action={
        add && (
          <button type="button" className="btn btn-primary" onClick={add.onClick}>
            + {add.label}
          </button>
        )
      }
    />
  )
}
