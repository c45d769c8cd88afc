import { useTranslation } from 'react-i18next'
import type { CaseStatus, Category } from '../../../preload/api'

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge status-${status}`} data-status={status}>
      {t(`enums.status.${status}`)}
    </span>
  )
}

export function VoidBadge() {
  const { t } = useTranslation()
  return <span className="badge badge-void">{t('case.voidedBadge')}</span>
}

export function CategoryLabel({ category }: { category: Category }) {
  const { t } = useTranslation()
  return (
    <span className="category">
      <span className={`category-dot cat-${category}`} aria-hidden="true" />
      {t(`enums.category.${category}`)}
    </span>
  )
}
