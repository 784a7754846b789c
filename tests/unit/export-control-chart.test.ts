/**
 * A measure drawn as Laney's p′ chart in a report: the chart type in words, limits per point
 * drawn as steps in the SVG (HTML and Markdown) and the PDF drawing's geometry, every point's
 * own limits in the data table, and the annotation kept. An older XmR measure (no control chart
 * stored) reports exactly as before.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Block } from '../../server/export/blocks';
import { chartGeometry } from '../../server/export/chart-geometry';
import { renderDocument } from '../../server/export/export-formats';
import { readItem } from '../../server/export/read-item';
import { itemReportDocument } from '../../server/export/report-layout';
import type { MeasureReport } from '../../server/export/report-model';
import { addRow, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';

// Eight weeks of NHS A&E attendances seen within four hours (qicharts2's nhs_accidents data).
const SEEN = [266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778];
const ATTENDED = [280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251];

function measure(controlChart: string | null): MeasureReport {
  const doc = new Y.Doc();
  initItemDoc(doc, 'measure', 'Seen within 4 hours');
  setFieldValue(doc, 'measure', 'rules', 'mdc');
  setFieldValue(doc, 'measure', 'chart', 'xmr');
  setFieldValue(doc, 'measure', 'recordedAs', 'proportions');
  if (controlChart) setFieldValue(doc, 'measure', 'controlChart', controlChart);
  SEEN.forEach((numerator, i) => {
    addRow(doc, 'measure', 'points', `r${i}`, {
      period: `week ${i + 1}`,
      numerator,
      denominator: ATTENDED[i] ?? 1,
      note: i === 4 ? 'Escalation huddle started' : '',
    });
  });
  const item = readItem(doc, { id: 'm1', kind: 'measure', title: 'Seen within 4 hours' });
  if (item.kind !== 'measure') throw new Error('not a measure');
  return item;
}

function documentOf(item: MeasureReport) {
  return itemReportDocument({
    lab: { title: 'ED flow', challenge: '', phase: 'test', startDate: null, endDate: null },
    exportedAt: '2026-11-20T10:00:00.000Z',
    item,
  });
}

const tableOf = (blocks: readonly Block[]) => {
  const table = blocks.find((b) => b.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no data table');
  return table;
};

describe('a p′ chart in a report', () => {
  it('names the chart, keeps each point’s limits and the annotation in the data table', () => {
    const item = measure('pp');
    expect(item.chart?.chart).toBe('pp');
    expect(item.chart?.chartName).toBe(
      'p′ chart (proportion, Laney’s adjustment), Making Data Count rules',
    );
    expect(item.chart?.summary).toMatch(
      /^p′ chart \(proportion, Laney’s adjustment\), Making Data Count rules of Seen within 4 hours: 8 points/,
    );
    expect(item.chart?.summary).toContain('process limits stepping with each denominator');
    const blocks = documentOf(item).blocks;
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      text: 'Chart: p′ chart (proportion, Laney’s adjustment), Making Data Count rules.',
      style: 'meta',
    });
    const table = tableOf(blocks);
    expect(table.head).toEqual([
      'Period',
      'Value',
      'Overall proportion',
      'Lower limit',
      'Upper limit',
      'Signal',
      'Marks and notes',
    ]);
    // Each row carries its own limits, to five decimals: they differ in the fourth. Week 1:
    // p̄ = 0.950378, σz = 10.0713, p̄ − 3 σz √(p̄(1 − p̄)/280,443) = 0.937988.
    expect(table.rows[0]?.[3]).toBe('0.93799');
    expect(new Set(table.rows.map((row) => row[3])).size).toBeGreaterThan(4);
    expect(table.rows[4]?.[6]).toBe('A1: Escalation huddle started');
    // The facts list no raw "pp" nor the older "xmr" choice: the chart is named in words.
    expect(item.facts.map((fact) => fact.label)).not.toContain('Chart');
    expect(item.facts.map((fact) => fact.value)).not.toContain('pp');
  });

  it('draws the varying limits as steps: vertical at each change, never slanting', () => {
    const chart = measure('pp').chart;
    if (!chart) throw new Error('no chart');
    const g = chartGeometry(chart, 600, 300);
    const [upper] = g.upper;
    expect(upper && upper.length > 2 * 2).toBe(true);
    // Every stroke of a step line is horizontal or vertical.
    upper?.forEach((p, i) => {
      const q = upper[i + 1];
      if (q) expect(p.x === q.x || p.y === q.y).toBe(true);
    });
  });

  it('renders the stepped limits into the HTML chart', async () => {
    const html = (await renderDocument('html', documentOf(measure('pp')))) as string;
    // The lower and upper limit lines (the legend's sample line has two points).
    const limitLines = [...html.matchAll(/<polyline points="([^"]+)"[^>]*stroke="#768692"/g)]
      .map(([, points]) => (points ?? '').split(' ').length)
      .filter((corners) => corners > 2);
    expect(limitLines).toHaveLength(2);
    expect(Math.min(...limitLines)).toBeGreaterThan(4);
    expect(html).toContain('Chart: p′ chart (proportion, Laney’s adjustment)');
  });

  it('reports a measure stored before control charts as the XmR chart it always was', () => {
    const item = measure(null);
    expect(item.chart?.chart).toBe('xmr');
    expect(item.chart?.chartName).toBe('XmR chart (SPC), Making Data Count rules');
    const g = item.chart ? chartGeometry(item.chart, 600, 300) : null;
    expect(g?.upper.map((line) => line.length)).toEqual([2]);
  });
});
