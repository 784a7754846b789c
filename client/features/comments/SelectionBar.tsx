/**
 * "Add a comment" for words selected in a text field, kept in view at the bottom
 * of the screen while there is a selection (the rich-text editor has its own
 * button). Ctrl+Alt+M does the same from the field.
 */
import './comments.css';
import type { ItemComments } from './use-item-comments';

const SHOWN_QUOTE = 80;

export function SelectionBar({ comments }: { comments: ItemComments }) {
  const selection = comments.draft ? null : comments.fieldSelection;
  const quote =
    selection && selection.quote.length > SHOWN_QUOTE
      ? `${selection.quote.slice(0, SHOWN_QUOTE - 1)}…`
      : selection?.quote;
  if (!comments.rights.comment) return null;
  return (
    <div className="comment-selection-bar" aria-live="polite">
      {selection && (
        <div className="comment-selection-bar__inner">
          <p className="comment-selection-bar__quote">
            Selected: <q>{quote}</q>
          </p>
          <button
            type="button"
            className="comment-button"
            aria-keyshortcuts="Control+Alt+M"
            onClick={() => comments.startComment(selection)}
          >
            Add a comment
          </button>
        </div>
      )}
    </div>
  );
}
