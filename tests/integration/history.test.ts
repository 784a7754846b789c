/**
 * Versions of items over the real server with stock y-websocket clients: taken
 * automatically after a pause and by name, kept through compaction and a restart,
 * restored live to every connected client (a restore is a version, and restoring
 * the one before it undoes it), and attributed to the account that sent each
 * change, whatever client id the change claims.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeUpdate } from '../../server/sync/message-codec';
import { fieldText, readFields } from '../../shared/documents/item-doc';
import { segmentsText } from '../../shared/history/diff-model';
import type {
  ComparisonResponse,
  LabVersionsResponse,
  VersionListResponse,
  VersionSummary,
} from '../../shared/schemas/history';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('item history', () => {
  let workspace: TestWorkspace;
  let ann: TestPerson;
  let bob: TestPerson;
  const clients: StockClient[] = [];
  const connect = (docId: string, person: TestPerson) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth(person));
    clients.push(client);
    return client;
  };
  const api = async <T>(method: string, path: string, body?: unknown, person = ann): Promise<T> => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? null : await response.json()) as T;
  };
  const versionsOf = async (itemId: string) =>
    (await api<VersionListResponse>('GET', `/items/${itemId}/versions`)).versions;
  /** Waits for the server to log an automatic version of `itemId` (none is polled for). */
  const waitForAutoVersion = (
    itemId: string,
    match: (record: Record<string, unknown>) => boolean = () => true,
  ) =>
    workspace.waitForLog(
      'version taken',
      (record) => record.docId === itemId && record.reason === 'auto' && match(record),
      15_000,
    );
  const newPdsa = async () =>
    (
      await api<{ item: { id: string } }>('POST', `/labs/${workspace.labId}/items`, {
        kind: 'pdsa',
        title: 'Rounding, cycle 1',
      })
    ).item.id;

  beforeEach(async () => {
    workspace = await startTestWorkspace({
      versionPolicy: { pauseMs: 200, maxIntervalMs: 60_000, sweepMs: 50 },
      compaction: { minBytes: 1, growthFactor: 0, quietMs: 0, maxDelayMs: 0 },
    });
    ann = await addPerson(workspace.server.meta, 'Ann Allen');
    bob = await addPerson(workspace.server.meta, 'Bob Brown');
    await addMember(workspace.server.meta, workspace.labId, ann.user, 'participant');
    await addMember(workspace.server.meta, workspace.labId, bob.user, 'participant');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('takes a version after a pause, with who took part, and one by name', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    const b = connect(itemId, bob);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const taken = waitForAutoVersion(itemId, (record) => record.people === 2);
    fieldText(a.doc, 'objective').insert(0, 'Test rounding on one bay.');
    fieldText(b.doc, 'tester').insert(0, 'Night sister');
    await taken;
    const named = await api<{ version: VersionSummary }>('POST', `/items/${itemId}/versions`, {
      name: 'Agreed at lab meeting 3',
    });
    expect(named.version).toMatchObject({
      name: 'Agreed at lab meeting 3',
      reason: 'named',
      takenBy: ann.user.id,
    });
    const { versions, names } = await api<VersionListResponse>('GET', `/items/${itemId}/versions`);
    expect(versions[0]?.id).toBe(named.version.id);
    const auto = versions.find((v) => v.reason === 'auto');
    expect(auto?.people).toEqual([ann.user.id, bob.user.id].sort());
    expect(names[ann.user.id]).toBe('Ann Allen');
    const lab = await api<LabVersionsResponse>('GET', `/labs/${workspace.labId}/versions`);
    expect(lab.versions.filter((v) => v.itemId === itemId).length).toBe(versions.length);

    const view = await api<ComparisonResponse>('GET', `/items/${itemId}/versions/${auto?.id}`);
    const objective = view.diff.fields.find((f) => f.key === 'objective');
    expect(objective?.type === 'text' && segmentsText(objective.segments, 'after')).toBe(
      'Test rounding on one bay.',
    );
    // Bad input changes nothing.
    const refused = await fetch(`${workspace.url}/api/items/${itemId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    expect(refused.status).toBe(400);
    expect((await versionsOf(itemId)).length).toBe(versions.length);
  });

  it('keeps versions through compaction and a restart', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    await a.whenSynced();
    const taken = waitForAutoVersion(itemId);
    fieldText(a.doc, 'objective').insert(0, 'First objective');
    await taken;
    const first = (await versionsOf(itemId)).find((v) => v.reason === 'auto');
    fieldText(a.doc, 'objective').delete(0, 5);
    fieldText(a.doc, 'objective').insert(0, 'Second');
    a.destroy();
    await workspace.restart();
    await api('POST', `/items/${itemId}/versions`, { name: 'Second' });
    const versions = await versionsOf(itemId);
    await workspace.restart();
    expect(await versionsOf(itemId)).toEqual(versions);
    expect(versions[0]?.name).toBe('Second');
    expect(versions.map((v) => v.id)).toContain(first?.id);
    const view = await api<ComparisonResponse>('GET', `/items/${itemId}/versions/${first?.id}`);
    const objective = view.diff.fields.find((f) => f.key === 'objective');
    // Text deleted since, and compacted out of the document's log, is still in the version.
    expect(objective?.type === 'text' && segmentsText(objective.segments, 'after')).toBe(
      'First objective',
    );
  });

  it('restores a version live to two connected clients, as a version that can itself be undone', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    const b = connect(itemId, bob);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    fieldText(a.doc, 'objective').insert(0, 'Test rounding on one bay.');
    await waitForDoc(
      b.doc,
      'bob to see the objective',
      () => readFields(b.doc, 'pdsa').objective !== '',
    );
    const agreed = await api<{ version: VersionSummary }>('POST', `/items/${itemId}/versions`, {
      name: 'Agreed',
    });
    fieldText(b.doc, 'objective').delete(0, 25);
    fieldText(b.doc, 'objective').insert(0, 'Something else entirely');
    await waitForDoc(
      a.doc,
      'ann to see bob’s change',
      () => readFields(a.doc, 'pdsa').objective === 'Something else entirely',
    );

    const restored = await api<{ version: VersionSummary }>(
      'POST',
      `/items/${itemId}/versions/${agreed.version.id}/restore`,
    );
    expect(restored.version).toMatchObject({
      reason: 'restore',
      restoredFrom: agreed.version.id,
      takenBy: ann.user.id,
    });
    const converged = (client: StockClient) => () =>
      readFields(client.doc, 'pdsa').objective === 'Test rounding on one bay.';
    await Promise.all([
      waitForDoc(a.doc, 'ann to see the restore', converged(a)),
      waitForDoc(b.doc, 'bob to see the restore', converged(b)),
    ]);
    const versions = await versionsOf(itemId);
    expect(versions[0]?.id).toBe(restored.version.id);
    const before = versions.find((v) => v.reason === 'before-restore');
    expect(before).toBeDefined();
    // Undo: restore the version taken just before the restore.
    await api('POST', `/items/${itemId}/versions/${before?.id}/restore`);
    const undone = (client: StockClient) => () =>
      readFields(client.doc, 'pdsa').objective === 'Something else entirely';
    await Promise.all([
      waitForDoc(a.doc, 'ann to see the undo', undone(a)),
      waitForDoc(b.doc, 'bob to see the undo', undone(b)),
    ]);
    // The restore's text is the restorer's.
    const comparison = await api<ComparisonResponse>(
      'GET',
      `/items/${itemId}/compare?from=${before?.id}&to=${restored.version.id}`,
    );
    const objective = comparison.diff.fields.find((f) => f.key === 'objective');
    if (objective?.type !== 'text') throw new Error('objective is text');
    expect(objective.segments.filter((s) => s.change === 'ins').map((s) => s.by)).toEqual(
      expect.arrayContaining([ann.user.id]),
    );
    expect(segmentsText(objective.segments, 'after')).toBe('Test rounding on one bay.');
  });

  it('attributes writing to the account that sent it, whatever client id it claims', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    await a.whenSynced();
    fieldText(a.doc, 'objective').insert(0, 'Ann wrote this.');
    const b = connect(itemId, bob);
    await b.whenSynced();
    await waitForDoc(
      b.doc,
      'bob to have ann’s text',
      () => readFields(b.doc, 'pdsa').objective === 'Ann wrote this.',
    );
    // Bob's connection sends an update made under Ann's client id.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(b.doc));
    forged.clientID = a.doc.clientID;
    a.destroy();
    const before = Y.encodeStateVector(forged);
    fieldText(forged, 'objective').insert(15, ' Bob forged this.');
    b.provider.ws?.send(new Uint8Array(encodeUpdate(Y.encodeStateAsUpdate(forged, before))));
    // Once another client has Bob's text, the server has stored and attributed it.
    const c = connect(itemId, ann);
    await waitForDoc(c.doc, 'the forged text to arrive', () =>
      String(readFields(c.doc, 'pdsa').objective).includes('forged'),
    );
    const authored = async () => {
      const { diff } = await api<ComparisonResponse>('GET', `/items/${itemId}/authorship`);
      const field = diff.fields.find((f) => f.key === 'objective');
      return field?.type === 'text' ? field.segments : [];
    };
    const segments = await authored();
    expect(segments).toEqual([
      { text: 'Ann wrote this.', change: 'same', by: ann.user.id },
      { text: ' Bob forged this.', change: 'same', by: bob.user.id },
    ]);
  });

  it('lets a facilitator delete old versions and their deleted text, recorded in the audit trail', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    await a.whenSynced();
    fieldText(a.doc, 'objective').insert(0, 'A secret later removed');
    const c = connect(itemId, bob);
    await waitForDoc(
      c.doc,
      'the text to be stored',
      () => readFields(c.doc, 'pdsa').objective !== '',
    );
    await api('POST', `/items/${itemId}/versions`, { name: 'With the secret' });
    fieldText(a.doc, 'objective').delete(0, 22);
    await waitForDoc(
      c.doc,
      'the deletion to be stored',
      () => readFields(c.doc, 'pdsa').objective === '',
    );
    const contentFile = path.join(workspace.dataDir, 'history', `${itemId}.content`);
    const stored = async () => inflateRawSync(await readFile(contentFile)).toString('latin1');
    expect(await stored()).toContain('A secret later removed');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const refused = await fetch(
      `${workspace.url}/api/labs/${workspace.labId}/versions/delete-before`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ before: tomorrow }),
      },
    );
    expect(refused.status).toBe(403);
    const result = await api<{ deleted: number }>(
      'POST',
      `/labs/${workspace.labId}/versions/delete-before`,
      { before: tomorrow },
      workspace.owner,
    );
    expect(result.deleted).toBeGreaterThan(0);
    expect(await versionsOf(itemId)).toEqual([]);
    expect(await stored()).not.toContain('secret');
    const audit = workspace.server.meta.listAudit(workspace.labId, 10);
    expect(audit.find((e) => e.type === 'history.versions_deleted')?.details).toMatchObject({
      before: tomorrow,
      versions: result.deleted,
    });
  });

  it('exports a named version, saying which version and when', async () => {
    const itemId = await newPdsa();
    const a = connect(itemId, ann);
    await a.whenSynced();
    fieldText(a.doc, 'objective').insert(0, 'The agreed objective');
    const c = connect(itemId, bob);
    await waitForDoc(
      c.doc,
      'the text to be stored',
      () => readFields(c.doc, 'pdsa').objective !== '',
    );
    const { version } = await api<{ version: VersionSummary }>(
      'POST',
      `/items/${itemId}/versions`,
      {
        name: 'Agreed at lab meeting 3',
      },
    );
    fieldText(a.doc, 'objective').delete(0, 20);
    fieldText(a.doc, 'objective').insert(0, 'A later objective');
    await waitForDoc(
      c.doc,
      'the change to be stored',
      () => readFields(c.doc, 'pdsa').objective === 'A later objective',
    );
    const response = await fetch(
      `${workspace.url}/api/items/${itemId}/export?format=md&version=${version.id}`,
      {
        headers: { authorization: `Bearer ${ann.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `-version-${version.at.slice(0, 10)}.md`,
    );
    const text = await response.text();
    expect(text).toContain('The agreed objective');
    expect(text).not.toContain('A later objective');
    expect(text).toContain('as it was in the version “Agreed at lab meeting 3”');
    const missing = await fetch(
      `${workspace.url}/api/items/${itemId}/export?format=md&version=nope`,
      {
        headers: { authorization: `Bearer ${ann.token}` },
      },
    );
    expect(missing.status).toBe(404);
  });
});
