/**
 * A measure's chart in words: the text alternative the SVG points to (`aria-describedby`), also
 * shown beside the chart for anyone who reads more easily than they scan a plot.
 */
import type { ChartModel, ModelSegment } from './chart-model';
import { formatNumber, formatOptional } from './format-number';

type SummaryInput = Pick<
  ChartModel,
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

function describeSegment(chart: SummaryInput, s: ModelSegment): string {
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

function describeSignals(chart: SummaryInput): string {
  const count = chart.signals.length;
  if (count === 0) return 'No signals.';
  const list = chart.signals.map((s) => s.text).join('; ');
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
  parts.push(describeSignals(chart));
  if (chart.variation) parts.push(`Variation: ${chart.variation.label}.`);
  if (chart.assurance) parts.push(`Assurance: ${chart.assurance.label}.`);
  return parts.join(' ');
}
