import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error'

/** A failed call in words: what kind of failure (localised by code) and the station's own sentence. */
export function ErrorDetail({ error }: { error: ApiError }) {
  const { t } = useTranslation()
  return (
    <>
      <span>{t(`errors.${error.code}`)}</span>
      {error.message && <span className="error-raw"> ({error.message})</span>}
    </>
  )
}
