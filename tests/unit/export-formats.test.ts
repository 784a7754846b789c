/**
 * Every export format, opened with tools that did not write it: the .docx
 * unzipped and its XML read, the PDF's text, fonts and structure tree read with
 * PDF.js (`tests/helpers/pdf-read.ts`), the HTML's tags checked for balance and
 * structure, the Markdown's headings and tables. An item full of hostile text
 * (a script tag, `javascript:` and `data:` links, a spreadsheet formula) comes
 * out inert in each of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import type { ReportDocument } from '../../server/export/blocks';
import { readItems } from '../../server/export/build-report';
import { createDocReader } from '../../server/export/doc-reader';
import { renderDocument } from '../../server/export/export-formats';
import { renderMeasuresCsv } from '../../server/export/render-csv';
import { itemReportDocument, labReportDocument } from '../../server/export/report-layout';
import type { ItemReport } from '../../server/export/report-model';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import {
  addRow,
  fieldText,
  initItemDoc,
  section,
  setFieldValue,
} from '../../shared/documents/item-doc';
import { readPdf } from '../helpers/pdf-read';
import { unzip } from '../helpers/zip-read';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);
/** Checks that every tag of an HTML document is closed in order; returns the tags seen. */
function htmlTags(html: string): string[] {
  const stack: string[] = [];
  const seen: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = (rawName ?? '').toLowerCase();
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
      continue;
    }
    seen.push(name);
    if (!VOID.has(name) && !selfClosing) stack.push(name);
  }
  expect(stack).toEqual([]);
  return seen;
}

/** A note and a measure full of text that must stay text. */
function hostileDocs(): Array<{
  id: string;
  kind: 'note' | 'measure';
  title: string;
  update: Uint8Array;
}> {
  const note = new Y.Doc();
  initItemDoc(note, 'note', '<b>Bold</b> title');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  section(note, 'body').insert(0, [paragraph]);
  text.insert(
    0,
    '<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)> ',
  );
  text.insert(text.length, 'click me', { link: { href: 'javascript:alert(1)' } });
  // An empty attribute set ends the link: Yjs otherwise carries the format on.
  text.insert(text.length, ' ', {});
  text.insert(text.length, 'data link', {
    link: { href: 'data:text/html,<script>alert(4)</script>' },
  });
  text.insert(text.length, ' ', {});
  text.insert(text.length, 'safe link', { link: { href: 'https://example.org/safe' } });
  text.insert(text.length, ' =HYPERLINK("http://evil","x")', {});

  const measure = new Y.Doc();
  initItemDoc(measure, 'measure', "=cmd|' /C calc'!A0");
  fieldText(measure, 'definition').insert(0, '=HYPERLINK("http://evil","x")');
  setFieldValue(measure, 'measure', 'direction', 'down');
  [5, 6, 4, 7].forEach((value, i) => {
    addRow(measure, 'measure', 'points', `p${i}`, {
      period: `2026-0${i + 1}`,
      value,
      note: i === 0 ? '=HYPERLINK("http://evil","x")' : '@SUM(A1:A9)',
    });
  });
  return [
    { id: 'hostile-note', kind: 'note', title: 'Hostile', update: Y.encodeStateAsUpdate(note) },
    {
      id: 'hostile-measure',
      kind: 'measure',
      title: 'Hostile',
      update: Y.encodeStateAsUpdate(measure),
    },
  ];
}

