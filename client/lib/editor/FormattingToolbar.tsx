/**
 * A few formatting buttons for people who may edit. Each says whether its format
 * is on (`aria-pressed`). As an ARIA toolbar it is one Tab stop, and the arrow
 * keys move between its buttons; the same formats have shortcuts in the editor
 * (Ctrl+B, Ctrl+I, Ctrl+Alt+2, Ctrl+Shift+8, Ctrl+Shift+7).
 */
import { type Editor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';

interface Format {
  readonly label: string;
  readonly isActive: (editor: Editor) => boolean;
  readonly toggle: (editor: Editor) => void;
}

const FORMATS: readonly Format[] = [
  {
    label: 'Bold',
    isActive: (e) => e.isActive('bold'),
    toggle: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    label: 'Italic',
    isActive: (e) => e.isActive('italic'),
    toggle: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    label: 'Heading',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    toggle: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    label: 'Bulleted list',
    isActive: (e) => e.isActive('bulletList'),
    toggle: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    label: 'Numbered list',
    isActive: (e) => e.isActive('orderedList'),
    toggle: (e) => e.chain().focus().toggleOrderedList().run(),
  },
];

const MOVES: Readonly<Record<string, (index: number) => number>> = {
  ArrowRight: (index) => (index + 1) % FORMATS.length,
  ArrowLeft: (index) => (index - 1 + FORMATS.length) % FORMATS.length,
  Home: () => 0,
  End: () => FORMATS.length - 1,
};

export function FormattingToolbar({ editor, label }: { editor: Editor; label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => FORMATS.map((format) => format.isActive(current)),
  });
  const [focused, setFocused] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(focused);
    setFocused(next);
    buttons.current[next]?.focus();
  };
  return (
    <div className="collab-editor__toolbar" role="toolbar" aria-label={label} onKeyDown={onKeyDown}>
      {FORMATS.map((format, index) => (
        <button
          key={format.label}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          className="collab-editor__format"
          type="button"
          tabIndex={index === focused ? 0 : -1}
          aria-pressed={active[index] ?? false}
          onFocus={() => setFocused(index)}
          onClick={() => format.toggle(editor)}
        >
          {format.label}
        </button>
      ))}
    </div>
  );
}
