import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { usePresence } from '../presence/PresenceContext'
import { NOTES_FIELD } from '../replica/plan-model'

const stationClass = (user: Record<string, unknown>, ourStation: string) => (user.station === ourStation ? 'is-ours' : 'is-theirs')

/** Another officer's caret: a bar in their station's colour with their name over it. */
function caret(user: Record<string, unknown>, ourStation: string): HTMLElement {
  const element = document.createElement('span')
  element.className = `collab-caret ${stationClass(user, ourStation)}`
  element.setAttribute('data-testid', 'notes-caret')
  const label = document.createElement('span')
  label.className = 'collab-caret-label'
  label.setAttribute('data-testid', 'notes-caret-label')
  label.textContent = typeof user.name === 'string' ? user.name : '?'
  element.append(label)
  return element
}

/**
 * The plan's rich-text notes, bound to the document's `notes` XML fragment: concurrent typing in the same
 * paragraph merges character by character, and each officer's caret shows with their name. Undo and redo
 * undo only one's own typing (Yjs undo), never the counterpart's.
 */
export function NotesEditor({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation()
  const { awareness, ourStation, user } = usePresence()
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo; a trailing paragraph added by every screen on open would multiply.
        StarterKit.configure({ undoRedo: false, trailingNode: false, link: false }),
        Collaboration.configure({ document: doc, field: NOTES_FIELD }),
        CollaborationCaret.configure({
          provider: { awareness },
          user,
          render: (u) => caret(u, ourStation),
          selectionRender: (u) => ({ nodeName: 'span', class: `collab-selection ${stationClass(u, ourStation)}` })
        })
      ],
      editorProps: {
        attributes: { class: 'notes-editor', 'data-testid': 'plan-notes-editor', 'aria-label': t('plans.sections.notes'), 'aria-multiline': 'true' }
      },
      onFocus: () => awareness.setLocalStateField('field', NOTES_FIELD),
      onBlur: () => {
        if (awareness.getLocalState()?.field === NOTES_FIELD) awareness.setLocalStateField('field', null)
      }
    },
    [doc, awareness, ourStation, user]
  )
  return (
    <fieldset className="form-section plan-section plan-notes" data-testid="section-notes" id="plan-section-notes">
      <legend>{t('plans.sections.notes')}</legend>
      {editor && <NotesToolbar editor={editor} />}
      <EditorContent editor={editor} className="notes-frame" />
    </fieldset>
  )
}

function NotesToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      heading: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList')
    })
  })
  const tools = [
    { key: 'bold', mark: 'B', run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', mark: 'I', run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'heading', mark: 'H', run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bullets', mark: '•', run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'numbers', mark: '1.', run: () => editor.chain().focus().toggleOrderedList().run() }
  ] as const
  return (
    <div className="notes-toolbar" role="toolbar" aria-label={t('plans.notes.toolbar')}>
      {tools.map((tool) => (
        <button
          key={tool.key}
          type="button"
          className={`btn btn-small btn-quiet notes-tool tool-${tool.key}${active[tool.key] ? ' is-active' : ''}`}
          aria-pressed={active[tool.key]}
          title={t(`plans.notes.${tool.key}`)}
          aria-label={t(`plans.notes.${tool.key}`)}
          // Keep the selection in the text: the button must not take the focus on press.
          onMouseDown={(e) => e.preventDefault()}
          onClick={tool.run}
        >
          {tool.mark}
        </button>
      ))}
    </div>
  )
}
