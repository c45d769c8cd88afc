import type { SelectHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { useLink } from './LinkContext'

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string
  onChange: (stationId: string) => void
}

/** One paired counterpart, or any: the filter of the exchange list and of exports. */
export function CounterpartSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation()
  const { status } = useLink()
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('list.any')}</option>
      {(status?.peers ?? []).map((p) => (
        <option key={p.stationId} value={p.stationId}>
          {p.name || p.stationId}
        </option>
      ))}
    </select>
  )
}
