/**
 * The chart view-model the measure page and every export read (`shared/charts/chart-view.ts`):
 * the engine's signals turned into marked points (run-chart signals classed by the direction of
 * improvement), segment-wide rules kept off the points, re-bases and exclusions from the rows,
 * default baselines, the numbered marks, and the chart's words (summary, signals, each point).
 */
import { describe, expect, it } from 'vitest';
import { type ChartViewPoint, chartView } from '../../../shared/charts/chart-view';
import {
  describePoint,
  pointClassText,
  pointSignalNames,
  signalsSentence,
} from '../../../shared/charts/chart-words';
import { buildChart, MDC_TRIAL_LIMIT_POINTS } from '../../../shared/charts/index';

const period = (i: number) =>
  `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const series = (values: readonly number[]): ChartViewPoint[] =>
  values.map((value, i) => ({ period: period(i), value }));

// Eight baseline points around 10.5, then ten above it: a shift once the median is frozen on 8.
const SHIFT = [10, 12, 9, 11, 10, 13, 9, 11, 15, 16, 14, 17, 15, 18, 16, 15, 17, 16];

describe('chart view: run charts', () => {
  it('marks the points of an IHI shift above the median as improvement when up is better', () => {
    const model = chartView(series(SHIFT), {
      rules: 'ihi',
      title: 'T',
      baseline: 8,
      direction: 'up',
    });
    const shifted = model.points.filter((p) => p.signals.includes('shift')).map((p) => p.index);
    expect(shifted).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(new Set(model.points.filter((p) => p.signals.length > 0).map((p) => p.cls))).toEqual(
      new Set(['special_cause_improvement']),
    );
    expect(model.points.slice(0, 7).every((p) => p.cls === 'common_cause')).toBe(true);
    expect(model.centreName).toBe('Median');
    expect(model.points.every((p) => p.centre === 10.5 && p.lower === null)).toBe(true);
    expect(model.signals.map((s) => s.text)).toEqual([
      `Shift: 6 or more points in a row on one side of the median, 2025-08 to ${period(17)} (special cause improvement)`,
    ]);
  });

  it('calls the same shift a concern when down is better, and neutral without a direction', () => {
    const down = chartView(series(SHIFT), {
      rules: 'ihi',
      title: 'T',
      baseline: 8,
      direction: 'down',
    });
    expect(down.points[10]?.cls).toBe('special_cause_concern');
    const none = chartView(series(SHIFT), { rules: 'ihi', title: 'T', baseline: 8 });
    expect(none.points[10]?.cls).toBe('special_cause_neutral');
  });

  it('classes a falling trend by its direction', () => {
    const values = [9, 12, 9, 12, 9, 12, 9, 12, 9, 12, 13, 12, 11, 10, 9, 8];
    const model = chartView(series(values), { rules: 'ihi', title: 'T', direction: 'down' });
    expect(model.signals.map((s) => s.rule)).toEqual(['trend']);
    const trend = model.points.filter((p) => p.signals.includes('trend'));
    expect(trend.map((p) => p.index)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(trend.every((p) => p.cls === 'special_cause_improvement')).toBe(true);
  });

  it('calls a point neutral when signals of opposite classes cover it', () => {
    // Median 10: the 10s are on it, so 11, 12, 11… make a shift above while the tail falls.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 12, 11, 10, 9, 8, 7];
    const model = chartView(series(values), { rules: 'ihi', title: 'T', direction: 'down' });
    expect(model.points.map((p) => p.cls).slice(9, 13)).toEqual([
      'special_cause_concern',
      'special_cause_neutral',
      'special_cause_neutral',
      'special_cause_improvement',
    ]);
  });

  it('keeps segment-wide rules (too many runs, Anhøj crossings) on the segment, not on points', () => {
    const alternating = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    const model = chartView(series(alternating), { rules: 'ihi', title: 'T' });
    expect(model.segments[0]?.signals).toEqual(['too_many_runs']);
    expect(model.points.every((p) => p.signals.length === 0 && p.cls === 'common_cause')).toBe(
      true,
    );
    expect(model.signals.map((s) => s.rule)).toEqual(['too_many_runs']);

    const anhoej = chartView(series(SHIFT), { rules: 'anhoej', title: 'T', baseline: 8 });
    expect(anhoej.segments[0]?.signals.length).toBeGreaterThan(0);
    expect(anhoej.points.every((p) => p.signals.length === 0)).toBe(true);
  });

  it('re-bases where a row records a reason, and ignores one on the first point with a warning', () => {
    const points = series(SHIFT).map((p, i) =>
      i === 8
        ? { ...p, rebaseReason: 'New triage process' }
        : i === 0
          ? { ...p, rebaseReason: 'x' }
          : p,
    );
    const model = chartView(points, { rules: 'ihi', title: 'T' });
    expect(model.segments.map((s) => [s.from, s.to, s.reason])).toEqual([
      [0, 7, null],
      [8, 17, 'New triage process'],
    ]);
    expect(model.points[8]?.centre).toBe(16);
    expect(model.warnings).toEqual(['The first point cannot start a re-based segment.']);
  });

  it('leaves excluded points out of the centre line but draws them, with their reason', () => {
    const points = series([5, 5, 5, 100, 5]).map((p, i) =>
      i === 3 ? { ...p, excludedReason: 'Data system outage' } : p,
    );
    const model = chartView(points, { rules: 'ihi', title: 'T' });
    expect(model.points[3]).toMatchObject({
      cls: 'excluded',
      excludedReason: 'Data system outage',
    });
    expect(model.points[0]?.centre).toBe(5);
    expect(model.classes).toEqual(['common_cause', 'excluded']);
  });
});

describe('chart view: XmR charts (Making Data Count)', () => {
  it('takes the engine’s classes, limits, variation and assurance, with the default 12-point baseline', () => {
    const values = SHIFT;
    const options = { rules: 'mdc' as const, title: 'T', direction: 'up' as const, target: 14 };
    const model = chartView(series(values), options);
    const engine = buildChart('mdc', series(values), {
      baseline: MDC_TRIAL_LIMIT_POINTS,
      direction: 'up',
      target: 14,
    });
    if (engine.rules !== 'mdc') throw new Error('expected an XmR chart');
    expect(model.points.map((p) => p.cls)).toEqual(engine.points.map((p) => p.type));
    expect(model.points.map((p) => [p.centre, p.lower, p.upper])).toEqual(
      engine.points.map((p) => [p.centre, p.lower, p.upper]),
    );
    expect(model.centreName).toBe('Mean');
    expect(model.segments[0]?.baselineTo).toBe(11);
    expect(model.variation?.label).toBe('Special cause improvement (high)');
    expect(model.assurance).toMatchObject({ value: 'hit_and_miss', label: 'Hit and miss target' });
  });

  it('shows two-sigma lines only when asked, and only on control charts', () => {
    const base = { title: 'T', showTwoSigma: true };
    expect(chartView(series(SHIFT), { ...base, rules: 'mdc' }).showTwoSigma).toBe(true);
    expect(chartView(series(SHIFT), { ...base, rules: 'ihi' }).showTwoSigma).toBe(false);
    expect(chartView(series(SHIFT), { rules: 'mdc', title: 'T' }).showTwoSigma).toBe(false);
  });

  it('ignores a baseline that is not a whole number of points, saying so', () => {
    const model = chartView(series(SHIFT), { rules: 'ihi', title: 'T', baseline: 2.5 });
    expect(model.warnings).toEqual([
      'The baseline must be a whole number of points, 1 or more; it is ignored.',
    ]);
    expect(model.segments[0]?.baselineTo).toBe(17);
  });
});

describe('chart view: marks, summary and errors', () => {
  it('numbers annotations and PDSA marks in time order', () => {
    const points = series([1, 2, 3, 4]).map((p, i) => ({
      ...p,
      note: i === 1 || i === 3 ? `note ${i}` : '',
      pdsa: i === 2 ? 'Cycle 1' : null,
    }));
    const model = chartView(points, { rules: 'ihi', title: 'T' });
    expect(model.points.map((p) => [p.annotation, p.pdsaMark])).toEqual([
      [null, null],
      [1, null],
      [null, 1],
      [2, null],
    ]);
  });

  it('summarises the chart in words', () => {
    const model = chartView(series(SHIFT), {
      rules: 'ihi',
      title: 'Screened within 1 hour',
      unit: 'patients',
      baseline: 8,
      target: 14,
    });
    expect(model.summary).toBe(
      `Run chart, IHI rules of Screened within 1 hour: 18 points from 2025-01 to ${period(17)}. ` +
        'Median 10.5 patients, set by the first 8 points and extended. Target 14 patients. ' +
        `1 signal: Shift: 6 or more points in a row on one side of the median, 2025-08 to ${period(17)} ` +
        '(special cause neither improvement nor concern).',
    );
    expect(chartView([], { rules: 'mdc', title: 'T' }).summary).toBe(
      'XmR chart (SPC), Making Data Count rules of T: no data yet.',
    );
  });

  it('turns input the engine refuses into an error sentence instead of throwing', () => {
    const model = chartView(series([1, Number.NaN, 3]), { rules: 'ihi', title: 'T' });
    expect(model.error).toBe('point 1 (2025-02): value must be a finite number');
    expect(model.points).toEqual([]);
  });
});

describe('chart view: the words of each point and signal', () => {
  const points = series(SHIFT).map((p, i) =>
    i === 2 ? { ...p, excludedReason: 'Audit incomplete' } : i === 9 ? { ...p, note: 'Huddle' } : p,
  );
  const view = chartView(points, {
    rules: 'ihi',
    title: 'T',
    unit: 'patients',
    baseline: 8,
    direction: 'up',
  });

  it('describes a point by its value, class, signals, exclusion and note', () => {
    expect(describePoint(view, 0)).toBe('2025-01: 10 patients, common cause');
    expect(describePoint(view, 2)).toBe(
      '2025-03: 9 patients, excluded from the calculations: Audit incomplete',
    );
    expect(describePoint(view, 9)).toBe(
      '2025-10: 16 patients, special cause improvement (shift). Note: Huddle',
    );
    expect(describePoint(view, 99)).toBe('');
  });

  it('names a point’s class and its signals as a data table does', () => {
    const [common, , excluded, , , , , , , shifted] = view.points;
    if (!common || !excluded || !shifted) throw new Error('missing points');
    expect([pointClassText(common), pointSignalNames(common)]).toEqual(['Common cause', '']);
    expect(pointClassText(excluded)).toBe('Excluded from the calculations: Audit incomplete');
    expect([pointClassText(shifted), pointSignalNames(shifted)]).toEqual([
      'Special cause improvement',
      'shift',
    ]);
  });

  it('counts the signals in one sentence, or says there are none', () => {
    expect(signalsSentence(view.signals)).toBe(`1 signal: ${view.signals[0]?.text}.`);
    expect(signalsSentence([])).toBe('No signals.');
  });

  it('summarises a control chart with its limits, variation and assurance', () => {
    const xmr = chartView(series([10, 11, 9, 10, 12, 10, 11, 9, 10, 30]), {
      rules: 'mdc',
      title: 'Waits',
      direction: 'down',
      target: 8,
    });
    expect(xmr.trial).toBe(true);
    // Mean 122 ÷ 10; nine points below it make a run (down is better), the 30 is beyond the
    // upper limit, and the target of 8 lies within the limits.
    expect(xmr.summary).toBe(
      'XmR chart (SPC), Making Data Count rules of Waits: 10 points from 2025-01 to 2025-10. ' +
        'Mean 12.2; trial process limits 2.742 to 21.658. Target 8. 2 signals: ' +
        'Run: 7 or more points in a row on one side of the mean, 2025-01 to 2025-09 (special cause improvement); ' +
        'A point outside the process limits, 2025-10 (special cause concern). ' +
        'Variation: Special cause concern (high). Assurance: Hit and miss target.',
    );
  });

  it('says a p chart’s limits step with each denominator', () => {
    const counts = [
      [40, 100],
      [45, 120],
      [30, 80],
      [50, 110],
      [42, 100],
    ] as const;
    const p = chartView(
      counts.map(([numerator, denominator], i) => ({
        period: period(i),
        value: numerator / denominator,
        numerator,
        denominator,
      })),
      { rules: 'mdc', chart: 'p', title: 'Seen' },
    );
    expect(p.chartName).toBe('p chart (proportion), Making Data Count rules');
    expect(p.centreName).toBe('Overall proportion');
    expect(p.summary).toContain('trial process limits stepping with each denominator');
  });
});

describe('one model for the table and the picture (seeded)', () => {
  /** Park–Miller generator: the same series every run, so a failure names its seed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
  }

  it('lists signals on a point exactly when the chart marks it, for every rule set', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const n = 5 + Math.floor(next() * 40);
      const points = Array.from({ length: n }, (_, i) => ({
        period: `p${i}`,
        value: Math.round((10 + next() * 6 + (i > n / 2 ? next() * 8 : 0)) * 10) / 10,
        excludedReason: next() < 0.05 ? 'outage' : null,
      }));
      const baseline = next() < 0.5 ? null : 1 + Math.floor(next() * 14);
      const direction = next() < 0.5 ? ('up' as const) : ('down' as const);
      for (const rules of ['ihi', 'anhoej', 'mdc'] as const) {
        const model = chartView(points, { rules, title: 'T', baseline, direction });
        for (const point of model.points) {
          const marked = point.cls !== 'common_cause' && point.cls !== 'excluded';
          expect({ seed, rules, index: point.index, marked }).toEqual({
            seed,
            rules,
            index: point.index,
            marked: point.signals.length > 0,
          });
        }
      }
    }
  });
});
