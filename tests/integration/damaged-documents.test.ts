/**
 * Documents damaged before the server checked updates (written here straight into
 * storage) still open, export in every format and import back, on a real server:
 * what breaks the schema is skipped with a notice, and the rest is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocReader, withDoc } from '../../server/export/doc-reader';
import { readRows } from '../../shared/documents/item-doc';
import { shapeProblems } from '../../shared/documents/item-shape';
import { ITEM_KINDS, type ItemKind } from '../../shared/schemas/records';
import { addItem, addPerson } from '../helpers/accounts';
import { damagedDoc } from '../helpers/damaged-docs';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const NOTICE = 'Part of this item could not be read and is left out.';

describe('documents damaged before the schema check', () => {
  let workspace: TestWorkspace;
  const idOf = (kind: ItemKind) => `damaged-${kind}`;
  const get = (path: string) =>
    fetch(`${workspace.url}/api${path}`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    for (const kind of ITEM_KINDS) {
      await addItem(meta, workspace.labId, idOf(kind), { kind });
      await store.append(idOf(kind), damagedDoc(kind).state).durable;
    }
  });
  afterAll(async () => {
    await workspace.stop();
  });

  for (const format of ['html', 'md', 'docx', 'pdf', 'csv', 'json']) {
    it(`the lab exports as ${format}`, async () => {
      const response = await get(`/labs/${workspace.labId}/export?format=${format}&include=drafts`);
      expect(response.status, await response.clone().text()).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.length).toBeGreaterThan(0);
      if (format === 'html' || format === 'md') {
        const text = body.toString('utf8');
        expect(text.split(NOTICE).length - 1).toBe(ITEM_KINDS.length);
        for (const kind of ITEM_KINDS)
          for (const kept of damagedDoc(kind).kept) expect(text).toContain(kept);
      }
      if (format === 'csv') expect(body.toString('utf8')).toContain('2026-02');
    });
  }

  it('every damaged item exports on its own, with its notice', async () => {
    for (const kind of ITEM_KINDS) {
      const response = await get(`/items/${idOf(kind)}/export?format=md`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(NOTICE);
    }
  });

  it('the lab archive imports back, damaged rows kept as they were and still skipped', async () => {
    const archive = await (
      await get(`/labs/${workspace.labId}/export?format=json&include=drafts`)
    ).text();
    const admin = await addPerson(workspace.server.meta, 'Ada Admin', { isAdmin: true });
    const response = await fetch(`${workspace.url}/api/labs/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin.token}`,
        'content-type': 'application/json',
      },
      body: archive,
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const { lab } = (await response.json()) as { lab: { id: string } };
    const imported = workspace.server.meta.listItems(lab.id);
    expect(imported.map((item) => item.kind).sort()).toEqual([...ITEM_KINDS].sort());
    const measure = imported.find((item) => item.kind === 'measure');
    if (!measure) throw new Error('no measure imported');
    const reader = createDocReader(workspace.server.store);
    await withDoc(reader, measure.id, (doc) => {
      expect(readRows(doc, 'points').map((row) => row.period)).toEqual(['2026-01', '2026-02']);
      expect(doc.getMap('meta').get('kind')).toBe('measure');
    });
  });

  it('each item opens over sync: the server puts the kind and text fields right, rows stay skipped', async () => {
    for (const kind of ITEM_KINDS) {
      const client = connectStockClient(workspace.url, idOf(kind), workspace.auth());
      try {
        await client.whenSynced();
        await waitForDoc(
          client.doc,
          `the ${kind} migrated`,
          () => client.doc.getMap('meta').get('kind') === kind,
        );
        const left = shapeProblems(client.doc, kind);
        expect(left.some((problem) => problem.includes('calls it'))).toBe(false);
        expect(left.some((problem) => problem.includes('"What is the problem?"'))).toBe(false);
        if (kind === 'measure') expect(readRows(client.doc, 'points')).toHaveLength(2);
        expect(client.doc.getMap('fields').get('what') instanceof Y.Map).toBe(false);
      } finally {
        client.destroy();
      }
    }
  });
});
