import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { PlanListName } from '../../../../../preload/api'
import { RepeatableSection } from '../../cases/form/RepeatableSection'
import { addItem, listItems, planRoots, removeItem, type ListItem, type NewItem } from '../replica/plan-model'
import { useObserved } from '../replica/use-y'

export interface ListRow extends ListItem {
  key: string
}

interface Props<L extends PlanListName> {
  doc: Y.Doc
  list: L
  columns: { label: string; className: string }[]
  newItem: () => NewItem[L]
  renderRow: (row: ListRow, index: number) => ReactNode
}

/** One list of the plan (agencies, objectives, tasks, contacts, results) as rows bound to its items. */
export function ListSection<L extends PlanListName>({ doc, list, columns, newItem, renderRow }: Props<L>) {
  const { t } = useTranslation()
  const array = planRoots(doc)[list]
  useObserved(array as Y.Array<unknown>)
  // Keyed by item id, so a row someone inserts above keeps the others' inputs (and their focus) in place.
  const rows: ListRow[] = listItems(array).map((item) => ({ ...item, key: item.id }))
  return (
    <div className="plan-section" id={`plan-section-${list}`}>
      <RepeatableSection
        name={list}
        title={t(`enums.planList.${list}`)}
        emptyText={t(`plans.empty.${list}`)}
        addLabel={t(`plans.add.${list}`)}
        columns={columns}
        rows={rows}
        onAdd={() => addItem(doc, list, newItem())}
        onRemove={(index) => rows[index] && removeItem(doc, list, rows[index].id)}
        renderRow={renderRow}
      />
    </div>
  )
}
