/**
 * A measure's chart in words, the same on the screen and in every export: the summary sentence
 * (the text alternative of every drawing of the chart, also shown beside it), the sentence
 * listing its signals, and each point described (its tooltip).
 */
import { CLASS_STYLES, RULE_NAMES_SHORT } from './chart-labels';
import { formatNumber, formatOptional } from './chart-number';
import type { ChartView, ViewPoint, ViewSegment, ViewSignal } from './chart-view';

type SummaryInput = Pick<
  ChartView,
  | 'rules'
  | 'chartName'
  | 'title'
  | 'unit'
  | 'target'
  | 'centreName'
  | 'points'
  | 'segments'
  | 'signals'
  | 'variation'
  | 'assurance'
  | 'error'
>;

function withUnit(value: number, unit: string): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function describeSegment(chart: SummaryInput, s: ViewSegment): string {
  const from = chart.points[s.from]?.period ?? '';
  const start = s.reason === null ? '' : `From ${from}, re-based (${s.reason}): `;
  if (s.centre === null)
    return `${start}${start ? 'no' : 'No'} ${chart.centreName.toLowerCase()} yet.`;
  const frozen = s.baselineTo < s.to ? `, set by the first ${s.basedOn} points and extended` : '';
  const own = chart.points.slice(s.from, s.to + 1);
  const stepped = own.some((p) => p.lower !== s.lower || p.upper !== s.upper);
  const range = `${formatOptional(s.lower)} to ${formatOptional(s.upper)}`;
  const limits =
    s.lower !== null && s.upper !== null
      ? `; ${s.trial ? 'trial ' : ''}process limits ${stepped ? `stepping with each denominator (at its latest point ${range})` : range}`
      : '';
  const centre = start ? chart.centreName.toLowerCase() : chart.centreName;
  return `${start}${centre} ${withUnit(s.centre, chart.unit)}${frozen}${limits}.`;
}

/** The chart's name as a picture of it is titled, e.g. "Run chart, IHI rules: Falls". */
export function chartTitle(chart: Pick<ChartView, 'chartName' | 'title'>): string {
  return `${chart.chartName}: ${chart.title || 'this measure'}`;
}

/** "No signals." or "2 signals: …; …." */
export function signalsSentence(signals: readonly ViewSignal[]): string {
  const count = signals.length;
  if (count === 0) return 'No signals.';
  const list = signals.map((s) => s.text).join('; ');
  return `${count} signal${count === 1 ? '' : 's'}: ${list}.`;
}

export function describeChart(chart: SummaryInput): string {
  const name = `${chart.chartName} of ${chart.title || 'this measure'}`;
  if (chart.error) return `${name}: cannot be drawn. ${chart.error}`;
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  if (!first || !last) return `${name}: no data yet.`;
  const excluded = chart.points.filter((p) => p.excludedReason !== null).length;
  const parts = [
    `${name}: ${chart.points.length} point${chart.points.length === 1 ? '' : 's'} from ${first.period} to ${last.period}${excluded ? `, ${excluded} excluded from the calculations` : ''}.`,
    ...chart.segments.map((s) => describeSegment(chart, s)),
  ];
  if (chart.target !== null) parts.push(`Target ${withUnit(chart.target, chart.unit)}.`);
  parts.push(signalsSentence(chart.signals));
  if (chart.variation) parts.push(`Variation: ${chart.variation.label}.`);
  if (chart.assurance) parts.push(`Assurance: ${chart.assurance.label}.`);
  return parts.join(' ');
}

/** One point in words, e.g. "2025-08: 15 patients, special cause improvement (shift). Note: …". */
export function describePoint(chart: Pick<ChartView, 'points' | 'unit'>, index: number): string {
  const point = chart.points[index];
  if (!point) return '';
  const signals = pointSignalNames(point);
  const kind = `${CLASS_STYLES[point.cls].label.toLowerCase()}${signals ? ` (${signals})` : ''}`;
  const excluded = point.excludedReason === null ? '' : `: ${point.excludedReason}`;
  const note = point.note ? `. Note: ${point.note}` : '';
  return `${point.period}: ${withUnit(point.value, chart.unit)}, ${kind}${excluded}${note}`;
}

/** A point's class in words, with the reason when it is excluded (a data table's "Type"). */
export function pointClassText(point: ViewPoint): string {
  const label = CLASS_STYLES[point.cls].label;
  return point.excludedReason === null ? label : `${label}: ${point.excludedReason}`;
}

/** The short names of the signals marking a point, e.g. "shift, trend"; empty for none. */
export function pointSignalNames(point: ViewPoint): string {
  return point.signals.map((rule) => RULE_NAMES_SHORT[rule]).join(', ');
}

type MarksInput = Pick<ChartView, 'points' | 'segments'>;

/** A point's marks for a data table: "Re-based: …; A1: note; P1: PDSA cycle …"; empty for none. */
export function pointMarksText(chart: MarksInput, point: ViewPoint): string {
  const parts: string[] = [];
  const segment = chart.segments.find((s) => s.from === point.index && s.reason !== null);
  if (segment) parts.push(`Re-based: ${segment.reason}`);
  if (point.annotation !== null) parts.push(`A${point.annotation}: ${point.note}`);
  if (point.pdsaMark !== null) parts.push(`P${point.pdsaMark}: PDSA cycle ${point.pdsa}`);
  return parts.join('; ');
}

/** The annotations, PDSA cycles and re-bases a chart marks, in time order, as its key lists them. */
export function chartMarks(chart: MarksInput): Array<{ key: string; text: string }> {
  return chart.points.flatMap((p) => {
    const out: Array<{ key: string; text: string }> = [];
    const segment = chart.segments.find((s) => s.from === p.index && s.reason !== null);
    if (segment)
      out.push({ key: `r${p.index}`, text: `Re-based from ${p.period}: ${segment.reason}` });
    if (p.annotation !== null)
      out.push({ key: `a${p.index}`, text: `A${p.annotation}, ${p.period}: ${p.note}` });
    if (p.pdsaMark !== null)
      out.push({
        key: `p${p.index}`,
        text: `P${p.pdsaMark}, ${p.period}: after PDSA cycle ${p.pdsa}`,
      });
    return out;
  });
}

/** "A1 P2": the marks a point carries on the chart; empty for none. */
export function pointMarks(point: ViewPoint): string {
  return [
    point.annotation === null ? '' : `A${point.annotation}`,
    point.pdsaMark === null ? '' : `P${point.pdsaMark}`,
  ]
    .filter(Boolean)
    .join(' ');
}
