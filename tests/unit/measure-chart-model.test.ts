/**
 * What the measure page adds to the shared chart view-model: where things go in the SVG (two
 * sigma lines, re-base boundaries, numbered marks), and one model rendered into the SVG and the
 * data table, so the table and the picture agree.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { chartModel } from '../../client/features/measures/chart-model';
import { MeasureChart } from '../../client/features/measures/MeasureChart';
import type { ChartViewPoint } from '../../shared/charts/chart-view';

const series = (values: readonly number[]): ChartViewPoint[] =>
  values.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, value }));

// Eight baseline points around 10.5, then ten above it: a shift once the median is frozen on 8.
const SHIFT = [10, 12, 9, 11, 10, 13, 9, 11, 15, 16, 14, 17, 15, 18, 16, 15, 17, 16];

describe('chart model: the SVG geometry', () => {
  it('draws two-sigma lines only when asked, and only on control charts', () => {
    const base = { title: 'T', showTwoSigma: true };
    expect(chartModel(series(SHIFT), { ...base, rules: 'mdc' }).geometry.twoSigma).toHaveLength(2);
    expect(chartModel(series(SHIFT), { ...base, rules: 'ihi' }).geometry.twoSigma).toHaveLength(0);
    expect(chartModel(series(SHIFT), { rules: 'mdc', title: 'T' }).geometry.twoSigma).toHaveLength(
      0,
    );
  });

  it('draws a boundary where a segment is re-based, and numbers the marks on the time axis', () => {
    const points = series([1, 2, 3, 4, 5]).map((p, i) => ({
      ...p,
      note: i === 1 || i === 3 ? `note ${i}` : '',
      pdsa: i === 2 ? 'Cycle 1' : null,
      rebaseReason: i === 3 ? 'New process' : null,
    }));
    const model = chartModel(points, { rules: 'ihi', title: 'T' });
    expect(model.geometry.rebases).toHaveLength(1);
    expect(model.geometry.annotations.map((m) => m.label)).toEqual(['A1', 'A2']);
    expect(model.geometry.pdsa.map((m) => m.label)).toEqual(['P1']);
  });
});

describe('MeasureChart renders one model into the SVG and the table', () => {
  it('marks in the SVG exactly the points whose table row lists a signal', () => {
    const html = renderToStaticMarkup(
      createElement(MeasureChart, {
        points: series(SHIFT),
        options: { rules: 'ihi', title: 'T', baseline: 8, direction: 'up' },
      }),
    );
    const markers = [
      ...html.matchAll(/data-index="(\d+)" data-class="([a-z_]+)" data-signals="([a-z_ ]*)"/g),
    ];
    expect(markers).toHaveLength(18);
    const rows = [...html.matchAll(/<tr class="nhsuk-table__row" role="row">(.*?)<\/tr>/g)].slice(
      1,
    );
    expect(rows).toHaveLength(18);
    rows.forEach((row, i) => {
      const signalled = (row[1] ?? '').includes('</span>shift</td>');
      expect(markers[i]?.[3] === 'shift').toBe(signalled);
      expect(markers[i]?.[2] !== 'common_cause').toBe(signalled);
    });
    expect(html).toContain('role="img"');
    expect(html).toMatch(/aria-describedby="([^"]+)".*id="\1"/s);
  });
});
