/**
 * Brings a document written by an older schema version up to date. Run by the
 * server when it loads a document, as one server change that every client then
 * receives, so clients only ever see the current shape.
 *
 * Version 1 (before item kinds): a note with `meta.title` and its body in the
 * top-level fragment `body`. Version 2: `meta.kind`, a `fields` map, sections in
 * `text.<name>`.
 */
import * as Y from 'yjs';
import type { ItemKind } from '../schemas/records';
import { initItemDoc, readSchemaVersion, section } from './item-doc';
import { KINDS } from './item-kinds';
import { DOCUMENT_SCHEMA_VERSION, FIELDS_MAP, LEGACY_NOTE_BODY } from './names';

/**
 * Whether the document is of an older version, says it is another kind, or lacks a
 * text field's Y.Text (a field added later, or one damaged before the server checked
 * updates): migrating puts each of these right.
 */
export function needsMigration(doc: Y.Doc, kind: ItemKind): boolean {
  if (readSchemaVersion(doc) < DOCUMENT_SCHEMA_VERSION) return true;
  if (doc.getMap('meta').get('kind') !== kind) return true;
  const fields = doc.getMap(FIELDS_MAP);
  return Object.entries(KINDS[kind].fields).some(
    ([name, spec]) => spec.type === 'text' && !(fields.get(name) instanceof Y.Text),
  );
}

function moveLegacyBody(doc: Y.Doc): void {
  if (!doc.share.has(LEGACY_NOTE_BODY)) return;
  const legacy = doc.getXmlFragment(LEGACY_NOTE_BODY);
  if (legacy.length === 0) return;
  const target = section(doc, 'body');
  const copies = legacy
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement || node instanceof Y.XmlText ? node.clone() : null,
    )
    .filter((node): node is Y.XmlElement | Y.XmlText => node !== null);
  target.insert(target.length, copies);
  legacy.delete(0, legacy.length);
}

/** Migrates in one transaction; idempotent. */
export function migrateItemDoc(doc: Y.Doc, kind: ItemKind): void {
  doc.transact(() => {
    if (readSchemaVersion(doc) < 2 && kind === 'note') moveLegacyBody(doc);
    initItemDoc(doc, kind);
  });
}
