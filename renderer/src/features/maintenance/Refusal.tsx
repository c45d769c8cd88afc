import { useTranslation } from 'react-i18next'

interface Props {
  title: string
  /** A translated reason: maintenance.refusals.backup.<code> or .update.<code>. */
  reasonKey: string
  /** The station's own sentence, naming the file and the exact check. */
  message: string
  testId: string
  reason: string
}

/** A file that was refused: what it means in the reader's language, then the station's exact words. */
export function Refusal({ title, reasonKey, message, testId, reason }: Props) {
  const { t } = useTranslation()
  return (
    <div className="inline-alert maintenance-refusal" role="alert" data-testid={testId} data-reason={reason}>
      <strong>{title}</strong>
      <p>{t(reasonKey)}</p>
      <p className="error-raw mono">{message}</p>
    </div>
  )
}
