/**
 * Every signal and every PDSA and annotation mark the measure page shows appears in each export
 * format, the slides included (each marked point a marker of its class on the native chart). The page's chart is computed as the page computes it (its own readers of the measure
 * document, named cycles from the lab's items, its chart options), the exports are downloaded
 * from the demo lab, and each file is read with tools that share no code with the exporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chartOptions,
  chartPoints,
  readDefinition,
  readPointRows,
} from '../../client/features/measures/measure-data';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { createDocReader, withDoc } from '../../server/export/doc-reader';
import { createMemoryLogger } from '../../server/logger';
import { CLASS_STYLES, classLegend } from '../../shared/charts/chart-labels';
import { type ChartView, chartView } from '../../shared/charts/chart-view';
import { chartMarks } from '../../shared/charts/chart-words';
import { DEMO_LAB } from '../../shared/demo';
import { readTitle } from '../../shared/documents/item-doc';
import { exportApi, serve } from '../helpers/export-api';
import { markupText } from '../helpers/internal-codes';
import { officeFileText, pdfToText, zipEntries, zipEntry } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the measure page’s signals and marks in every export', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };
  let screen: ChartView;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    await seedDemoLab(
      { meta, store, logger: createMemoryLogger(), now: () => new Date() },
      workspace.owner.user,
    );
    const names = new Map(
      meta
        .listItems(DEMO_LAB.id)
        .filter((item) => item.kind === 'pdsa')
        .map((item) => [item.id, item.title]),
    );
    screen = await withDoc(createDocReader(store), 'demo-measure-falls', (doc) => {
      const definition = readDefinition(doc);
      const { points } = chartPoints(readPointRows(doc), definition.recordedAs, names);
      return chartView(points, chartOptions(definition, readTitle(doc), false));
    });
    api = await serve(exportApi(workspace));
  });

  afterAll(async () => {
    await api?.close();
    await workspace?.stop();
  });

  const download = async (format: string) => {
    const response = await fetch(`${api.url}/api/labs/${DEMO_LAB.id}/export?format=${format}`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('the page’s chart has signals, PDSA marks and an annotation to look for', () => {
    expect(screen.signals.length).toBeGreaterThan(0);
    const marks = chartMarks(screen).map((mark) => mark.text);
    expect(marks).toEqual([
      'A1, 2026-10: Rounding cycle 2',
      'P1, 2026-10: after PDSA cycle Rounding, cycle 1',
      'P2, 2026-11: after PDSA cycle Rounding, cycle 2a',
    ]);
  });

  const READERS: ReadonlyArray<readonly [string, (file: Buffer) => string]> = [
    ['docx', officeFileText],
    ['pdf', (file) => pdfToText(file)],
    ['md', (file) => markupText(file.toString('utf8'))],
    ['html', (file) => markupText(file.toString('utf8'))],
    ['pptx', officeFileText],
  ];

  for (const [format, read] of READERS) {
    it(`${format}: every signal and mark on the page is in the export`, async () => {
      const text = flat(read(await download(format)));
      for (const signal of screen.signals) expect(text).toContain(flat(signal.text));
      for (const mark of chartMarks(screen)) expect(text).toContain(mark.text);
    });
  }

  it('docx: the native chart labels the marked points P1, P2 and A1', async () => {
    const file = await download('docx');
    const chart = zipEntries(file).find((entry) => /^word\/charts\/chart\d+\.xml$/.test(entry));
    expect(chart).toBeDefined();
    const xml = zipEntry(file, chart ?? '');
    for (const label of ['A1 P1', 'P2']) expect(xml).toContain(`<a:t>${label}</a:t>`);
  });

  it('pptx: the native chart has a marker at every point the page marks, of its class', async () => {
    const file = await download('pptx');
    const chart = zipEntries(file).find((entry) => /^ppt\/charts\/chart\d+\.xml$/.test(entry));
    expect(chart).toBeDefined();
    const xml = zipEntry(file, chart ?? '');
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => {
      const body = match[1] ?? '';
      const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1] ?? '';
      const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? '';
      const points = [...values.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)]
        .filter((pt) => pt[2] !== '')
        .map((pt) => Number(pt[1]));
      const symbol = /<c:marker>\s*<c:symbol val="(\w+)"/.exec(body)?.[1] ?? '';
      return { name, points, symbol };
    });
    const marked = screen.points.filter((p) => p.cls !== 'common_cause');
    expect(marked.length).toBeGreaterThan(0);
    for (const cls of new Set(marked.map((p) => p.cls))) {
      const own = series.find((s) => s.name === classLegend(cls));
      expect(own, classLegend(cls)).toBeDefined();
      // Told apart by its shape, as on the page, not by colour alone.
      const shape = CLASS_STYLES[cls].shape;
      expect(own?.symbol).toBe(shape === 'ring' ? 'dash' : shape);
      expect(own?.points).toEqual(marked.filter((p) => p.cls === cls).map((p) => p.index));
    }
  });

  it('html: the drawn chart carries the marks on its time axis', async () => {
    const html = (await download('html')).toString('utf8');
    for (const label of ['A1', 'P1', 'P2']) expect(html).toContain(`>${label}</text>`);
  });
});
