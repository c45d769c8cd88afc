import { useTranslation } from 'react-i18next'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { emptyItem, type ItemDraft } from './case-draft'
import type { FieldErrors } from './field-errors'
import { RepeatableSection } from './RepeatableSection'
import { focusNewRow, patchRow, removeRow } from './row-updates'

interface Props {
  rows: ItemDraft[]
  onChange: (rows: ItemDraft[]) => void
  errors: FieldErrors
}

export function ItemsEditor({ rows, onChange, errors }: Props) {
  const { t } = useTranslation()
  const columns = [
    { label: t('form.item.commodity'), className: 'col-commodity' },
    { label: t('form.item.quantity'), className: 'col-quantity' },
    { label: t('form.item.unit'), className: 'col-unit' },
    { label: t('form.item.species'), className: 'col-species' },
    { label: t('form.item.chemical'), className: 'col-chemical' }
  ]
  const set = (index: number, patch: Partial<ItemDraft>) => onChange(patchRow(rows, index, patch))
  return (
    <RepeatableSection
      name="items"
      title={t('form.sections.items')}
      emptyText={t('form.item.none')}
      addLabel={t('form.item.add')}
      columns={columns}
      rows={rows}
      onAdd={() => {
        onChange([...rows, emptyItem()])
        focusNewRow('items', rows.length)
      }}
      onRemove={(index) => onChange(removeRow(rows, index))}
      renderRow={(row, i) => (
        <>
          <Field path={`items.${i}.commodity`} label={columns[0].label} labelHidden required error={errors[`items.${i}.commodity`]} className="col-commodity">
            {(p) => <input {...p} value={row.commodity} maxLength={200} onChange={(e) => set(i, { commodity: e.target.value })} />}
          </Field>
          <Field path={`items.${i}.quantity`} label={columns[1].label} labelHidden required error={errors[`items.${i}.quantity`]} className="col-quantity">
            {(p) => (
              <input {...p} inputMode="decimal" className="num" value={row.quantity} onChange={(e) => set(i, { quantity: e.target.value })} />
            )}
          </Field>
          <Field path={`items.${i}.unit`} label={columns[2].label} labelHidden error={errors[`items.${i}.unit`]} className="col-unit">
            {(p) => <EnumSelect {...p} group="unit" value={row.unit} onChange={(v) => v && set(i, { unit: v })} />}
          </Field>
          <Field path={`items.${i}.species`} label={columns[3].label} labelHidden error={errors[`items.${i}.species`]} className="col-species">
            {(p) => <input {...p} value={row.species} maxLength={200} onChange={(e) => set(i, { species: e.target.value })} />}
          </Field>
          <Field path={`items.${i}.chemical`} label={columns[4].label} labelHidden error={errors[`items.${i}.chemical`]} className="col-chemical">
            {(p) => <input {...p} value={row.chemical} maxLength={200} onChange={(e) => set(i, { chemical: e.target.value })} />}
          </Field>
        </>
      )}
    />
  )
}
