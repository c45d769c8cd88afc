import { useTranslation } from 'react-i18next'
import type { Case, ShareField } from '../../../../../preload/api'
import { useFormatters } from '../../../i18n/format'
import { CategoryLabel } from '../../../ui/Badges'
import { useCaseLabels } from '../../cases/detail/use-case-labels'

const NARRATIVE_PREVIEW_CHARS = 280

/**
 * What the counterpart will read, group by group, from the case as it stands: the officer checks the
 * actual names and numbers before they leave, not a list of field names.
 */
export function SharePreview({ c, fields }: { c: Case; fields: ReadonlySet<ShareField> }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const labels = useCaseLabels()
  const v = labels.value
  const has = (f: ShareField) => fields.has(f)
  const personal = has('persons.basic') || has('persons.names') || has('persons.idDocuments')
  const narrative = c.narrative.length > NARRATIVE_PREVIEW_CHARS ? `${c.narrative.slice(0, NARRATIVE_PREVIEW_CHARS)}…` : c.narrative
  return (
    <div className="share-preview" data-testid="share-preview">
      <p className="share-preview-line">
        <CategoryLabel category={c.category} /> · {fmt.dateTime(c.occurredAt)} · {c.location} · {v('agency', c.agency)}
      </p>
      {has('summary') && <p className="share-preview-summary" data-testid="preview-summary">{c.summary}</p>}
      {has('narrative') && <p className="share-preview-narrative" data-testid="preview-narrative">{narrative || '—'}</p>}
      {has('items') && (
        <PreviewList title={t('form.sections.items')} lines={c.items.map((_, i) => labels.entrySummary('items', c.items[i]))} empty={t('form.item.none')} />
      )}
      {has('conveyances') && (
        <PreviewList
          title={t('form.sections.conveyances')}
          lines={c.conveyances.map((x) => [v('type', x.type), x.plate, x.country, x.description].filter(Boolean).join(' · '))}
          empty={t('form.conveyance.none')}
        />
      )}
      {personal && (
        <PreviewList
          title={t('form.sections.persons')}
          testId="preview-persons"
          lines={c.persons.map((p) =>
            [
              has('persons.names') ? p.name : t('exchange.share.nameWithheld'),
              has('persons.basic') ? [v('role', p.role), v('sex', p.sex), p.nationality, p.age ?? p.birthYear].filter(Boolean).join(', ') : '',
              has('persons.idDocuments') ? [v('idType', p.idType), p.idNumber].filter(Boolean).join(' ') : ''
            ]
              .filter(Boolean)
              .join(' · ')
          )}
          empty={t('form.person.none')}
        />
      )}
    </div>
  )
}

function PreviewList({ title, lines, empty, testId }: { title: string; lines: string[]; empty: string; testId?: string }) {
  return (
    <div className="share-preview-group" data-testid={testId}>
      <p className="field-label">{title}</p>
      {lines.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
