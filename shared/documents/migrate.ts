/**
 * Brings a document written by an older schema version up to date. Run by the
 * server when it loads a document, as one server change that every client then
 * receives, so clients only ever see the current shape.
 *
 * Version 1 (before item kinds): a note with `meta.title` and its body in the
 * top-level fragment `body`. Version 2: `meta.kind`, a `fields` map, sections in
 * `text.<name>`. It also puts right what a document stored before the server checked
 * updates against the schema can hold and editors cannot bear: another `meta.kind`, a
 * text field that is not a Y.Text, a section with something other than rich text.
 * Malformed list rows are kept: readers skip them with a notice.
 */
import * as Y from 'yjs';
import type { ItemKind } from '../schemas/records';
import { initItemDoc, readSchemaVersion, section } from './item-doc';
import { isSectionDamaged } from './item-shape';
import { KINDS } from './item-kinds';
import { DOCUMENT_SCHEMA_VERSION, FIELDS_MAP, LEGACY_NOTE_BODY, META_MAP, MetaKey } from './names';

/**
 * Whether the document is of an older version, says it is another kind, or lacks a
 * text field's Y.Text (a field added later, or one damaged before the server checked
 * updates): migrating puts each of these right.
 */
export function needsMigration(doc: Y.Doc, kind: ItemKind): boolean {
  if (readSchemaVersion(doc) < DOCUMENT_SCHEMA_VERSION) return true;
  if (doc.getMap(META_MAP).get(MetaKey.Kind) !== kind) return true;
  const fields = doc.getMap(FIELDS_MAP);
  const spec = KINDS[kind];
  return (
    Object.entries(spec.fields).some(
      ([name, field]) => field.type === 'text' && !(fields.get(name) instanceof Y.Text),
    ) || Object.keys(spec.sections).some((name) => isSectionDamaged(doc, name))
  );
}

/**
 * Removes what is not rich text from the top of each section: the editor's binding
 * throws on it and would take the page down for everyone. Nobody can read it anyway;
 * exports say it was there (`read-item.ts` lists problems before migrating).
 */
function dropDamagedSectionContent(doc: Y.Doc, kind: ItemKind): void {
  for (const name of Object.keys(KINDS[kind].sections))
    if (isSectionDamaged(doc, name)) dropNonRichText(section(doc, name));
}

function dropNonRichText(parent: Y.XmlFragment): void {
  const nodes = parent.toArray();
  for (let index = nodes.length - 1; index >= 0; index -= 1) {
    const node: unknown = nodes[index];
    if (node instanceof Y.XmlElement) dropNonRichText(node);
    else if (!(node instanceof Y.XmlText)) parent.delete(index, 1);
  }
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
    dropDamagedSectionContent(doc, kind);
    initItemDoc(doc, kind);
  });
}
