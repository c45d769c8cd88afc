import { useTranslation } from 'react-i18next'
import type { PlanVersionInfo } from '../../../../../preload/api'

/**
 * A version as people call it: its name; an agreement by its kind; the safety copy a restore makes by the
 * version that was restored (main names it by that version's name, or its ID when it had none).
 */
export function useVersionLabel(versions: readonly PlanVersionInfo[]): (version: PlanVersionInfo) => string {
  const { t } = useTranslation()
  const plain = (version: PlanVersionInfo) => version.name || t(`enums.versionKind.${version.kind}`)
  return (version) => {
    if (version.kind !== 'before-restore') return plain(version)
    const restored = versions.find((v) => v.id === version.name)
    return t('plans.history.beforeRestore', { name: restored ? plain(restored) : version.name })
  }
}
