/**
 * Item documents over the real server: concurrent edits of one PDSA cycle
 * converge with nothing lost, the registry follows the document, and documents
 * of an older schema are migrated when loaded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fieldText,
  readFields,
  readRows,
  section,
  setFieldValue,
  setTitle,
} from '../../shared/documents/item-doc';
import { LEGACY_NOTE_BODY } from '../../shared/documents/names';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('item documents', () => {
  let workspace: TestWorkspace;
  const clients: StockClient[] = [];
  const connect = (docId: string) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth());
    clients.push(client);
    return client;
  };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${workspace.owner.token}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('two clients editing different fields and the same field of a PDSA cycle lose nothing', async () => {
    const { item } = await api<{ item: { id: string } }>('POST', `/labs/${workspace.labId}/items`, {
      kind: 'pdsa',
      title: 'Rounding, cycle 1',
    });
    const plan = connect(item.id);
    const doing = connect(item.id);
    await Promise.all([plan.whenSynced(), doing.whenSynced()]);
    // Both edit at once, before either sees the other's change.
    fieldText(plan.doc, 'objective').insert(0, 'Test rounding on one bay.');
    setFieldValue(plan.doc, 'pdsa', 'startDate', '2026-10-05');
    fieldText(plan.doc, 'tester').insert(0, 'Night sister');
    setFieldValue(doing.doc, 'pdsa', 'asPlanned', 'yes');
    section(doing.doc, 'observations').insert(0, [new Y.XmlText('Patients welcomed the offer.')]);
    fieldText(doing.doc, 'tester').insert(0, 'HCA team; ');

    const complete = (client: StockClient) => () => {
      const fields = readFields(client.doc, 'pdsa');
      return (
        fields.objective === 'Test rounding on one bay.' &&
        fields.asPlanned === 'yes' &&
        fields.startDate === '2026-10-05' &&
        String(fields.tester).includes('Night sister') &&
        String(fields.tester).includes('HCA team; ') &&
        section(client.doc, 'observations').toString().includes('welcomed')
      );
    };
    await Promise.all([
      waitForDoc(plan.doc, 'plan side to converge', complete(plan)),
      waitForDoc(doing.doc, 'do side to converge', complete(doing)),
    ]);
    expect(readFields(plan.doc, 'pdsa')).toEqual(readFields(doing.doc, 'pdsa'));
  });

  it('keeps the registry’s title and status current from the document', async () => {
    const { item } = await api<{ item: { id: string; status: string } }>(
      'POST',
      `/labs/${workspace.labId}/items`,
      {
        kind: 'idea',
        title: 'Call bells',
      },
    );
    expect(item.status).toBe('idea');
    const client = connect(item.id);
    await client.whenSynced();
    client.doc.transact(() => {
      setTitle(client.doc, 'Call bell within reach at every handover');
      setFieldValue(client.doc, 'idea', 'status', 'testing');
    });
    // The first change after a quiet spell reaches the registry in the same step as it
    // is relayed, so once another client has the change, the registry has it too.
    const probe = connect(item.id);
    await waitForDoc(
      probe.doc,
      'the change to be relayed',
      () => readFields(probe.doc, 'idea').status === 'testing',
    );
    const { items } = await api<{
      items: Array<{ id: string; title: string; status: string; updatedBy: string }>;
    }>('GET', `/labs/${workspace.labId}/items`);
    expect(items.find((i) => i.id === item.id)).toMatchObject({
      title: 'Call bell within reach at every handover',
      status: 'testing',
      updatedBy: workspace.owner.user.id,
    });
  });

  it('renaming through the API updates the document that open clients see', async () => {
    const { item } = await api<{ item: { id: string } }>('POST', `/labs/${workspace.labId}/items`, {
      kind: 'note',
      title: 'Draft',
    });
    const client = connect(item.id);
    await client.whenSynced();
    await api('PATCH', `/items/${item.id}`, { title: 'Notes from the patient panel' });
    await waitForDoc(
      client.doc,
      'the new title',
      () => client.doc.getMap('meta').get('title') === 'Notes from the patient panel',
    );
  });

  it('migrates a document of an older schema when it is loaded', async () => {
    const old = new Y.Doc();
    old.getMap('meta').set('title', 'Old note');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Kept through the upgrade.')]);
    old.getXmlFragment(LEGACY_NOTE_BODY).insert(0, [paragraph]);
    await workspace.server.store.append('legacy-note', Y.encodeStateAsUpdate(old)).durable;
    await workspace.server.store.release('legacy-note');
    await workspace.registerDoc('legacy-note');
    const client = connect('legacy-note');
    await client.whenSynced();
    expect(section(client.doc, 'body').toString()).toContain('Kept through the upgrade.');
    expect(client.doc.getMap('meta').get('kind')).toBe('note');
    expect(readRows(client.doc, 'nothing')).toEqual([]);
  });
});
