/**
 * The measure page and every export say the same words about a chart. One measure document per
 * chart (a run chart with a shift and a trend, an XmR chart with a point beyond its limits, a p
 * chart with one too), read as the page reads it and drawn by the page's own component, and read
 * as the exports read it and rendered to HTML, Markdown, Word and PDF: the chart's name, its
 * summary, each signal and each point's description are the page's, word for word.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MeasureChart } from '../../client/features/measures/MeasureChart';
import {
  chartOptions,
  chartPoints,
  readDefinition,
  readPointRows,
} from '../../client/features/measures/measure-data';
import { renderDocument } from '../../server/export/export-formats';
import { readItem } from '../../server/export/read-item';
import { itemReportDocument } from '../../server/export/report-layout';
import {
  addRow,
  type FieldValue,
  fieldText,
  initItemDoc,
  readTitle,
  setFieldValue,
} from '../../shared/documents/item-doc';
import { readPdf } from '../helpers/pdf-read';
import { unzip } from '../helpers/zip-read';

type Row = Readonly<Record<string, FieldValue>>;

interface Case {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly unit?: string;
  readonly rows: readonly Row[];
  /** Words the page's summary must hold, so the data really show what the case is about. */
  readonly shows: readonly string[];
}

const weeks = (values: readonly number[]): Row[] =>
  values.map((value, i) => ({ period: `week ${i + 1}`, value }));

const CASES: readonly Case[] = [
  {
    name: 'a run chart with a shift and a trend',
    fields: { rules: 'ihi', direction: 'up', baseline: 10 },
    unit: 'patients',
    rows: weeks([10, 12, 9, 11, 10, 13, 9, 11, 10, 12, 15, 16, 17, 18, 19, 20, 21, 22]).map(
      (row, i) => (i === 12 ? { ...row, note: 'Huddle started' } : row),
    ),
    shows: ['Shift: 6 or more points', 'Trend: 5 or more points', 'special cause improvement'],
  },
  {
    name: 'an XmR chart with a point beyond its limits',
    fields: { rules: 'mdc', controlChart: 'xmr', direction: 'down', target: 18 },
    rows: weeks([20, 22, 19, 21, 23, 20, 22, 21, 19, 22, 20, 21, 35, 21, 20]).map((row, i) =>
      i === 3
        ? { ...row, excluded: 'yes', excludedReason: 'Audit incomplete' }
        : // A row whose period is not typed yet: named by its place.
          i === 6
          ? { ...row, period: '' }
          : row,
    ),
    shows: ['A point outside the process limits, week 13 (special cause concern)', 'Assurance'],
  },
  {
    name: 'a p chart with a point beyond its limits',
    fields: { rules: 'mdc', controlChart: 'p', recordedAs: 'proportions', direction: 'up' },
    rows: [
      [80, 100],
      [85, 110],
      [78, 95],
      [90, 120],
      [82, 100],
      [88, 105],
      [84, 100],
      [86, 110],
      [81, 100],
      [87, 105],
      [83, 100],
      [85, 104],
      [60, 100],
      [84, 100],
    ].map(([numerator = 0, denominator = 1], i) => ({
      period: `week ${i + 1}`,
      numerator,
      denominator,
    })),
    shows: ['stepping with each denominator', 'week 13 (special cause concern)'],
  },
];

function measureDoc(c: Case): Y.Doc {
  const doc = new Y.Doc();
  initItemDoc(doc, 'measure', 'Seen on time');
  for (const [name, value] of Object.entries(c.fields)) setFieldValue(doc, 'measure', name, value);
  if (c.unit) fieldText(doc, 'unit').insert(0, c.unit);
  c.rows.forEach((row, i) => {
    addRow(doc, 'measure', 'points', `r${i}`, row);
  });
  return doc;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};
const decode = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

function only(html: string, pattern: RegExp): string {
  const match = html.match(pattern);
  if (!match?.[1]) throw new Error(`not on the page: ${pattern}`);
  return decode(match[1]);
}

/** What the measure page shows, from the page's own reading of the document and its component. */
function pageWords(doc: Y.Doc) {
  const definition = readDefinition(doc);
  const { points } = chartPoints(readPointRows(doc), definition.recordedAs, new Map());
  const options = chartOptions(definition, readTitle(doc), false);
  const html = renderToStaticMarkup(
    createElement(MeasureChart, { points, options, announceSignals: true }),
  );
  const signalsSentence = only(html, /aria-live="polite">([^<]*)</);
  return {
    chartName: only(html, /data-testid="chart-type">([^<]*)</),
    chartTitle: only(html, /<svg[^>]*><title id="[^"]*">([^<]*)</),
    summary: only(html, /class="nhsuk-body-s measure-chart__summary" id="[^"]*">([^<]*)</),
    signalsSentence,
    // Each signal's sentence as the page lists them (split from the page's own sentence).
    signals: signalsSentence
      .replace(/^\d+ signals?: /, '')
      .replace(/\.$/, '')
      .split('; '),
    points: [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => decode(m[1] ?? '')),
  };
}

function docxParagraphs(docx: Buffer): string[] {
  const xml = unzip(docx).get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

describe('the measure page and the exports say the same words', () => {
  for (const c of CASES) {
    it(`for ${c.name}`, async () => {
      const doc = measureDoc(c);
      const page = pageWords(doc);
      for (const words of c.shows) expect(page.summary).toContain(words);
      expect(page.points).toHaveLength(c.rows.length);
      if (c.rows.some((row) => row.period === '')) expect(page.points[6]).toMatch(/^Row 7: /);

      const item = readItem(doc, { id: 'm1', kind: 'measure', title: 'Seen on time' });
      if (item.kind !== 'measure' || !item.chart) throw new Error('no chart in the export');
      const report = itemReportDocument({
        lab: { title: 'Flow', challenge: '', phase: 'test', startDate: null, endDate: null },
        exportedAt: '2026-11-20T10:00:00.000Z',
        item,
      });

      const html = (await renderDocument('html', report)) as string;
      const markdown = (await renderDocument('md', report)) as string;
      // Markdown escapes its punctuation (\( for a bracket): read it as a reader's renderer would.
      const unescaped = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      for (const text of [html, unescaped].map(decode)) {
        expect(text).toContain(`Chart: ${page.chartName}.`);
        // The picture's title and description (the summary) for screen readers.
        expect(text).toContain(`-title">${page.chartTitle}</title><desc id="`);
        expect(text).toContain(`-desc">${page.summary}</desc>`);
        for (const signal of page.signals) expect(text).toContain(signal);
        // Each point's tooltip, in order, as the page gives it.
        const titles = [...text.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
        expect(titles.filter((t) => page.points.includes(t ?? ''))).toEqual(page.points);
      }

      const docx = docxParagraphs((await renderDocument('docx', report)) as Buffer);
      expect(docx).toContain(`Chart: ${page.chartName}.`);
      expect(docx).toContain(page.summary);
      for (const signal of page.signals) expect(docx).toContain(signal);

      const pdf = oneLine((await readPdf((await renderDocument('pdf', report)) as Buffer)).text);
      expect(pdf).toContain(`Chart: ${page.chartName}.`);
      expect(pdf).toContain(oneLine(page.summary));
      for (const signal of page.signals) expect(pdf).toContain(signal);
    });
  }
});
