/**
 * What the summary and the measures say in every format, read with tools that share no code
 * with the exporter: each measure's Making Data Count variation and assurance icons are pictures
 * with their names as text alternatives (HTML, Markdown, Word, PDF, the poster and the slides);
 * each chart has its data table (period, value, centre line, limits, signal) in every report
 * format; and the poster draws the driver diagram as a picture, tagged with its words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { createMemoryLogger } from '../../server/logger';
import { formatNumber } from '../../shared/charts/chart-number';
import { chartView } from '../../shared/charts/chart-view';
import { DEMO_LAB } from '../../shared/demo';
import { addRow, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { addItem } from '../helpers/accounts';
import { exportApi, serve } from '../helpers/export-api';
import { markupText } from '../helpers/internal-codes';
import { officeFileText, pdfToText, zipEntries, zipEntry } from '../helpers/outside-read';
import { readPdf } from '../helpers/pdf-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Waiting times, higher is better: steady, then one far above the limits; the target is easy. */
const VALUES = [30, 32, 29, 31, 33, 30, 28, 31, 30, 29, 32, 31, 30, 45];
const VARIATION = 'Variation: Special cause improvement (high)';
const ASSURANCE = 'Assurance: Consistently passing the target';
const ICONS = [VARIATION, ASSURANCE];

describe('icons, data tables and pictures in every format', () => {
  let workspace: TestWorkspace;
  let api: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    await seedDemoLab(
      { meta, store, logger: createMemoryLogger(), now: () => new Date() },
      workspace.owner.user,
    );
    const measure = new Y.Doc();
    initItemDoc(measure, 'measure', 'Waiting time');
    setFieldValue(measure, 'measure', 'direction', 'up');
    setFieldValue(measure, 'measure', 'target', 20);
    setFieldValue(measure, 'measure', 'recordedAs', 'values');
    setFieldValue(measure, 'measure', 'rules', 'mdc');
    setFieldValue(measure, 'measure', 'controlChart', 'xmr');
    VALUES.forEach((value, i) => {
      addRow(measure, 'measure', 'points', `w${i}`, {
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value,
      });
    });
    await store.append('spc-measure', Y.encodeStateAsUpdate(measure)).durable;
    await addItem(meta, DEMO_LAB.id, 'spc-measure', { kind: 'measure', sharing: 'final' });
    await meta.updateItem('spc-measure', { title: 'Waiting time', order: 100 });
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
    return Buffer.from(await response.arrayBuffer());
  };

  it('html: each icon is an SVG that names itself, beside its words in the summary', async () => {
    const html = (await download('html')).toString('utf8');
    for (const name of ICONS) {
      const escaped = name.replace(/[()]/g, '\\$&');
      expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-label="${escaped}"`));
      expect(html).toContain(`<title>${name}</title>`);
    }
    expect(markupText(html)).toContain('Special cause improvement (high)');
  });

  it('md: each icon is an SVG image with its name as the alternative text', async () => {
    const md = (await download('md')).toString('utf8');
    for (const name of ICONS) {
      const image = new RegExp(
        `<img src="data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)" alt="${name.replace(/[()]/g, '\\$&')}"`,
      ).exec(md);
      expect(image, name).not.toBeNull();
      const svg = Buffer.from(image?.[1] ?? '', 'base64').toString('utf8');
      expect(svg).toMatch(/^<svg [^>]*role="img"/);
      expect(svg).toContain('<circle');
    }
  });

  it('docx: each icon is a picture in the summary table, described by its name', async () => {
    const file = await download('docx');
    const xml = zipEntry(file, 'word/document.xml');
    for (const name of ICONS) {
      expect(xml).toMatch(new RegExp(`<wp:docPr [^>]*descr="${name.replace(/[()]/g, '\\$&')}"`));
    }
    const media = zipEntries(file).filter((entry) => entry.startsWith('word/media/'));
    expect(media.some((entry) => entry.endsWith('.svg'))).toBe(true);
    expect(media.some((entry) => entry.endsWith('.png'))).toBe(true);
  });

  it('pdf: each icon is a tagged Figure holding drawing, named by its words', async () => {
    const reading = await readPdf(await download('pdf'));
    for (const name of ICONS) {
      const figure = reading.figures.find((f) => f.alt === name);
      expect(figure, name).toBeDefined();
      expect(figure?.content).toBeGreaterThan(0);
    }
  });

  it('poster: the icons beside the measure and the driver diagram as a tagged picture', async () => {
    const file = await download('poster');
    const reading = await readPdf(file);
    for (const name of ICONS) {
      expect(reading.figures.find((f) => f.alt === name)?.content ?? 0).toBeGreaterThan(0);
    }
    const diagram = reading.figures.find((f) => f.alt.startsWith('Driver diagram:'));
    expect(diagram?.content ?? 0).toBeGreaterThan(0);
    // Its words say every entry; the picture's own labels are drawn as text in it.
    expect(diagram?.alt).toContain('Intentional rounding at night');
    expect(diagram?.alt).toContain('Lying and standing blood pressure checked');
    const text = flat(pdfToText(file));
    for (const column of ['Primary drivers', 'Secondary drivers', 'Change ideas']) {
      expect(text).toContain(column);
    }
    // No room for the data tables: the poster says where they are.
    expect(text).toContain(
      'Each chart’s data table (values, centre line, limits and signals) is in the lab report.',
    );
  });

  it('pptx: the icons are pictures with their names, and the driver diagram a picture', async () => {
    const file = await download('pptx');
    const slides = zipEntries(file)
      .filter((entry) => /^ppt\/slides\/slide\d+\.xml$/.test(entry))
      .map((entry) => zipEntry(file, entry))
      .join('\n');
    for (const name of ICONS) {
      expect(slides).toMatch(new RegExp(`<p:cNvPr [^>]*descr="${name.replace(/[()]/g, '\\$&')}"`));
    }
    expect(slides).toMatch(/<p:cNvPr [^>]*descr="Driver diagram: /);
    expect(zipEntries(file).some((entry) => /^ppt\/media\/.+\.png$/.test(entry))).toBe(true);
  });

  // The chart's table as the shared view-model computes it: every row's centre and limits.
  const view = chartView(
    VALUES.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value })),
    { rules: 'mdc', chart: 'xmr', title: 'Waiting time', direction: 'up', target: 20 },
  );

  const READERS: ReadonlyArray<readonly [string, (file: Buffer) => string]> = [
    ['docx', officeFileText],
    ['pdf', (file) => pdfToText(file)],
    ['md', (file) => markupText(file.toString('utf8'))],
    ['html', (file) => markupText(file.toString('utf8'))],
  ];

  for (const [format, read] of READERS) {
    it(`${format}: the chart's data table gives each period's value, centre, limits and signal`, async () => {
      const text = flat(read(await download(format)));
      expect(text).toContain('Data for Waiting time');
      for (const head of ['Period', 'Value', 'Mean', 'Lower limit', 'Upper limit', 'Signal']) {
        expect(text).toContain(head);
      }
      const last = view.points[view.points.length - 1];
      expect(last?.cls).toBe('special_cause_improvement');
      for (const value of [last?.centre, last?.lower, last?.upper]) {
        expect(text).toContain(formatNumber(value ?? Number.NaN));
      }
      expect(text).toContain('outside limits');
    });
  }
});
