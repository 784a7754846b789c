/**
 * The rich-text editor bound to one Y.XmlFragment of a document. Undo/redo comes
 * from the Collaboration extension (per-user, Yjs-aware), so StarterKit's own
 * history is switched off; carets are drawn from awareness. A read-only editor
 * has no formatting controls and is not editable at all (the server would drop
 * its changes anyway).
 *
 * When a page supplies `EditorCommentingContext`, the editor also marks the
 * passages people commented on (a decoration, so nothing is written to the
 * document) and offers "Add a comment" for the selected words. Passages travel
 * as Yjs relative positions, so they follow the text while others edit; what a
 * comment is, and how its anchor is stored, stays with the page.
 *
 * When the person leaves the editor, or pauses, the section is checked for text
 * that looks like personal data (`field-guard.tsx`), with a notice below it.
 */
import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import { type RefObject, useContext, useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isFragmentDamaged } from '../../../shared/documents/item-shape';
import { useFieldGuard } from '../field-guard';
import { useYShallowChanges } from '../y-hooks';
import {
  type EditorCommenting,
  EditorCommentingContext,
  type MarkedPassage,
  type SelectedPassage,
} from './editor-commenting';
import { FormattingToolbar } from './FormattingToolbar';
import { TypedLinks } from './typed-links';

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

const NO_PASSAGES: readonly MarkedPassage[] = [];
const ADD_COMMENT_KEYS = 'Control+Alt+M';

type Mapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

interface SyncState {
  readonly type: Y.XmlFragment;
  readonly mapping: Mapping;
  readonly remote: boolean;
}

/** The Collaboration binding of an editor state, once it is bound and rendered. */
function syncState(state: EditorState): SyncState | null {
  const raw: unknown = ySyncPluginKey.getState(state);
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, binding, isChangeOrigin } = raw as {
    type?: unknown;
    binding?: { mapping?: Mapping } | null;
    isChangeOrigin?: unknown;
  };
  const mapping = binding?.mapping;
  if (!(type instanceof Y.XmlFragment) || !mapping || mapping.size === 0) return null;
  return { type, mapping, remote: isChangeOrigin === true };
}

function passageDecorations(state: EditorState, passages: readonly MarkedPassage[]): DecorationSet {
  const sync = syncState(state);
  const ydoc = sync?.type.doc;
  if (!sync || !ydoc || passages.length === 0) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const passage of passages) {
    try {
      const from = relativePositionToAbsolutePosition(ydoc, sync.type, passage.start, sync.mapping);
      const to = relativePositionToAbsolutePosition(ydoc, sync.type, passage.end, sync.mapping);
      // A passage deleted entirely collapses (or vanishes): the page shows it as detached.
      if (from === null || to === null || to <= from || to > size) continue;
      const classes = passage.active ? 'passage-mark passage-mark--active' : 'passage-mark';
      decorations.push(
        Decoration.inline(
          from,
          to,
          { nodeName: 'mark', class: classes, 'data-passage-id': passage.id },
          { passageId: passage.id },
        ),
      );
    } catch {
      // A position from another document or a half-applied change marks nothing.
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

interface PassageState {
  readonly passages: readonly MarkedPassage[];
  readonly decorations: DecorationSet;
}

const passagesKey = new PluginKey<PassageState>('commentedPassages');

/**
 * Like the caret plugin: positions are resolved again when the passages change
 * or a remote change arrives (the binding's mapping is current then); local edits
 * only map the decorations, because the mapping catches up after the transaction.
 */
function passagesPlugin(commenting: RefObject<EditorCommenting | null>): Plugin<PassageState> {
  return new Plugin<PassageState>({
    key: passagesKey,
    state: {
      init: () => ({ passages: NO_PASSAGES, decorations: DecorationSet.empty }),
      apply(tr, previous, _before, state) {
        const given = tr.getMeta(passagesKey) as readonly MarkedPassage[] | undefined;
        const passages = given ?? previous.passages;
        if (given || (tr.docChanged && syncState(state)?.remote))
          return { passages, decorations: passageDecorations(state, passages) };
        if (tr.docChanged)
          return { passages, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        return previous;
      },
    },
    props: {
      decorations: (state) => passagesKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const found = passagesKey.getState(view.state)?.decorations.find(pos, pos);
        const id: unknown = found?.[0]?.spec.passageId;
        if (typeof id === 'string') commenting.current?.onPassageChosen(id);
        return false;
      },
    },
  });
}

/** The selection as a passage, or null when nothing is selected. */
export function selectedPassage(editor: Editor, target: string): SelectedPassage | null {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const sync = syncState(state);
  const ydoc = sync?.type.doc;
  if (empty || !sync || !ydoc) return null;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.mapping);
  const end = absolutePositionToRelativePosition(to, sync.type, sync.mapping);
  if (!(start instanceof Y.RelativePosition) || !(end instanceof Y.RelativePosition)) return null;
  // y-tiptap's positions stick to the character before them; the start of a passage
  // should stick to its first character, so typing just before it does not grow it.
  const absolute = Y.createAbsolutePositionFromRelativePosition(start, ydoc);
  const startRight = absolute
    ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0)
    : start;
  return { target, start: startRight, end, quote: state.doc.textBetween(from, to, ' ') };
}

