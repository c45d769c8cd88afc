import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DesktopBridge, PickPurpose } from '../../../../preload/api'
import { toApiError } from '../../api/api-error'
import { Field } from '../../ui/Field'
import type { FieldError } from '../../ui/field-error'
import { askDesktop } from '../../api/desktop-shell'

interface Props {
  /** The desktop shell, or null in the station host's page (the path is typed there). */
  shell: DesktopBridge | null
  kind: 'file' | 'folder'
  purpose?: PickPurpose
  /** The native dialog's title and the typed field's hint, where the purpose's own do not fit. */
  pickTitle?: string
  hint?: string
  label: string
  value: string
  onChange: (path: string) => void
  /** Names the field's test ids (field-<name>, <name>-choose, <name>-value). */
  name: string
  placeholder: string
  /** Shown when nothing is chosen in the desktop app (e.g. the default folder). */
  empty: string
  defaultPath?: string
  error?: FieldError
  disabled?: boolean
}

/**
 * A file or folder on the station's computer. The desktop app opens the system's own dialog (the page cannot see
 * the disk); in the station host's browser page the administrator types the full path instead.
 */
export function PathChooser({ shell, kind, purpose = 'backup', pickTitle, hint, label, value, onChange, name, placeholder, empty, defaultPath, error, disabled }: Props) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  if (!shell) {
    return (
      <Field path={name} label={label} error={error} hint={hint ?? t(kind === 'file' ? 'maintenance.pathHintFile' : 'maintenance.pathHintFolder')}>
        {(p) => (
          <input
            {...p}
            type="text"
            className="mono"
            spellCheck={false}
            autoComplete="off"
            placeholder={placeholder}
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
          />
        )}
      </Field>
    )
  }
  const choose = async () => {
    setFailure(null)
    try {
      const title = pickTitle ?? t(kind === 'file' ? (purpose === 'installer' ? 'maintenance.update.pick' : 'maintenance.restore.pick') : 'maintenance.backup.pickFolder')
      const path = await askDesktop(shell, kind === 'file' ? { action: 'pickFile', purpose, title } : { action: 'pickFolder', title, ...(defaultPath ? { defaultPath } : {}) })
      if (path !== null) onChange(path)
    } catch (caught) {
      setFailure(toApiError(caught).message)
    }
  }
  return (
    <div className={`field${error || failure ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      <div className="path-chooser">
        <span className={`path-value${value ? ' mono' : ' muted'}`} data-testid={`${name}-value`}>
          {value || empty}
        </span>
        <button type="button" className="btn btn-small" disabled={disabled} data-testid={`${name}-choose`} onClick={choose}>
          {t('maintenance.choose')}
        </button>
      </div>
      {(error || failure) && (
        <span className="field-error" role="alert">
          {failure ?? error?.raw ?? t(error?.key ?? 'validation.format', error?.params)}
        </span>
      )}
    </div>
  )
}
