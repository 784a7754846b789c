/**
 * Names of the shared types inside an item's Y.Doc, defined once for client,
 * server, exports and tests. Every item document has:
 *  - `meta` (Y.Map): schema version, kind, title;
 *  - `fields` (Y.Map): structured fields; free text as Y.Text (so two people typing
 *    in one field merge character by character), choices, numbers and dates as
 *    plain values (last writer wins);
 *  - `text.<section>` (Y.XmlFragment): rich-text sections, bound to Tiptap's
 *    Collaboration `field`;
 *  - `list.<name>` (Y.Array of Y.Map): repeating rows (PDSA questions, tasks; a
 *    driver diagram's nodes and edges).
 */
export const DOCUMENT_SCHEMA_VERSION = 2;

export const META_MAP = 'meta';
export const FIELDS_MAP = 'fields';

export const MetaKey = {
  SchemaVersion: 'schemaVersion',
  Kind: 'kind',
  Title: 'title',
  /** A workshop board's settings and revealed counts (`workshop-board.ts`): the server's alone. */
  Board: 'board',
} as const;

export function sectionName(section: string): string {
  return `text.${section}`;
}

export function listName(list: string): string {
  return `list.${list}`;
}

/** Schema version 1 (before item kinds) kept a note's body in this fragment. */
export const LEGACY_NOTE_BODY = 'body';