function commentingExtension(
  commenting: RefObject<EditorCommenting | null>,
  field: string,
): Extension {
  return Extension.create({
    name: 'commentedPassages',
    addProseMirrorPlugins: () => [passagesPlugin(commenting)],
    addKeyboardShortcuts() {
      return {
        'Mod-Alt-m': ({ editor }) => {
          const add = commenting.current?.onAddComment;
          const passage = selectedPassage(editor, field);
          if (!add || !passage) return false;
          add(passage);
          return true;
        },
      };
    },
  });
}

/** "Add a comment" for the selected words; the bar keeps its height so the text never jumps. */
function CommentBar(props: { editor: Editor; field: string; onAdd(p: SelectedPassage): void }) {
  const { editor, field, onAdd } = props;
  const selected = useEditorState({
    editor,
    selector: ({ editor: current }) => !current.state.selection.empty,
  });
  return (
    <div className="collab-editor__comment-bar">
      {selected ? (
        <button
          type="button"
          className="collab-editor__comment-button"
          aria-keyshortcuts={ADD_COMMENT_KEYS}
          // Keeps the selection (and focus) in the text while the button is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            const passage = selectedPassage(editor, field);
            if (passage) onAdd(passage);
          }}
        >
          Add a comment
        </button>
      ) : (
        <p className="collab-editor__comment-hint">
          To comment, select words in the text, then choose Add a comment.
        </p>
      )}
    </div>
  );
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

/**
 * A rich-text section, or a notice in its place when the stored section holds
 * something other than rich text (written before the server checked updates): the
 * editor binding would throw on it and take the page down.
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const fragment = props.doc.getXmlFragment(props.field);
  useYShallowChanges(fragment);
  if (isFragmentDamaged(fragment))
    return (
      <p className="nhsuk-inset-text" data-testid="section-damaged">
        {props.label}: this section holds something that is not rich text, so it cannot be shown or
        edited here.
      </p>
    );
  return <SectionEditor {...props} />;
}

function SectionEditor(props: CollaborativeEditorProps) {
  const { doc, provider, field, user, label, editable = true } = props;
  const commenting = useContext(EditorCommentingContext);
  const commentingRef = useRef(commenting);
  commentingRef.current = commenting;
  const editor = useEditor(
    {
      editable,
      extensions: [
        // Addresses become links as this person types them (`typed-links.ts`), not by
        // Tiptap's autolink, which re-marks others' changes and the whole first load.
        StarterKit.configure({ undoRedo: false, link: { autolink: false } }),
        TypedLinks,
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({
          provider,
          user: { id: user.id, name: user.name, color: user.color },
          render: renderCaret,
        }),
        commentingExtension(commentingRef, field),
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
  const passages = commenting?.passages.get(field) ?? NO_PASSAGES;
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(passagesKey, passages));
  }, [editor, passages]);
  const onAdd = commenting?.onAddComment;
  const guard = useFieldGuard(doc.getXmlFragment(field), field, editable);
  const { check } = guard;
  useEffect(() => {
    editor.on('blur', check);
    return () => {
      editor.off('blur', check);
    };
  }, [editor, check]);
  return (
    <div className="collab-editor">
      {editable && <FormattingToolbar editor={editor} label="Formatting" />}
      {onAdd && <CommentBar editor={editor} field={field} onAdd={onAdd} />}
      <EditorContent editor={editor} />
      {guard.notice}
    </div>
  );
}
