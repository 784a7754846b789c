/**
 * Names of the shared types inside a document, defined once. A rich-text section
 * is a Y.XmlFragment bound to Tiptap's Collaboration `field`; the server's export
 * and seed code write the same names.
 */
export const DOCUMENT_SCHEMA_VERSION = 1;

/** The rich-text body of a note document. */
export const NOTE_BODY_FIELD = 'body';

/** Top-level map holding a document's metadata (title, schema version). */
export const META_MAP = 'meta';

export const MetaKey = {
  Title: 'title',
  SchemaVersion: 'schemaVersion',
} as const;
