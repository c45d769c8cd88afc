import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { Field, type ControlProps } from '../../../ui/Field'
import { FieldPeers } from '../presence/FieldPeers'
import { useFieldPresence } from '../presence/PresenceContext'
import { setField, splitList, strings, text } from '../replica/plan-model'
import { useObserved } from '../replica/use-y'
import { keepSelection } from './keep-selection'

/** A pause in typing this long writes the field into the plan (and so to everyone else). */
const COMMIT_AFTER_MS = 400

interface Props {
  map: Y.Map<unknown>
  /** The key in the map. */
  name: string
  /** Names the test id (`field-<path>`), as the case form does: `title`, `tasks.0.assignee`. */
  path: string
  /** Where presence says we are: `meta.title`, `tasks.<id>.assignee`. */
  presence: string
  label: string
  labelHidden?: boolean
  /** `list`: a string[] typed as one comma-separated line. */
  kind?: 'text' | 'textarea' | 'date' | 'list'
  maxLength?: number
  required?: boolean
  hint?: string
  className?: string
  placeholder?: string
}

const read = (map: Y.Map<unknown>, name: string, kind: Props['kind']) => (kind === 'list' ? strings(map.get(name)).join(', ') : text(map.get(name)))
/** What a draft is written as: a list split at its commas; blank text as empty. */
const stored = (value: string, kind: Props['kind']) => (kind === 'list' ? splitList(value) : value.trim() === '' ? '' : value)

/**
 * An input bound to one key of the plan document. What the officer types stays a local draft until a short
 * pause (or leaving the field) writes it; while not typing, the field shows what anyone last wrote there.
 * The control's value is written here rather than by React, so that a write arriving from elsewhere while the
 * officer is in the field keeps their selection on the same text (React would put the caret at the end, and
 * what they type next would land after the other officer's text instead of replacing it).
 */
export function BoundField({ map, name, path, presence, label, labelHidden, kind = 'text', maxLength, required, hint, className, placeholder }: Props) {
  const { t } = useTranslation()
  useObserved(map)
  const current = read(map, name, kind)
  const [draft, setDraft] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const peers = useFieldPresence(presence)

  const commit = (value: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    setField(map, name, stored(value, kind))
    setDraft(null)
  }
  // A draft not yet written when the field goes away (the plan closed) is written now.
  const pending = useRef<string | null>(null)
  pending.current = draft
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
      if (pending.current !== null) setField(map, name, stored(pending.current, kind))
    },
    [map, name, kind]
  )

  const change = (value: string) => {
    if (kind === 'date') {
      commit(value)
      return
    }
    setDraft(value)
    if (timer.current) clearTimeout(timer.current)
    // A list is written only on leaving the field: mid-typing "Lao, " would lose its comma.
    if (kind !== 'list') timer.current = setTimeout(() => commit(value), COMMIT_AFTER_MS)
  }

  const value = draft ?? current
  const missing = required && value.trim() === ''
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const control = element.current
    if (!control || control.value === value) return
    const selected = kind !== 'date' && control === document.activeElement ? ([control.selectionStart, control.selectionEnd] as const) : null
    const before = control.value
    control.value = value
    if (selected && selected[0] !== null && selected[1] !== null) control.setSelectionRange(...keepSelection(before, value, selected[0], selected[1]))
  }, [value, kind])
  const control = (p: ControlProps) => {
    const common = {
      ...p,
      // No value or defaultValue for React to write: the layout effect above writes it, on mount too.
      ref: element,
      maxLength,
      placeholder,
      onFocus: peers.onFocus,
      onBlur: () => {
        if (draft !== null) commit(draft)
        peers.onBlur()
      },
      onChange: (e: { target: { value: string } }) => change(e.target.value)
    }
    if (kind === 'textarea') return <textarea {...common} rows={2} />
    return (
      <input
        {...common}
        type={kind === 'date' ? 'date' : 'text'}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft)
        }}
      />
    )
  }

  return (
    <div className={`bound-field${peers.here.length > 0 ? ` has-peers ${peers.here.some((p) => !p.ours) ? 'is-theirs' : 'is-ours'}` : ''}${className ? ` ${className}` : ''}`}>
      <Field path={path} label={label} labelHidden={labelHidden} required={required} hint={hint} error={missing ? { key: 'validation.required' } : undefined}>
        {control}
      </Field>
      <FieldPeers peers={peers.here} label={t('plans.presence.inField')} />
    </div>
  )
}
