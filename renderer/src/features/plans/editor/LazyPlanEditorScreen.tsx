import { lazy, Suspense, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { StateMessage } from '../../../ui/StateMessage'

/** The editor brings Yjs, ProseMirror and Tiptap (about as much code again as the rest of the app): fetched on first open. */
const PlanEditorScreen = lazy(() => import('./PlanEditorScreen').then((module) => ({ default: module.PlanEditorScreen })))

export function LazyPlanEditorScreen(props: ComponentProps<typeof PlanEditorScreen>) {
  const { t } = useTranslation()
  return (
    <Suspense fallback={<StateMessage tone="loading" testId="plan-loading" title={t('plans.loading')} />}>
      <PlanEditorScreen {...props} />
    </Suspense>
  )
}
