import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { Field } from '../../../ui/Field'
import { useFieldPresence } from '../presence/PresenceContext'
import { setField, text } from '../replica/plan-model'
import { useObserved } from '../replica/use-y'
import { usePlanLabels } from '../use-plan-labels'
import type { PlanSides } from './plan-sides'

interface Props {
  map: Y.Map<unknown>
  path: string
  presence: string
  label: string
  labelHidden?: boolean
  sides: PlanSides
}

/** Which side of the border is responsible: this station, the counterpart, or nobody yet. */
export function SideSelect({ map, path, presence, label, labelHidden, sides }: Props) {
  const { t } = useTranslation()
  const labels = usePlanLabels()
  const peers = useFieldPresence(presence)
  useObserved(map)
  const value = text(map.get('side'))
  const options = [sides.ours, ...sides.others]
  // A side this station does not know (a plan moved between stations) still shows, as its ID.
  if (value && !options.includes(value)) options.push(value)
  return (
    <Field path={path} label={label} labelHidden={labelHidden}>
      {(p) => (
        <select
          {...p}
          className={value ? (value === sides.ours ? 'side-ours' : 'side-theirs') : undefined}
          value={value}
          onFocus={peers.onFocus}
          onBlur={peers.onBlur}
          onChange={(e) => setField(map, 'side', e.target.value)}
        >
          <option value="">{t('plans.sides.none')}</option>
          {options.map((station) => (
            <option key={station} value={station}>
              {labels.side(station)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
