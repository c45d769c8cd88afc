import { PERSONAL_SHARE_FIELDS, SHARE_FIELDS, type ShareField } from '../../../../../preload/api'

type SectionKey = 'case' | 'goods' | 'persons'

/** A field group added to the contract later lands under "The case" until it is placed: it is never left out. */
const sectionOf = (field: ShareField): SectionKey =>
  field.startsWith('persons.') ? 'persons' : field === 'items' || field === 'conveyances' ? 'goods' : 'case'

/** The picker's sections, so an officer reads "Persons" once rather than three times. */
export const SHARE_SECTIONS = (['case', 'goods', 'persons'] as const).map((key) => ({
  key,
  fields: SHARE_FIELDS.filter((field) => sectionOf(field) === key)
}))

/** Goes across whatever is ticked (the station adds it anyway). */
export const ALWAYS_SHARED: ShareField = 'core'

export const isPersonal = (field: ShareField): boolean => PERSONAL_SHARE_FIELDS.includes(field)
