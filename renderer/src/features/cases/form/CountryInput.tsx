import type { ControlProps } from '../../../ui/Field'

/** The region's countries first: most people and vehicles at these crossings come from them. */
const REGION_CODES = ['TH', 'LA', 'MM', 'KH', 'VN', 'CN', 'MY']
const LIST_ID = 'region-country-codes'

export function CountryCodeList() {
  return (
    <datalist id={LIST_ID}>
      {REGION_CODES.map((code) => (
        <option key={code} value={code} />
      ))}
    </datalist>
  )
}

/** ISO 3166 alpha-2: two letters, upper-cased as typed. */
export function CountryInput({ value, onChange, ...control }: ControlProps & { value: string; onChange: (v: string) => void }) {
  return (
    <input
      {...control}
      className="country"
      value={value}
      maxLength={2}
      list={LIST_ID}
      autoComplete="off"
      spellCheck={false}
      placeholder="TH"
      onChange={(e) => onChange(e.target.value.toUpperCase())}
    />
  )
}
