import { useEffect, useRef, type FormEvent, type ReactNode } from 'react'

interface Props {
  title: string
  testId: string
  onClose: () => void
  onSubmit: () => void
  children: ReactNode
  actions: ReactNode
  /** For dialogs that hold a form of several fields or a preview. */
  wide?: boolean
}

/** A modal confirmation built on <dialog>: focus is trapped, Escape cancels, Enter in a field submits. */
export function Dialog({ title, testId, onClose, onSubmit, children, actions, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit()
  }
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      data-testid={testId}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </form>
    </dialog>
  )
}
