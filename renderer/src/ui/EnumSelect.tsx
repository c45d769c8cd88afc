import type { SelectHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { ENUM_GROUPS, type EnumGroup, type EnumValue } from '../i18n/enum-groups'

type Props<G extends EnumGroup> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  group: G
  value: EnumValue<G> | ''
  onChange: (value: EnumValue<G> | '') => void
  /** Label of the empty choice ("All", "Choose…"); without it the select always holds a value. */
  emptyLabel?: string
  /** Offer only these values of the vocabulary (a plan's phase is its status without the computed `agreed`). */
  only?: readonly EnumValue<G>[]
}

/** A select over one contract vocabulary, labelled in the reader's language. */
export function EnumSelect<G extends EnumGroup>({ group, value, onChange, emptyLabel, only, ...rest }: Props<G>) {
  const { t } = useTranslation()
  const values = only ?? (ENUM_GROUPS[group] as readonly EnumValue<G>[])
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as EnumValue<G> | '')}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`enums.${group}.${v}`)}
        </option>
      ))}
    </select>
  )
}
