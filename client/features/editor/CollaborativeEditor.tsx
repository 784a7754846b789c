/**
 * The rich-text editor bound to one Y.XmlFragment of a document. Undo/redo comes
 * from the Collaboration extension (per-user, Yjs-aware), so StarterKit's own
 * history is switched off; carets are drawn from awareness. A read-only editor
 * has no formatting controls and is not editable at all (the server would drop
 * its changes anyway).
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { FormattingToolbar } from './FormattingToolbar';

/** The awareness `user`: the server drops states that do not name the signed-in account. */
export interface EditorUser {
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`. */
  readonly color: string;
}

export interface CollaborativeEditorProps {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly field: string;
  readonly user: EditorUser;
  /** Accessible name of the editing area. */
  readonly label: string;
  readonly editable?: boolean;
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collab-caret');
  const color = typeof user.color === 'string' ? user.color : '#425563';
  caret.style.setProperty('--caret-colour', color);
  const label = document.createElement('span');
  label.classList.add('collab-caret__label');
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

function attributes(label: string, editable: boolean): Record<string, string> {
  return {
    class: 'collab-editor__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(!editable),
  };
}

export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const { doc, provider, field, user, label, editable = true } = props;
  const editor = useEditor(
    {
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({
          provider,
          user: { id: user.id, name: user.name, color: user.color },
          render: renderCaret,
        }),
      ],
      editorProps: { attributes: attributes(label, editable) },
    },
    [doc, provider, field, user.id, user.name, user.color],
  );
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: attributes(label, editable) },
    });
  }, [editor, editable, label]);
  return (
    <div className="collab-editor">
      {editable && <FormattingToolbar editor={editor} label="Formatting" />}
      <EditorContent editor={editor} />
    </div>
  );
}
