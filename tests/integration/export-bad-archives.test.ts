/**
 * Importing refuses bad archives with a clear 400 and creates nothing: not JSON,
 * another format or version, invalid base64, Yjs state that does not apply,
 * oversized (declared or streamed), and people who may not create labs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import { type Archive, ArchiveSchema, MAX_ARCHIVE_BYTES } from '../../shared/schemas/archive';
import { addItem, addPerson, type TestPerson } from '../helpers/accounts';
import { exportApi, serve } from '../helpers/export-api';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('importing a lab archive', () => {
  let workspace: TestWorkspace;
  let admin: TestPerson;
  const get = (person: TestPerson, path: string) =>
    fetch(`${workspace.url}/api${path}`, { headers: { authorization: `Bearer ${person.token}` } });
  const post = (person: TestPerson, path: string, body: BodyInit) =>
    fetch(`${workspace.url}/api${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      body,
    });

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    admin = await addPerson(meta, 'Ada Admin', { isAdmin: true });
    for (const item of DEMO_ITEMS.slice(0, 3)) {
      await store.append(item.id, buildDemoDoc(item).update).durable;
      await addItem(meta, workspace.labId, item.id, { kind: item.kind });
    }
  });
  afterAll(async () => {
    await workspace?.stop();
  });

  describe('refuses bad archives, creating nothing', () => {
    let valid: Archive;
    beforeAll(async () => {
      const text = await (
        await get(workspace.owner, `/labs/${workspace.labId}/export?format=json&include=drafts`)
      ).text();
      valid = ArchiveSchema.parse(JSON.parse(text));
    });
    const withItem = (change: (item: Archive['items'][number]) => Archive['items'][number]) => ({
      ...valid,
      items: valid.items.map((item, i) => (i === 0 ? change(item) : item)),
    });
    const incomplete = () => {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'first');
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(5, ' second');
      return Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64');
    };

    const cases: Array<[string, () => string, RegExp]> = [
      ['not JSON', () => 'this is not json', /not valid JSON/],
      [
        'another format',
        () => JSON.stringify({ ...valid, format: 'something-else' }),
        /format must be "improvement-lab-archive"/,
      ],
      ['another version', () => JSON.stringify({ ...valid, version: 2 }), /version must be 1/],
      [
        'invalid base64',
        () => JSON.stringify(withItem((item) => ({ ...item, state: '@@not base64@@' }))),
        /items\.0\.state: is not valid base64/,
      ],
      [
        'bytes that are not Yjs',
        () =>
          JSON.stringify(
            withItem((item) => ({
              ...item,
              state: Buffer.from('garbage bytes!').toString('base64'),
            })),
          ),
        /not valid Yjs data|incomplete document state/,
      ],
      [
        'an incomplete Yjs state',
        () => JSON.stringify(withItem((item) => ({ ...item, state: incomplete() }))),
        /incomplete document state/,
      ],
      [
        'a document of another kind',
        () =>
          JSON.stringify(
            withItem((item) => ({ ...item, record: { ...item.record, kind: 'measure' } })),
          ),
        /registered as a measure but its document is a problem/,
      ],
      [
        'a lab date that does not exist',
        () => JSON.stringify({ ...valid, lab: { ...valid.lab, startDate: '2026-02-30' } }),
        /lab\.startDate: use a real date like 2026-03-31/,
      ],
      [
        'a lab month that does not exist',
        () => JSON.stringify({ ...valid, lab: { ...valid.lab, endDate: '2026-13-01' } }),
        /lab\.endDate: use a real date like 2026-03-31/,
      ],
      [
        'two items with one id',
        () => JSON.stringify({ ...valid, items: [...valid.items, valid.items[0]] }),
        /share the id/,
      ],
    ];
    for (const [what, body, message] of cases) {
      it(`refuses ${what}`, async () => {
        const labsBefore = workspace.server.meta.listLabs().length;
        const response = await post(admin, '/labs/import', body());
        expect(response.status).toBe(400);
        const error = ((await response.json()) as { error: { code: string; message: string } })
          .error;
        expect(error.code).toBe('invalid_archive');
        expect(error.message).toMatch(message);
        expect(workspace.server.meta.listLabs().length).toBe(labsBefore);
      });
    }

    it('refuses an archive over the size limit, by its declared length or while streaming', async () => {
      const small = await serve(exportApi(workspace, { maxArchiveBytes: 1024 }));
      try {
        const labsBefore = workspace.server.meta.listLabs().length;
        const big = JSON.stringify({ ...valid, padding: 'x'.repeat(4096) });
        const declared = await fetch(`${small.url}/api/labs/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
          body: big,
        });
        expect(declared.status).toBe(413);
        expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
          'archive_too_large',
        );
        // Chunked, without a length: counted as it arrives.
        const chunks = [big.slice(0, 800), big.slice(800)];
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(next));
          },
        });
        const streamed = await fetch(`${small.url}/api/labs/import`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        expect(streamed.status).toBe(413);
        expect(((await streamed.json()) as { error: { message: string } }).error.message).toBe(
          'The archive is larger than 1 KB.',
        );
        expect(workspace.server.meta.listLabs().length).toBe(labsBefore);
      } finally {
        await small.close();
      }
      // The default limit is 50 MB, checked from the declared length before reading.
      const app = exportApi(workspace);
      const response = await app.request('/api/labs/import', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${admin.token}`,
          'content-type': 'application/json',
          'content-length': String(MAX_ARCHIVE_BYTES + 1),
        },
        body: '{}',
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'The archive is larger than 50 MB.',
      );
    });

    it('lets only people who may create labs import, before reading the archive', async () => {
      const response = await post(workspace.owner, '/labs/import', JSON.stringify(valid));
      expect(response.status).toBe(403);
    });
  });
});
