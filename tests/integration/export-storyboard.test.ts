/**
 * The QI storyboard poster and the slides of the demo lab, read with tools that share no code
 * with the exporter: the poster is one tagged A3 landscape page holding every section of a
 * storyboard; the slides are a title slide and one slide per section, the results with a native
 * chart, and neither says an internal code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { STORYBOARD_HEADINGS, STORYBOARD_SECTIONS } from '../../server/export/storyboard';
import { createMemoryLogger } from '../../server/logger';
import { DEMO_LAB } from '../../shared/demo';
import { exportApi, serve } from '../helpers/export-api';
import { internalCodes } from '../helpers/internal-codes';
import { officeFileText, pdfInfo, pdfToText, zipEntries, zipEntry } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the storyboard poster and the slides', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    await seedDemoLab(
      { meta, store, logger: createMemoryLogger(), now: () => new Date() },
      workspace.owner.user,
    );
    api = await serve(exportApi(workspace));
  });

  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  const download = async (format: string) => {
    const response = await fetch(
      `${api.url}/api/labs/${DEMO_LAB.id}/export?format=${format}&include=participants`,
      { headers: { authorization: `Bearer ${workspace.owner.token}` } },
    );
    expect(response.status).toBe(200);
    return {
      name: /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1],
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  it('the poster is one tagged A3 landscape page with every section of a storyboard', async () => {
    const { name, type, body } = await download('poster');
    expect(type).toBe('application/pdf');
    expect(name).toMatch(/-storyboard\.pdf$/);
    const info = pdfInfo(body);
    expect(info.get('Pages')).toBe('1');
    expect(info.get('Page size')).toMatch(/^1190\.55 x 841\.89 pts \(A3\)$/);
    expect(info.get('Tagged')).toBe('yes');
    const text = flat(pdfToText(body));
    expect(text).toContain(DEMO_LAB.title);
    for (const id of STORYBOARD_SECTIONS) expect(text).toContain(STORYBOARD_HEADINGS[id]);
    // Filled from the lab: the aim, a PDSA decision, the chart's marks, the learning, a contact.
    for (const words of [
      'Reduce inpatient falls for patients on Ward 7',
      'decision: Adopt',
      'P1',
      'Night rounds that always offer the toilet',
    ]) {
      expect(text).toContain(words);
    }
    expect(internalCodes(text)).toEqual([]);
  });

  it('the slides are a title slide and one slide per section, with a native chart of the results', async () => {
    const { name, type, body } = await download('pptx');
    expect(type).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(name).toMatch(/-slides\.pptx$/);
    const entries = zipEntries(body);
    const slides = entries.filter((entry) => /^ppt\/slides\/slide\d+\.xml$/.test(entry));
    expect(slides).toHaveLength(1 + STORYBOARD_SECTIONS.length);
    const charts = entries.filter((entry) => /^ppt\/charts\/chart\d+\.xml$/.test(entry));
    expect(charts).toHaveLength(1);
    const chartXml = zipEntry(body, charts[0] ?? '');
    expect(chartXml).toContain('<c:lineChart>');
    expect(chartXml).toContain('2026-10 (A1 P1)');
    const text = officeFileText(body);
    for (const id of STORYBOARD_SECTIONS) expect(text).toContain(STORYBOARD_HEADINGS[id]);
    expect(text).toContain('Reduce inpatient falls for patients on Ward 7');
    expect(internalCodes(text)).toEqual([]);
  });
});
