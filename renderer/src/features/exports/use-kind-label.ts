import { useTranslation } from 'react-i18next'

/** What an export holds, named: a table kind, the monthly report, or a newer station's word as written. */
export function useKindLabel(): (what: string) => string {
  const { t, i18n } = useTranslation()
  return (what) => {
    if (what === 'monthly-report') return t('exports.monthlyReport')
    return i18n.exists(`enums.exportKind.${what}`) ? t(`enums.exportKind.${what}`) : what
  }
}
