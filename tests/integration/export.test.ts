import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import { createDocReader, type DocReader, withDoc } from '../../server/export/doc-reader';
import { fragmentToRichDoc, richPlainText } from '../../server/export/rich-text';
import {
  addRow,
  fieldText,
  initItemDoc,
  readFields,
  readRows,
  readTitle,
  section,
} from '../../shared/documents/item-doc';
import { KINDS } from '../../shared/documents/item-kinds';
import { type Archive, ArchiveSchema } from '../../shared/schemas/archive';
import type { ItemKind, ItemRecord } from '../../shared/schemas/records';
import { addItem, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { exportApi, serve } from '../helpers/export-api';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** What a document says, with item ids swapped for their titles so remapped copies compare equal. */
function content(doc: Y.Doc, kind: ItemKind, titleOf: (id: string) => string) {
  const swap = (value: unknown) => (typeof value === 'string' ? titleOf(value) : value);
  // Every reference to another item, read as that item's title.
  const swapAll = <T extends object>(record: T): T => {
    const copy = { ...record } as Record<string, unknown>;
    for (const key of ['ideaId', 'pdsaId', 'fromBoard'])
      if (key in copy) copy[key] = swap(copy[key]);
    return copy as T;
  };
  const fields = swapAll(readFields(doc, kind));
  const lists = Object.fromEntries(
    Object.keys(KINDS[kind].lists).map((name) => [name, readRows(doc, name).map(swapAll)]),
  );
  const sections = Object.fromEntries(
    Object.keys(KINDS[kind].sections).map((name) => {
      const rich = fragmentToRichDoc(section(doc, name));
      return [name, { json: rich, text: richPlainText(rich) }];
    }),
  );
  return { title: readTitle(doc), fields, lists, sections };
}

describe('exporting and importing a lab', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };
  let reader: DocReader;
  let admin: TestPerson;
  let observer: TestPerson;
  let reviewer: TestPerson;

  const get = (person: TestPerson, path: string) =>
    fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${person.token}` } });
  const post = (
    person: TestPerson,
    path: string,
    body: BodyInit,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${api.url}/api${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${person.token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });
  const labItems = (labId: string) =>
    workspace.server.meta.listItems(labId).sort((a, b) => a.order - b.order);

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    reader = createDocReader(store);
    admin = await addPerson(meta, 'Ada Admin', { isAdmin: true });
    observer = await addPerson(meta, 'Obi Observer');
    reviewer = await addPerson(meta, 'Pat Patient');
    await addMember(meta, workspace.labId, observer.user, 'observer');
    await addMember(meta, workspace.labId, reviewer.user, 'reviewer');
    // The demo lab's content, written through the DocStore as the demo seed does.
    for (const [order, item] of DEMO_ITEMS.entries()) {
      await store.append(item.id, buildDemoDoc(item).update).durable;
      await addItem(meta, workspace.labId, item.id, { kind: item.kind });
      await meta.updateItem(item.id, { title: item.title, order: order + 1 });
    }
    // Formatting the demo does not use, so the round trip covers it.
    const rich = new Y.Doc();
    initItemDoc(rich, 'note', 'Formatting');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const list = new Y.XmlElement('bulletList');
    const listItem = new Y.XmlElement('listItem');
    const inList = new Y.XmlElement('paragraph');
    inList.insert(0, [new Y.XmlText('First point')]);
    listItem.insert(0, [inList]);
    list.insert(0, [listItem]);
    section(rich, 'body').insert(0, [paragraph, list]);
    // Formats go on once the text is in the document.
    text.insert(0, 'See ');
    text.insert(4, 'the guidance', { link: { href: 'https://example.org/guide' } });
    text.insert(text.length, ' now', { bold: true });
    await store.append('rich-note', Y.encodeStateAsUpdate(rich)).durable;
    await addItem(meta, workspace.labId, 'rich-note', { kind: 'note', sharing: 'final' });
    await meta.updateItem('rich-note', {
      title: 'Formatting',
      order: 20,
      archivedAt: new Date().toISOString(),
    });
    api = await serve(
      exportApi(workspace, {
        comments: async (_labId, itemIds) =>
          itemIds.includes('demo-problem')
            ? [
                {
                  itemId: 'demo-problem',
                  author: 'Pat Patient',
                  profession: 'Patient',
                  body: 'Ask families about nights too.',
                  quote: 'at night',
                  status: 'resolved',
                  response: 'We added families to the interviews.',
                },
              ]
            : [],
      }),
    );
  });
  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  it('downloads the lab in every format as an attachment, and audits each export', async () => {
    const expected: Record<string, [string, RegExp]> = {
      docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', /^PK/],
      pdf: ['application/pdf', /^%PDF-1\.7/],
      md: ['text/markdown; charset=utf-8', /^# Lab /],
      html: ['text/html; charset=utf-8', /^<!doctype html>/],
      json: ['application/json; charset=utf-8', /^\{/],
      csv: ['text/csv; charset=utf-8; header=present', /^\uFEFFmeasure,period,value,note\r\n/],
    };
    for (const [format, [type, start]] of Object.entries(expected)) {
      const response = await get(
        workspace.owner,
        `/labs/${workspace.labId}/export?format=${format}&include=drafts,participants,comments`,
      );
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      // The lab's title ("Lab <random id>") becomes a safe file name: lower case,
      // runs of anything else as one dash, no dash at either end of the name.
      const name = format === 'json' ? '-archive.json' : `.${format}`;
      const disposition = response.headers.get('content-disposition') ?? '';
      const file = /^attachment; filename="([^"]+)"$/.exec(disposition)?.[1] ?? '';
      expect(file.endsWith(name), disposition).toBe(true);
      expect(file.slice(0, -name.length)).toMatch(/^lab(-[a-z0-9]+)+$/);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.toString(format === 'docx' || format === 'pdf' ? 'latin1' : 'utf8')).toMatch(
        start,
      );
    }
    const audits = workspace.server.meta
      .listAudit(workspace.labId, 100)
      .filter((event) => event.type === 'export.created');
    expect(audits.map((event) => event.details.format).sort()).toEqual([
      'csv',
      'docx',
      'html',
      'json',
      'md',
      'pdf',
    ]);
    expect(audits[0]?.actorId).toBe(workspace.owner.user.id);
    expect(audits[0]?.details.include).toBe('comments,participants,drafts');
  });

  it('puts who took part and reviewers’ comments in the report when asked', async () => {
    const html = await (
      await get(
        workspace.owner,
        `/labs/${workspace.labId}/export?format=html&include=drafts,participants,comments`,
      )
    ).text();
    expect(html).toContain('<h2>Who took part</h2>');
    expect(html).toContain('<td>Nurse</td><td>3</td>');
    expect(html).toContain('We added families to the interviews.');
    expect(html).not.toContain('@example.org');
    const bare = await (
      await get(workspace.owner, `/labs/${workspace.labId}/export?format=html`)
    ).text();
    // Without "drafts", the demo's draft items are left out; the archived item always is.
    expect(bare).toContain('This lab has no items to report yet.');
    expect(bare).not.toContain('Who took part');
    expect(html).not.toContain('First point');
  });

  it('imports its JSON archive as a new lab whose documents equal the originals', async () => {
    const response = await get(
      workspace.owner,
      `/labs/${workspace.labId}/export?format=json&include=drafts,participants,comments`,
    );
    const text = await response.text();
    const archive: Archive = ArchiveSchema.parse(JSON.parse(text));
    expect(archive.items).toHaveLength(DEMO_ITEMS.length + 1);
    expect(archive.members.map((m) => m.name).sort()).toEqual([
      'Obi Observer',
      'Olivia Owner',
      'Pat Patient',
    ]);
    expect(text).not.toMatch(/@example\.org|scrypt\$|passwordHash/);
    expect(archive.comments).toHaveLength(1);

    const imported = await post(admin, '/labs/import', text);
    expect(imported.status).toBe(201);
    const { lab } = (await imported.json()) as {
      lab: { id: string; title: string; myRole: string };
    };
    expect(lab.id).not.toBe(workspace.labId);
    expect(lab.myRole).toBe('facilitator');
    const { meta } = workspace.server;
    expect(meta.listMembers(lab.id).map((m) => [m.userId, m.role])).toEqual([
      [admin.user.id, 'facilitator'],
    ]);

    const originals = labItems(workspace.labId);
    const copies = labItems(lab.id);
    expect(copies).toHaveLength(originals.length);
    const titleIn = (items: ItemRecord[]) => (id: string) =>
      items.find((i) => i.id === id)?.title ?? `missing:${id}`;
    for (const [index, original] of originals.entries()) {
      const copy = copies[index] as ItemRecord;
      expect(copy.id).not.toBe(original.id);
      const pick = ({ kind, title, status, sharing, order, archivedAt }: ItemRecord) => ({
        kind,
        title,
        status,
        sharing,
        order,
        archivedAt,
      });
      expect(pick(copy)).toEqual(pick(original));
      const before = await withDoc(reader, original.id, (d) =>
        content(d, original.kind, titleIn(originals)),
      );
      const after = await withDoc(reader, copy.id, (d) => content(d, copy.kind, titleIn(copies)));
      expect(after).toEqual(before);
    }
    // References now point at the new lab's items.
    const newIdea = copies.find(
      (i) => i.title === 'Intentional rounding at night with a toilet offer',
    );
    const cycle = copies.find((i) => i.kind === 'pdsa');
    expect(await withDoc(reader, cycle?.id ?? '', (d) => readFields(d, 'pdsa').ideaId)).toBe(
      newIdea?.id,
    );
    const drivers = copies.find((i) => i.kind === 'drivers');
    const ideaIds = await withDoc(reader, drivers?.id ?? '', (d) =>
      readRows(d, 'nodes').flatMap((row) => (row.ideaId ? [row.ideaId] : [])),
    );
    expect(ideaIds.length).toBe(3);
    expect(ideaIds.every((id) => copies.some((i) => i.id === id && i.kind === 'idea'))).toBe(true);

    const audit = meta.listAudit(lab.id, 10).find((event) => event.type === 'lab.created');
    expect(audit?.details).toMatchObject({ importedItems: originals.length });
  });

  it('opens an imported document through the sync layer like any other', async () => {
    const text = await (
      await get(workspace.owner, `/labs/${workspace.labId}/export?format=json&include=drafts`)
    ).text();
    const imported = await post(admin, '/labs/import', text);
    const { lab } = (await imported.json()) as { lab: { id: string } };
    const problem = labItems(lab.id).find((item) => item.kind === 'problem');
    const client = connectStockClient(workspace.url, problem?.id ?? '', workspace.auth(admin));
    try {
      await client.whenSynced();
      expect(fieldText(client.doc, 'aimWhat').toString()).toBe('Inpatient falls');
    } finally {
      client.destroy();
    }
  });

  it('includes edits that are still in an open room', async () => {
    const itemId = await addItem(workspace.server.meta, workspace.labId, 'live-measure', {
      kind: 'measure',
      sharing: 'final',
    });
    await workspace.server.registry.change(itemId, (d) =>
      initItemDoc(d, 'measure', 'Live measure'),
    );
    const writer = connectStockClient(workspace.url, itemId, workspace.auth());
    const watcher = connectStockClient(workspace.url, itemId, workspace.auth());
    try {
      await Promise.all([writer.whenSynced(), watcher.whenSynced()]);
      for (const [i, value] of [3, 5, 4].entries()) {
        addRow(writer.doc, 'measure', 'points', `p${i}`, {
          period: `2026-0${i + 1}`,
          value,
          note: '',
        });
      }
      // The server broadcasts an update only after appending it to the store.
      await waitForDoc(
        watcher.doc,
        'the rows to reach another client',
        () => readRows(watcher.doc, 'points').length === 3,
      );
      // Read as bytes: `text()` would drop the byte order mark.
      const response = await get(observer, `/items/${itemId}/export?format=csv`);
      const csv = Buffer.from(await response.arrayBuffer()).toString('utf8');
      expect(csv).toBe(
        '\uFEFFmeasure,period,value,note\r\nLive measure,2026-01,3,\r\nLive measure,2026-02,5,\r\nLive measure,2026-03,4,\r\n',
      );
    } finally {
      writer.destroy();
      watcher.destroy();
    }
  });

  it('exports a single item for those who may read it, not for reviewers who only comment', async () => {
    const { meta } = workspace.server;
    await meta.updateItem('demo-measure-falls', { sharing: 'open_for_comment' });
    const asObserver = await get(observer, '/items/demo-measure-falls/export?format=pdf');
    expect(asObserver.status).toBe(200);
    expect(asObserver.headers.get('content-disposition')).toBe(
      'attachment; filename="falls-per-1-000-occupied-bed-days.pdf"',
    );
    expect((await get(reviewer, '/items/demo-measure-falls/export?format=pdf')).status).toBe(403);
    expect((await get(reviewer, '/items/demo-problem/export?format=pdf')).status).toBe(404);
    const audit = meta
      .listAudit(workspace.labId, 100)
      .find((e) => e.details.itemId === 'demo-measure-falls');
    expect(audit).toMatchObject({
      type: 'export.created',
      actorId: observer.user.id,
      details: { format: 'pdf' },
    });
    await meta.updateItem('demo-measure-falls', { sharing: 'draft' });
  });

  it('answers bad export requests with a clear 400', async () => {
    const cases: Array<[string, string]> = [
      [
        `/labs/${workspace.labId}/export?format=exe`,
        'Choose a format: docx, pdf, md, html, json, csv, poster, pptx.',
      ],
      [
        `/labs/${workspace.labId}/export?format=md&include=emails`,
        '"include" may list: comments, participants, drafts.',
      ],
      ['/items/demo-problem/export?format=json', 'Choose a format: docx, pdf, md, html, csv.'],
      ['/items/demo-problem/export?format=csv', 'Only a measure has data to export as CSV.'],
    ];
    for (const [path, message] of cases) {
      const response = await get(workspace.owner, path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        message,
      );
    }
  });
});
