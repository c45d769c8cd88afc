import { useTranslation } from 'react-i18next'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { emptyConveyance, type ConveyanceDraft } from './case-draft'
import { CountryInput } from './CountryInput'
import type { FieldErrors } from './field-errors'
import { RepeatableSection } from './RepeatableSection'
import { focusNewRow, patchRow, removeRow } from './row-updates'

interface Props {
  rows: ConveyanceDraft[]
  onChange: (rows: ConveyanceDraft[]) => void
  errors: FieldErrors
}

export function ConveyancesEditor({ rows, onChange, errors }: Props) {
  const { t } = useTranslation()
  const columns = [
    { label: t('form.conveyance.type'), className: 'col-type' },
    { label: t('form.conveyance.plate'), className: 'col-plate' },
    { label: t('form.conveyance.country'), className: 'col-country' },
    { label: t('form.conveyance.description'), className: 'col-description' }
  ]
  const set = (index: number, patch: Partial<ConveyanceDraft>) => onChange(patchRow(rows, index, patch))
  const err = (i: number, field: string) => errors[`conveyances.${i}.${field}`]
  return (
    <RepeatableSection
      name="conveyances"
      title={t('form.sections.conveyances')}
      emptyText={t('form.conveyance.none')}
      addLabel={t('form.conveyance.add')}
      columns={columns}
      rows={rows}
      onAdd={() => {
        onChange([...rows, emptyConveyance()])
        focusNewRow('conveyances', rows.length)
      }}
      onRemove={(index) => onChange(removeRow(rows, index))}
      renderRow={(row, i) => (
        <>
          <Field path={`conveyances.${i}.type`} label={columns[0].label} labelHidden required error={err(i, 'type')} className="col-type">
            {(p) => (
              <EnumSelect {...p} group="conveyance" value={row.type} emptyLabel={t('form.choose')} onChange={(v) => set(i, { type: v })} />
            )}
          </Field>
          <Field path={`conveyances.${i}.plate`} label={columns[1].label} labelHidden error={err(i, 'plate')} className="col-plate">
            {(p) => <input {...p} value={row.plate} maxLength={50} onChange={(e) => set(i, { plate: e.target.value })} />}
          </Field>
          <Field path={`conveyances.${i}.country`} label={columns[2].label} labelHidden error={err(i, 'country')} className="col-country">
            {(p) => <CountryInput {...p} value={row.country} onChange={(v) => set(i, { country: v })} />}
          </Field>
          <Field path={`conveyances.${i}.description`} label={columns[3].label} labelHidden error={err(i, 'description')} className="col-description">
            {(p) => <input {...p} value={row.description} maxLength={300} onChange={(e) => set(i, { description: e.target.value })} />}
          </Field>
        </>
      )}
    />
  )
}