describe('export formats opened with independent tools', () => {
  let report: ReportDocument;
  let hostile: ItemReport[];

  beforeAll(async () => {
    const store = createMemoryDocStore();
    for (const item of DEMO_ITEMS) await store.append(item.id, buildDemoDoc(item).update).durable;
    for (const item of hostileDocs()) await store.append(item.id, item.update).durable;
    const reader = createDocReader(store);
    const items = await readItems(reader, DEMO_ITEMS);
    hostile = await readItems(reader, hostileDocs());
    report = labReportDocument({
      lab: {
        title: 'Ward 7 falls',
        challenge: 'Fewer falls at night',
        phase: 'test',
        startDate: null,
        endDate: null,
      },
      exportedAt: '2026-11-20T10:00:00.000Z',
      items,
      participants: [{ profession: 'Nurse', count: 3 }],
      comments: null,
    });
  });

  const hostileNote = () => {
    const [note] = hostile;
    if (!note) throw new Error('no hostile note');
    return itemReportDocument({
      lab: { title: '<i>Lab</i>', challenge: '', phase: 'test', startDate: null, endDate: null },
      exportedAt: '2026-11-20T10:00:00.000Z',
      item: note,
    });
  };

  it('writes Word with heading styles, tables and a native chart', async () => {
    const files = unzip((await renderDocument('docx', report)) as Buffer);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    for (const level of [1, 2, 3, 4, 5])
      expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`);
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(5);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Reduce inpatient falls for patients on Ward 7');
    expect(xml).toContain('Predictions against results');
    expect(xml).toContain('Change idea: Call bell check at handover (strong link)');
    expect([...files.keys()]).toContain('word/charts/chart1.xml');
    expect(files.get('word/charts/chart1.xml')?.toString('utf8')).toContain(
      'Falls per 1,000 occupied bed days',
    );
    expect(files.get('word/styles.xml')?.toString('utf8')).toContain('w:val="en-GB"');
  });

  it('writes a tagged PDF whose text and structure an independent reader can read', async () => {
    const pdf = (await renderDocument('pdf', report)) as Buffer;
    const reading = await readPdf(pdf);
    const text = reading.text;
    for (const expected of [
      'Ward 7 falls',
      'Problem and aim',
      'Driver diagram',
      'Change ideas and PDSA cycles',
      'Predictions against results',
      'Measures',
      'Who took part',
      'Run chart, IHI rules of Falls per 1,000 occupied bed days',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027.',
    );
    expect(reading.tagged).toBe(true);
    expect(reading.title).toBe('Ward 7 falls');
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
      expect(reading.roles).toContain(tag);
    }
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('writes HTML with balanced tags, headings, captioned tables and an SVG per chart', async () => {
    const html = (await renderDocument('html', report)) as string;
    const tags = htmlTags(html);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none';`,
    );
    expect(tags.filter((t) => t === 'h1')).toHaveLength(1);
    expect(tags.filter((t) => t === 'h2').length).toBeGreaterThanOrEqual(5);
    expect(tags.filter((t) => t === 'table').length).toBe(
      tags.filter((t) => t === 'caption').length,
    );
    expect(html.match(/<svg [^>]*aria-labelledby="chart-/g)).toHaveLength(1);
    expect(html.match(/<svg [^>]*aria-labelledby="diagram-/g)).toHaveLength(1);
    expect(html).toContain('<th scope="col">Prediction</th>');
    expect(html).not.toContain('<script');
  });

  it('writes Markdown with headings, tables and the chart as an HTML block', async () => {
    const md = (await renderDocument('md', report)) as string;
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Ward 7 falls');
    expect(lines).toContain('## Problem and aim');
    expect(lines).toContain('## Measures');
    expect(lines).toContain('| Question | Prediction | Result | What we learned |');
    expect(lines).toContain('| --- | --- | --- | --- |');
    // The measure's chart, and the driver diagram, fishbone and process map as pictures.
    expect(lines.filter((line) => line.startsWith('<figure><svg '))).toHaveLength(4);
    expect(lines).toContain('- Aim: Reduce falls to 4.0 per 1,000 bed days by March');
    expect(lines).toContain('| Period | Value | Median | Signal | Marks and notes |');
    expect(lines).toContain(
      '| 2026-10 | 4.8 | 5.45 | Special cause improvement: shift | A1: Rounding cycle 2; P1: PDSA cycle a PDSA cycle |',
    );
  });

  it('renders an empty lab and items with little in them in every format', async () => {
    const store = createMemoryDocStore();
    const sparse: Array<{
      id: string;
      kind: 'drivers' | 'measure' | 'problem' | 'pdsa';
      title: string;
    }> = [
      { id: 'empty-drivers', kind: 'drivers', title: '' },
      { id: 'one-point', kind: 'measure', title: 'One point' },
      { id: 'no-aim', kind: 'problem', title: 'No aim yet' },
      { id: 'lonely-cycle', kind: 'pdsa', title: 'Lonely cycle' },
    ];
    const onePoint = new Y.Doc();
    initItemDoc(onePoint, 'measure', 'One point');
    addRow(onePoint, 'measure', 'points', 'p1', { period: '2026-01', value: 3, note: '' });
    await store.append('one-point', Y.encodeStateAsUpdate(onePoint)).durable;
    const items = await readItems(createDocReader(store), sparse);
    const lab = {
      title: 'Empty',
      challenge: '',
      phase: 'understand' as const,
      startDate: null,
      endDate: null,
    };
    for (const doc of [
      labReportDocument({
        lab,
        exportedAt: '2026-11-20T10:00:00Z',
        items: [],
        participants: [],
        comments: [],
      }),
      labReportDocument({
        lab,
        exportedAt: '2026-11-20T10:00:00Z',
        items,
        participants: null,
        comments: null,
      }),
    ]) {
      for (const format of ['docx', 'pdf', 'md', 'html'] as const) {
        const out = await renderDocument(format, doc);
        expect(out.length, format).toBeGreaterThan(100);
      }
    }
    const md = (await renderDocument(
      'md',
      labReportDocument({
        lab,
        exportedAt: '2026-11-20T10:00:00Z',
        items,
        participants: null,
        comments: null,
      }),
    )) as string;
    expect(md).toContain('This driver diagram has no drivers yet.');
    expect(md).toContain('A chart needs at least two data points with a value.');
    expect(md).toContain('### PDSA cycles not linked to a change idea');
  });

  it('exports hostile text inert in HTML', async () => {
    const html = (await renderDocument('html', hostileNote())) as string;
    htmlTags(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(3)&gt;');
    expect(html).toContain('<title>&lt;b&gt;Bold&lt;/b&gt; title</title>');
    expect(html).toContain(
      '<a href="https://example.org/safe" rel="noopener noreferrer nofollow">safe link</a>',
    );
    expect(html).toContain('click me');
    expect(html).not.toMatch(/<script|<img|href="(javascript|data):/i);
    expect(html).not.toContain('javascript:alert(1)');
  });

  it('exports hostile text inert in Markdown', async () => {
    const md = (await renderDocument('md', hostileNote())) as string;
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).toContain('\\[x\\]\\(javascript:alert\\(2\\)\\)');
    expect(md).toContain('[safe link](<https://example.org/safe>)');
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/\]\(<?\s*(javascript|data):/i);
    expect(md).toContain(' click me data link ');
  });

  it('exports hostile text inert in Word', async () => {
    const files = unzip((await renderDocument('docx', hostileNote())) as Buffer);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    const rels = files.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '';
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
    expect(rels).toContain('Target="https://example.org/safe"');
    expect(rels).not.toMatch(/javascript:|data:/i);
    // The one hyperlink is the safe one; the others are plain text runs.
    expect(xml.match(/<w:hyperlink /g)).toHaveLength(1);
    expect(xml).toMatch(/<w:t xml:space="preserve">click me<\/w:t>/);
  });

  it('exports hostile text inert in PDF', async () => {
    const pdf = (await renderDocument('pdf', hostileNote())) as Buffer;
    const { text } = await readPdf(pdf);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('=HYPERLINK("http://evil","x")');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/URI (https://example.org/safe)');
    expect(raw).not.toMatch(/\/JavaScript|\/JS\b|\/Launch|javascript:|data:text/i);
  });

  it('exports hostile text inert in CSV', () => {
    const measures = hostile.filter((item) => item.kind === 'measure');
    const csv = renderMeasuresCsv(measures);
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe('measure,period,value,note');
    expect(rows[1]).toBe(`'=cmd|' /C calc'!A0,2026-01,5,"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(rows[2]).toBe(`'=cmd|' /C calc'!A0,2026-02,6,'@SUM(A1:A9)`);
    expect(rows).toHaveLength(5);
  });

  it('exports a hostile measure inert in every document format', async () => {
    const measure = hostile.find((item) => item.kind === 'measure');
    if (!measure) throw new Error('no hostile measure');
    const doc = itemReportDocument({
      lab: { title: 'Lab', challenge: '', phase: 'test', startDate: null, endDate: null },
      exportedAt: '2026-11-20T10:00:00.000Z',
      item: measure,
    });
    const html = (await renderDocument('html', doc)) as string;
    htmlTags(html);
    expect(html).toContain('<title>=cmd|&#39; /C calc&#39;!A0</title>');
    const md = (await renderDocument('md', doc)) as string;
    expect(md).toContain("# =cmd\\|' /C calc'!A0");
    const files = unzip((await renderDocument('docx', doc)) as Buffer);
    expect(files.get('word/charts/chart1.xml')?.toString('utf8')).toContain(
      '=cmd|&apos; /C calc&apos;!A0',
    );
  });
});
