import { useTranslation } from 'react-i18next'
import type { Case } from '../../../../../preload/api'
import { useCaseLabels } from './use-case-labels'

/** The seized items, persons and conveyances of a case as compact read-only tables. */
export function CaseLists({ c }: { c: Case }) {
  const { t } = useTranslation()
  const labels = useCaseLabels()
  const v = labels.value
  return (
    <>
      <ListTable
        name="items"
        title={t('form.sections.items')}
        empty={t('form.item.none')}
        headers={['commodity', 'quantity', 'species', 'chemical'].map((f) => labels.entryFieldLabel('items', f))}
        numericColumn={1}
        rows={c.items.map((i) => [i.commodity, `${v('quantity', i.quantity)} ${v('unit', i.unit)}`, v('species', i.species), v('chemical', i.chemical)])}
      />
      <ListTable
        name="persons"
        title={t('form.sections.persons')}
        empty={t('form.person.none')}
        headers={['name', 'role', 'nationality', 'sex', 'age', 'birthYear', 'idType', 'idNumber'].map((f) =>
          labels.entryFieldLabel('persons', f)
        )}
        rows={c.persons.map((p) => [
          p.name,
          v('role', p.role),
          v('nationality', p.nationality),
          v('sex', p.sex),
          v('age', p.age),
          p.birthYear === undefined ? '—' : String(p.birthYear),
          v('idType', p.idType),
          v('idNumber', p.idNumber)
        ])}
      />
      <ListTable
        name="conveyances"
        title={t('form.sections.conveyances')}
        empty={t('form.conveyance.none')}
        headers={['type', 'plate', 'country', 'description'].map((f) => labels.entryFieldLabel('conveyances', f))}
        rows={c.conveyances.map((x) => [v('type', x.type), v('plate', x.plate), v('country', x.country), v('description', x.description)])}
      />
    </>
  )
}

export interface TableProps {
  name: string
  title: string
  empty: string
  headers: string[]
  rows: string[][]
  numericColumn?: number
}

export function ListTable({ name, title, empty, headers, rows, numericColumn }: TableProps) {
  return (
    <section className="detail-section">
      <h2>
        {title}
        {rows.length > 0 && <span className="count-pill">{rows.length}</span>}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="data-table" data-testid={`detail-${name}`}>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={h} scope="col" className={i === numericColumn ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, r) => (
              <tr key={r}>
                {cells.map((cell, i) => (
                  <td key={i} className={i === numericColumn ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
