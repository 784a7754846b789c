/**
 * `migrate-store`'s work: copies every document (each stored update, byte for byte,
 * in order and in its encoding) and all metadata from one side to an empty other, then proves the copy
 * by reading both back: every document's Yjs state must be equal (state vector and
 * the whole encoded state, deletions included) and the metadata deep-equal. The
 * metadata goes last, so a copy cut short is never mistaken for a finished one.
 */
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import type { DocStore } from '../doc-store';
import { applyStored } from '../stored-update';
import type { StoreSide } from './store-side';

export interface CopyReport {
  readonly documents: number;
  readonly updates: number;
  readonly users: number;
  readonly labs: number;
  readonly items: number;
  readonly auditEvents: number;
  /** Documents whose history was copied. */
  readonly histories: number;
}

/** The document as Yjs sees it after applying what a store holds. */
async function stateOf(
  docs: DocStore,
  docId: string,
): Promise<{ vector: Uint8Array; state: Uint8Array }> {
  const doc = new Y.Doc();
  try {
    const updates = await docs.load(docId);
    Y.transact(doc, () => {
      for (const update of updates) applyStored(doc, update);
    });
    return { vector: Y.encodeStateVector(doc), state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

async function copyDocument(source: DocStore, target: DocStore, docId: string): Promise<number> {
  const updates = await source.load(docId);
  const [first, ...rest] = updates;
  const pending: Promise<void>[] = [];
  // A compacted state (version 2) can only be stored by a compaction, and only ever
  // stands first: it replaced everything before it.
  if (first?.encoding === 'v2') pending.push(target.compact(docId, first));
  for (const stored of first?.encoding === 'v2' ? rest : updates) {
    if (stored.encoding !== 'v1') {
      throw new Error(`document ${docId} has a compacted state after other updates; not copied`);
    }
    pending.push(target.append(docId, stored.update).durable);
  }
  await Promise.all(pending);
  await target.release(docId);
  await source.release(docId);
  return updates.length;
}

/** Copies every document's history as it is stored, index and content. */
async function copyHistories(source: StoreSide, target: StoreSide): Promise<string[]> {
  const docIds = await source.history.docIds();
  for (const docId of docIds) {
    const index = await source.history.readIndex(docId);
    if (index === null) continue;
    const content = await source.history.readContent(docId);
    // The target has no history yet: its first write expects none.
    const { revision: _revision, ...fresh } = index;
    await target.history.write(docId, fresh, content ?? undefined);
  }
  return docIds;
}

/** Throws, naming the document, unless both sides hold the same history for each. */
async function verifyHistories(
  source: StoreSide,
  target: StoreSide,
  docIds: readonly string[],
): Promise<void> {
  if (!isDeepStrictEqual(await target.history.docIds(), docIds)) {
    throw new Error(`the copy holds other histories than ${source.name}`);
  }
  for (const docId of docIds) {
    const [from, to, fromContent, toContent] = await Promise.all([
      source.history.readIndex(docId),
      target.history.readIndex(docId),
      source.history.readContent(docId),
      target.history.readContent(docId),
    ]);
    const same =
      from !== null &&
      to !== null &&
      isDeepStrictEqual({ ...from, revision: 0 }, { ...to, revision: 0 }) &&
      (fromContent === null
        ? toContent === null
        : toContent !== null && sameBytes(fromContent, toContent));
    if (!same)
      throw new Error(`the history of ${docId} differs between ${source.name} and ${target.name}`);
  }
}

/** Throws, naming what differs, unless the target holds what the source holds. */
async function verify(
  source: StoreSide,
  target: StoreSide,
  docIds: readonly string[],
): Promise<void> {
  const targetIds = await target.docIds();
  if (!isDeepStrictEqual(targetIds, docIds)) {
    throw new Error(
      `the copy holds ${targetIds.length} documents, the source ${docIds.length}: they differ`,
    );
  }
  for (const docId of docIds) {
    const [from, to] = await Promise.all([
      stateOf(source.docs, docId),
      stateOf(target.docs, docId),
    ]);
    if (!sameBytes(from.vector, to.vector) || !sameBytes(from.state, to.state)) {
      throw new Error(`document ${docId} differs between ${source.name} and ${target.name}`);
    }
    await Promise.all([source.docs.release(docId), target.docs.release(docId)]);
  }
  const [sourceMeta, targetMeta] = await Promise.all([source.readMeta(), target.readMeta()]);
  if (!isDeepStrictEqual(sourceMeta, targetMeta)) {
    throw new Error(`the metadata differs between ${source.name} and ${target.name}`);
  }
}

export async function copyStore(source: StoreSide, target: StoreSide): Promise<CopyReport> {
  if (!(await target.isEmpty())) {
    throw new Error(
      `${target.name} already holds data; copy only into an empty one (nothing was changed)`,
    );
  }
  const meta = await source.readMeta();
  const docIds = await source.docIds();
  let updates = 0;
  for (const docId of docIds) updates += await copyDocument(source.docs, target.docs, docId);
  const histories = await copyHistories(source, target);
  await target.writeMeta(meta);
  await verify(source, target, docIds);
  await verifyHistories(source, target, histories);
  return {
    documents: docIds.length,
    updates,
    users: meta.users.length,
    labs: meta.labs.length,
    items: meta.items.length,
    auditEvents: meta.audit.length,
    histories: histories.length,
  };
}
