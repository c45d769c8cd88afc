import { useTranslation } from 'react-i18next'
import type { CaseStatus, Category } from '../../../preload/api'
import type { EnumGroup, EnumValue } from '../i18n/enum-groups'

interface EnumBadgeProps<G extends EnumGroup> {
  group: G
  value: EnumValue<G>
  /** Styles it as `${kind}-${value}`. */
  kind: string
  /** Carries the value as `data-${attr}`, for tests and styles. */
  attr: string
}

/** A vocabulary value as a badge: its label in the reader's language, its colour from the value. */
export function EnumBadge<G extends EnumGroup>({ group, value, kind, attr }: EnumBadgeProps<G>) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${kind}-${value}`} {...{ [`data-${attr}`]: value }}>
      {t(`enums.${group}.${value}`)}
    </span>
  )
}

export const StatusBadge = ({ status }: { status: CaseStatus }) => <EnumBadge group="status" value={status} kind="status" attr="status" />

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
