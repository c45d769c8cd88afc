import { useTranslation } from 'react-i18next'
import { EnumSelect } from '../../../ui/EnumSelect'
import { Field } from '../../../ui/Field'
import { emptyPerson, type PersonDraft } from './case-draft'
import { CountryInput } from './CountryInput'
import type { FieldErrors } from './field-errors'
import { RepeatableSection } from './RepeatableSection'
import { focusNewRow, patchRow, removeRow } from './row-updates'

interface Props {
  rows: PersonDraft[]
  onChange: (rows: PersonDraft[]) => void
  errors: FieldErrors
}

export function PersonsEditor({ rows, onChange, errors }: Props) {
  const { t } = useTranslation()
  const columns = [
    { label: t('form.person.name'), className: 'col-name' },
    { label: t('form.person.nationality'), className: 'col-country' },
    { label: t('form.person.sex'), className: 'col-sex' },
    { label: t('form.person.age'), className: 'col-age' },
    { label: t('form.person.birthYear'), className: 'col-year' },
    { label: t('form.person.idType'), className: 'col-idtype' },
    { label: t('form.person.idNumber'), className: 'col-idnumber' },
    { label: t('form.person.role'), className: 'col-role' }
  ]
  const set = (index: number, patch: Partial<PersonDraft>) => onChange(patchRow(rows, index, patch))
  const err = (i: number, field: string) => errors[`persons.${i}.${field}`]
  return (
    <RepeatableSection
      name="persons"
      title={t('form.sections.persons')}
      emptyText={t('form.person.none')}
      addLabel={t('form.person.add')}
      columns={columns}
      rows={rows}
      onAdd={() => {
        onChange([...rows, emptyPerson()])
        focusNewRow('persons', rows.length)
      }}
      onRemove={(index) => onChange(removeRow(rows, index))}
      renderRow={(row, i) => (
        <>
          <Field path={`persons.${i}.name`} label={columns[0].label} labelHidden required error={err(i, 'name')} className="col-name">
            {(p) => <input {...p} value={row.name} maxLength={300} onChange={(e) => set(i, { name: e.target.value })} />}
          </Field>
          <Field path={`persons.${i}.nationality`} label={columns[1].label} labelHidden error={err(i, 'nationality')} className="col-country">
            {(p) => <CountryInput {...p} value={row.nationality} onChange={(v) => set(i, { nationality: v })} />}
          </Field>
          <Field path={`persons.${i}.sex`} label={columns[2].label} labelHidden error={err(i, 'sex')} className="col-sex">
            {(p) => <EnumSelect {...p} group="sex" value={row.sex} onChange={(v) => v && set(i, { sex: v })} />}
          </Field>
          <Field path={`persons.${i}.age`} label={columns[3].label} labelHidden error={err(i, 'age')} className="col-age">
            {(p) => <input {...p} inputMode="numeric" className="num" value={row.age} onChange={(e) => set(i, { age: e.target.value })} />}
          </Field>
          <Field path={`persons.${i}.birthYear`} label={columns[4].label} labelHidden error={err(i, 'birthYear')} className="col-year">
            {(p) => (
              <input {...p} inputMode="numeric" className="num" value={row.birthYear} onChange={(e) => set(i, { birthYear: e.target.value })} />
            )}
          </Field>
          <Field path={`persons.${i}.idType`} label={columns[5].label} labelHidden error={err(i, 'idType')} className="col-idtype">
            {(p) => <EnumSelect {...p} group="idType" value={row.idType} onChange={(v) => v && set(i, { idType: v })} />}
          </Field>
          <Field path={`persons.${i}.idNumber`} label={columns[6].label} labelHidden error={err(i, 'idNumber')} className="col-idnumber">
            {(p) => <input {...p} value={row.idNumber} maxLength={100} onChange={(e) => set(i, { idNumber: e.target.value })} />}
          </Field>
          <Field path={`persons.${i}.role`} label={columns[7].label} labelHidden error={err(i, 'role')} className="col-role">
            {(p) => <EnumSelect {...p} group="role" value={row.role} onChange={(v) => v && set(i, { role: v })} />}
          </Field>
        </>
      )}
    />
  )
}
