/**
 * What a comparison of two versions of an item holds, as plain JSON the API sends
 * and the screens and exports render: each piece of text with whether it is in both
 * versions, only the newer (inserted) or only the older (deleted), and who wrote or
 * deleted it; each value before and after. Viewing one version is the same model
 * with every piece the same.
 */
export type Change = 'same' | 'ins' | 'del';

export interface Segment {
  readonly text: string;
  readonly change: Change;
  /** For text in the newer version, who wrote it; for deleted text, who deleted it. */
  readonly by: string | null;
}

export type Value = string | number | null;

export type FieldDiff =
  | {
      readonly key: string;
      readonly label: string;
      readonly type: 'text';
      readonly segments: readonly Segment[];
      readonly changed: boolean;
    }
  | {
      readonly key: string;
      readonly label: string;
      readonly type: 'value';
      readonly before: Value;
      readonly after: Value;
      readonly changed: boolean;
      /** Who set the newer value, when it changed. */
      readonly by: string | null;
    };

export interface BlockDiff {
  /** The editor's node name: paragraph, heading, codeBlock… */
  readonly type: string;
  /** How deep in lists or quotes the block sits (0 at the top). */
  readonly depth: number;
  /** Heading level, or the list the block is in ("bulletList", "orderedList"). */
  readonly detail: string | null;
  readonly change: Change;
  readonly segments: readonly Segment[];
}

export interface SectionDiff {
  readonly key: string;
  readonly label: string;
  readonly blocks: readonly BlockDiff[];
  readonly changed: boolean;
}

export interface RowDiff {
  readonly id: string;
  readonly change: Change;
  readonly cells: readonly FieldDiff[];
  readonly changed: boolean;
}

export interface ListDiff {
  readonly key: string;
  readonly label: string;
  readonly rows: readonly RowDiff[];
  readonly changed: boolean;
}

/** How much changed, and by whom (user ids). */
export interface DiffSummary {
  readonly inserted: number;
  readonly deleted: number;
  readonly values: number;
  readonly people: readonly string[];
}

export interface ItemDiff {
  readonly title: { readonly before: string; readonly after: string };
  readonly fields: readonly FieldDiff[];
  readonly sections: readonly SectionDiff[];
  readonly lists: readonly ListDiff[];
  readonly summary: DiffSummary;
}

/** The text of segments as it reads in the older (`before`) or newer (`after`) version. */
export function segmentsText(segments: readonly Segment[], side: 'before' | 'after'): string {
  const skip: Change = side === 'before' ? 'ins' : 'del';
  return segments
    .filter((segment) => segment.change !== skip)
    .map((segment) => segment.text)
    .join('');
}
