import { useTranslation } from 'react-i18next'
import { MONTHLY_REPORT, PLAN_ORDER } from '../../../../preload/api'

/** What an export holds, named: a table kind, the monthly report, a plan, or a newer station's word as written. */
export function useKindLabel(): (what: string) => string {
  const { t, i18n } = useTranslation()
  return (what) => {
    if (what === MONTHLY_REPORT) return t('exports.monthlyReport')
    if (what === PLAN_ORDER) return t('planPdf.kind')
    return i18n.exists(`enums.exportKind.${what}`) ? t(`enums.exportKind.${what}`) : what
  }
}
