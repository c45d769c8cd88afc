import { useTranslation } from 'react-i18next'
import type { PlanStatus, SignoffStateName, TaskStatus } from '../../../../preload/api'

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge plan-status-${status}`} data-status={status}>
      {t(`enums.planStatus.${status}`)}
    </span>
  )
}

export function SignoffBadge({ state }: { state: SignoffStateName }) {
  const { t } = useTranslation()
  return (
    <span className={`badge signoff-${state}`} data-state={state}>
      {t(`enums.signoffState.${state}`)}
    </span>
  )
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`badge task-status-${status}`} data-status={status}>
      {t(`enums.taskStatus.${status}`)}
    </span>
  )
}

/** Content no joint agreement covers: words as well as colour. */
export function UnsignedBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge badge-unsigned" data-testid="plan-unsigned" title={t('plans.list.unsignedHint')}>
      {t('plans.list.unsigned')}
    </span>
  )
}
