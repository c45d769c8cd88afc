import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharedCase } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { CategoryLabel } from '../../../ui/Badges'
import { ListTable } from '../../cases/detail/CaseLists'
import { useCaseLabels } from '../../cases/detail/use-case-labels'

type SharedPerson = NonNullable<SharedCase['persons']>[number]
const PERSON_COLUMNS = ['name', 'role', 'nationality', 'sex', 'age', 'idType', 'idNumber'] as const satisfies readonly (keyof SharedPerson)[]

/** The part of a case that went across, laid out like a case of our own; groups not shared are said to be missing. */
export function SharedCaseView({ c }: { c: SharedCase }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = useCaseLabels()
  const v = labels.value
  const fact = (key: string, label: string, value: ReactNode) => (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={`shared-${key}`}>{value}</dd>
    </div>
  )
  // Only the person details that were shared get a column: an empty "Name" column would suggest no names exist.
  const personColumns = PERSON_COLUMNS.filter((key) => (c.persons ?? []).some((p) => p[key] !== undefined))
  const notShared = <p className="muted">{t('exchange.record.notShared')}</p>
  return (
    <>
      {c.summary !== undefined && (
        <p className="detail-summary" data-testid="shared-summary">
          {c.summary}
        </p>
      )}
      <dl className="facts">
        {fact('occurredAt', t('case.occurredAt'), fmt.dateTime(c.occurredAt))}
        {fact('category', t('case.category'), <CategoryLabel category={c.category} />)}
        {fact('agency', t('case.agency'), v('agency', c.agency))}
        {fact(
          'location',
          t('case.location'),
          <>
            {c.location} <span className="muted">({v('locationKind', c.locationKind)})</span>
          </>
        )}
      </dl>
      {c.items ? (
        <ListTable
          name="shared-items"
          title={t('form.sections.items')}
          empty={t('form.item.none')}
          headers={['commodity', 'quantity', 'species', 'chemical'].map((f) => labels.entryFieldLabel('items', f))}
          numericColumn={1}
          rows={c.items.map((i) => [i.commodity, `${v('quantity', i.quantity)} ${v('unit', i.unit)}`, v('species', i.species), v('chemical', i.chemical)])}
        />
      ) : (
        <Missing title={t('form.sections.items')}>{notShared}</Missing>
      )}
      {c.conveyances ? (
        <ListTable
          name="shared-conveyances"
          title={t('form.sections.conveyances')}
          empty={t('form.conveyance.none')}
          headers={['type', 'plate', 'country', 'description'].map((f) => labels.entryFieldLabel('conveyances', f))}
          rows={c.conveyances.map((x) => [v('type', x.type), v('plate', x.plate), v('country', x.country), v('description', x.description)])}
        />
      ) : (
        <Missing title={t('form.sections.conveyances')}>{notShared}</Missing>
      )}
      {c.persons ? (
        <ListTable
          name="shared-persons"
          title={t('form.sections.persons')}
          empty={t('form.person.none')}
          headers={personColumns.map((f) => labels.entryFieldLabel('persons', f))}
          rows={c.persons.map((p) => personColumns.map((key) => v(key, p[key])))}
        />
      ) : (
        <Missing title={t('form.sections.persons')}>{notShared}</Missing>
      )}
      <section className="detail-section">
        <h2>{t('case.narrative')}</h2>
        {c.narrative !== undefined ? (
          <p className="narrative" data-testid="shared-narrative">
            {c.narrative || '—'}
          </p>
        ) : (
          notShared
        )}
      </section>
    </>
  )
}

function Missing({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h2>{title}</h2>
      {children}
    </section>
  )
}
