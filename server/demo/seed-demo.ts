/**
 * The demo lab, created with the first administrator (who facilitates it), so a
 * new instance shows the product working. Its documents are written through the
 * DocStore like any client's, so afterwards they are ordinary documents.
 */
import * as Y from 'yjs';
import { DEMO_BLOCKS, DEMO_DOC_ID, DEMO_LAB, DEMO_TITLE } from '../../shared/demo';
import {
  DOCUMENT_SCHEMA_VERSION,
  META_MAP,
  MetaKey,
  NOTE_BODY_FIELD,
} from '../../shared/document-schema';
import type { UserRecord } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { DocStore } from '../store/doc-store';
import type { MetaStore } from '../store/meta-store';

function block(level: 0 | 1 | 2, text: string): Y.XmlElement {
  const element = new Y.XmlElement(level === 0 ? 'paragraph' : 'heading');
  // y-prosemirror keeps node attributes with their JSON types; a heading's level is a number.
  if (level > 0) element.setAttribute('level', level as unknown as string);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Builds the demo note as a Yjs update, in the shape Tiptap's Collaboration reads. */
export function buildDemoUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap(META_MAP);
    meta.set(MetaKey.Title, DEMO_TITLE);
    meta.set(MetaKey.SchemaVersion, DOCUMENT_SCHEMA_VERSION);
    doc.getXmlFragment(NOTE_BODY_FIELD).insert(
      0,
      DEMO_BLOCKS.map(([level, text]) => block(level, text)),
    );
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export interface DemoDeps {
  readonly meta: MetaStore;
  readonly store: DocStore;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** Creates the demo lab with `facilitator` as its facilitator, once per instance. */
export async function seedDemoLab(
  { meta, store, logger, now }: DemoDeps,
  facilitator: UserRecord,
): Promise<void> {
  if (meta.getLab(DEMO_LAB.id)) {
    await meta.addMember({
      labId: DEMO_LAB.id,
      userId: facilitator.id,
      role: 'facilitator',
      joinedAt: now().toISOString(),
    });
    return;
  }
  const at = now().toISOString();
  await meta.createLab(
    { ...DEMO_LAB, createdAt: at, createdBy: facilitator.id, archivedAt: null },
    { labId: DEMO_LAB.id, userId: facilitator.id, role: 'facilitator', joinedAt: at },
  );
  await meta.createItem({
    id: DEMO_DOC_ID,
    labId: DEMO_LAB.id,
    kind: 'note',
    title: DEMO_TITLE,
    status: 'draft',
    sharing: 'draft',
    order: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: facilitator.id,
    archivedAt: null,
  });
  if ((await store.load(DEMO_DOC_ID)).length === 0) {
    await store.append(DEMO_DOC_ID, buildDemoUpdate()).durable;
  }
  await store.release(DEMO_DOC_ID);
  logger.info('demo lab created', { labId: DEMO_LAB.id });
}
