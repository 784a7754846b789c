/**
 * Every export speaks the screens' words: no stored choice value, chart code or snake_case
 * identifier in any format. The lab holds the demo's content plus items whose choices the demo
 * does not use (a control chart, an idea seen elsewhere), with drafts, comments and who took part
 * included; each file is read with tools that share no code with the exporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import { addRow, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { addItem, addPerson, type TestPerson } from '../helpers/accounts';
import { exportApi, serve } from '../helpers/export-api';
import { internalCodes, markupText } from '../helpers/internal-codes';
import { officeFileText, pdfToText } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('the words of every export', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };
  let admin: TestPerson;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    admin = await addPerson(meta, 'Ada Admin', { isAdmin: true });
    for (const [order, item] of DEMO_ITEMS.entries()) {
      await store.append(item.id, buildDemoDoc(item).update).durable;
      await addItem(meta, workspace.labId, item.id, { kind: item.kind });
      await meta.updateItem(item.id, { title: item.title, order: order + 1 });
    }
    const idea = new Y.Doc();
    initItemDoc(idea, 'idea', 'Borrowed idea');
    setFieldValue(idea, 'idea', 'source', 'elsewhere');
    setFieldValue(idea, 'idea', 'status', 'spread');
    setFieldValue(idea, 'idea', 'impact', 'low');
    setFieldValue(idea, 'idea', 'effort', 'hard');
    await store.append('elsewhere-idea', Y.encodeStateAsUpdate(idea)).durable;
    await addItem(meta, workspace.labId, 'elsewhere-idea', { kind: 'idea', sharing: 'final' });
    const measure = new Y.Doc();
    initItemDoc(measure, 'measure', 'Waiting time');
    setFieldValue(measure, 'measure', 'type', 'process');
    setFieldValue(measure, 'measure', 'direction', 'up');
    setFieldValue(measure, 'measure', 'recordedAs', 'values');
    setFieldValue(measure, 'measure', 'chart', 'xmr');
    setFieldValue(measure, 'measure', 'rules', 'mdc');
    setFieldValue(measure, 'measure', 'controlChart', 'xmr');
    [30, 32, 29, 31, 33, 30, 28, 31, 45, 30, 29, 32, 31, 30].forEach((value, i) => {
      addRow(measure, 'measure', 'points', `w${i}`, {
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value,
        excluded: i === 8 ? 'yes' : 'no',
        excludedReason: i === 8 ? 'IT outage' : '',
      });
    });
    await store.append('spc-measure', Y.encodeStateAsUpdate(measure)).durable;
    await addItem(meta, workspace.labId, 'spc-measure', { kind: 'measure', sharing: 'final' });
    api = await serve(exportApi(workspace));
  });

  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  const download = async (format: string) => {
    const response = await fetch(
      `${api.url}/api/labs/${workspace.labId}/export?format=${format}&include=comments,participants,drafts`,
      { headers: { authorization: `Bearer ${admin.token}` } },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  const READERS: ReadonlyArray<readonly [string, (file: Buffer) => string]> = [
    ['docx', officeFileText],
    ['pdf', (file) => pdfToText(file)],
    ['md', (file) => markupText(file.toString('utf8'))],
    ['html', (file) => markupText(file.toString('utf8'))],
  ];

  for (const [format, read] of READERS) {
    it(`${format}: says every choice in words and never an internal code`, async () => {
      const text = read(await download(format));
      // The report is there: the choices checked are in it, in the screens' words.
      expect(text).toContain('Seen elsewhere');
      expect(text).toContain('Down: lower is better');
      expect(text).toContain('Making Data Count');
      expect(internalCodes(text)).toEqual([]);
    });
  }

  // The storyboard says less (no facts lists), in the same words.
  for (const [format, read] of [
    ['poster', (file: Buffer) => pdfToText(file)],
    ['pptx', officeFileText],
  ] as const) {
    it(`${format}: never says an internal code`, async () => {
      const text = read(await download(format));
      expect(text).toContain('Changes tested (PDSA)');
      expect(internalCodes(text)).toEqual([]);
    });
  }
});
