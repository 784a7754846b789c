/**
 * A web address a person types becomes a link when they finish the word (a space or
 * Enter), as Tiptap's own autolink does, but only for what this person types.
 *
 * Tiptap's autolink (off in `CollaborativeEditor`) looks at every change to the
 * document, the ones that arrive from others and the whole document as it first
 * loads included. So every reader re-marked every other person's links, and the
 * first load of any page with an editor paid for the link finder's set-up (its
 * list of every top-level domain, about a tenth of a second on a laptop) before the
 * field could be edited. Here the finder runs only on a finished word that could be
 * an address, typed in this editor.
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { find } from 'linkifyjs';

/** A word that might be an address: it has a dot or a colon (`nhs.uk`, `https:`). */
const MAYBE_ADDRESS = /[.:]/;

/** Links for the addresses in the word that ends at `pos`, or null if there are none. */
function linkWordBefore(state: EditorState, pos: number) {
  const link = state.schema.marks.link;
  if (!link) return null;
  const $pos = state.doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  const before = $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc');
  const word = /\S+$/.exec(before)?.[0];
  if (!word || !MAYBE_ADDRESS.test(word)) return null;
  const from = pos - word.length;
  const code = state.schema.marks.code;
  if (state.doc.rangeHasMark(from, pos, link)) return null;
  if (code && state.doc.rangeHasMark(from, pos, code)) return null;
  const found = find(word).filter((match) => match.isLink && match.type === 'url');
  if (found.length === 0) return null;
  const tr = state.tr;
  for (const match of found) {
    tr.addMark(from + match.start, from + match.end, link.create({ href: match.href }));
  }
  return tr;
}

function linkBefore(view: EditorView, pos: number): void {
  const tr = linkWordBefore(view.state, pos);
  if (tr) view.dispatch(tr);
}

export const TypedLinks = Extension.create({
  name: 'typedLinks',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedLinks'),
        props: {
          // Called for typing only (never for changes from others): the space or
          // line end still goes in as usual after the word is marked.
          handleTextInput(view, from, _to, text) {
            if (/^\s$/.test(text)) linkBefore(view, from);
            return false;
          },
          handleKeyDown(view, event) {
            if (event.key === 'Enter' && view.state.selection.empty) {
              linkBefore(view, view.state.selection.from);
            }
            return false;
          },
        },
      }),
    ];
  },
});
