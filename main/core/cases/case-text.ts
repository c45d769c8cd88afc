import type { Case } from '../../../preload/api'

/** Everything an officer might type into the search box to find this case, in whatever script it was written. */
export function searchableText(c: Case): string {
  return [
    c.ref,
    c.location,
    c.summary,
    c.narrative,
    c.officer,
    ...c.items.flatMap((i) => [i.commodity, i.species, i.chemical]),
    ...c.persons.flatMap((p) => [p.name, p.idNumber]),
    ...c.conveyances.flatMap((v) => [v.plate, v.description])
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
}
