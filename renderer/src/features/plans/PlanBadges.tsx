import { useTranslation } from 'react-i18next'
import type { PlanStatus, SignoffStateName, TaskStatus } from '../../../../preload/api'
import { EnumBadge } from '../../ui/Badges'

export const PlanStatusBadge = ({ status }: { status: PlanStatus }) => <EnumBadge group="planStatus" value={status} kind="plan-status" attr="status" />

export const SignoffBadge = ({ state }: { state: SignoffStateName }) => <EnumBadge group="signoffState" value={state} kind="signoff" attr="state" />

export const TaskStatusBadge = ({ status }: { status: TaskStatus }) => <EnumBadge group="taskStatus" value={status} kind="task-status" attr="status" />

/** Content no joint agreement covers: words as well as colour. */
export function UnsignedBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge badge-unsigned" data-testid="plan-unsigned" title={t('plans.list.unsignedHint')}>
      {t('plans.list.unsigned')}
    </span>
  )
}
