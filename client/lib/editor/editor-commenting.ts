/**
 * What a page tells its rich-text editors about comments: the passages to mark
 * and what to do with a selection. Kept apart from the editor so the item
 * page's shell can provide it without loading the editor's code.
 */
import { createContext } from 'react';
import type * as Y from 'yjs';

/** A commented passage to mark. Styled by the page (`.passage-mark`, `--active`). */
export interface MarkedPassage {
  readonly id: string;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  /** The passage whose thread is being looked at: marked more strongly. */
  readonly active: boolean;
}

/** The selected words as a passage of one section. */
export interface SelectedPassage {
  /** The section's fragment name (`text.<section>`). */
  readonly target: string;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
}

export interface EditorCommenting {
  /** Passages to mark, by fragment name. */
  readonly passages: ReadonlyMap<string, readonly MarkedPassage[]>;
  /** Null for people who may not comment: then there is no "Add a comment". */
  readonly onAddComment: ((passage: SelectedPassage) => void) | null;
  /** A marked passage was clicked. */
  readonly onPassageChosen: (id: string) => void;
}

export const EditorCommentingContext = createContext<EditorCommenting | null>(null);
