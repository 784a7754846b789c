/**
 * A measure's chart as a native PowerPoint line chart: the values, the centre line, the process
 * limits and the target, and one series per class of marked point (special cause improvement,
 * concern…) holding only that class's points, drawn as that class's marker shape without a line.
 * So every signal the measure page marks is a marker on the slide, told apart by shape and named
 * in the legend, not by colour alone.
 */
import type PptxGenJS from 'pptxgenjs';
import {
  CLASS_STYLES,
  classLegend,
  MARKER_OUTLINE,
  type MarkerShape,
} from '../../shared/charts/chart-labels';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartTitle, pointMarks } from '../../shared/charts/chart-words';

const INK = '231F20';
const MARKER_OUTLINE_HEX = MARKER_OUTLINE.replace('#', '').toUpperCase();

/** A series only when every point has the value (a native line chart has no gaps to rely on). */
function series(name: string, labels: string[], values: ReadonlyArray<number | null>) {
  return values.every((v) => v !== null) ? [{ name, labels, values: values as number[] }] : [];
}

/** PowerPoint's marker for each class's shape (it has no hollow ring: excluded points are dashes). */
const SYMBOLS: Readonly<
  Record<MarkerShape, 'circle' | 'square' | 'diamond' | 'triangle' | 'dash'>
> = {
  circle: 'circle',
  square: 'square',
  diamond: 'diamond',
  triangle: 'triangle',
  ring: 'dash',
};

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

/** One group of series drawn alike: a line, or markers only, all in one colour. */
interface Group {
  readonly data: Array<{ name: string; labels: string[]; values: Array<number | null> }>;
  readonly colour: string;
  readonly symbol: 'circle' | 'square' | 'diamond' | 'triangle' | 'dash' | 'none';
  readonly line: boolean;
  readonly dashed?: boolean;
}

/**
 * The chart's series in groups: the values, the centre line, the limits, the target, and then
 * one series per class of marked point (special cause improvement, concern…) holding only the
 * points of that class, drawn as that class's marker shape without a line, so every signal on
 * the measure page is a marker here too, told apart by shape and named in the legend.
 */
function chartGroups(chart: ChartView, labels: string[]): Group[] {
  const groups: Group[] = [
    {
      data: series(
        'Value',
        labels,
        chart.points.map((p) => p.value),
      ),
      colour: '425563',
      symbol: 'circle',
      line: true,
    },
    {
      data: series(
        chart.centreName,
        labels,
        chart.points.map((p) => p.centre),
      ),
      colour: INK,
      symbol: 'none',
      line: true,
    },
    {
      data: [
        ...series(
          'Lower process limit',
          labels,
          chart.points.map((p) => p.lower),
        ),
        ...series(
          'Upper process limit',
          labels,
          chart.points.map((p) => p.upper),
        ),
      ],
      colour: '768692',
      symbol: 'none',
      line: true,
      dashed: true,
    },
    {
      data:
        chart.target === null
          ? []
          : series(
              'Target',
              labels,
              chart.points.map(() => chart.target),
            ),
      colour: '330072',
      symbol: 'none',
      line: true,
      dashed: true,
    },
    ...chart.classes
      .filter((cls) => cls !== 'common_cause')
      .map(
        (cls): Group => ({
          data: [
            {
              name: classLegend(cls),
              labels,
              values: chart.points.map((p) => (p.cls === cls ? p.value : null)),
            },
          ],
          colour: hex(CLASS_STYLES[cls].colour),
          symbol: SYMBOLS[CLASS_STYLES[cls].shape],
          line: false,
        }),
      ),
  ];
  return groups.filter((group) => group.data.length > 0);
}

export function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: ChartView, box: Box) {
  const labels = chart.points.map((p) => {
    const marks = pointMarks(p);
    return marks ? `${p.period} (${marks})` : p.period;
  });
  const groups = chartGroups(chart, labels);
  const total = groups.reduce((sum, group) => sum + group.data.length, 0);
  const types: PptxGenJS.IChartMulti[] = groups.map((group) => ({
    type: pptx.ChartType.line,
    // A null is a gap: pptxgenjs writes it as an empty cell, though its types ask for numbers.
    data: group.data as unknown as PptxGenJS.OptsChartData[],
    options: {
      // pptxgenjs colours a series' line by its place in its group and its marker by its place
      // in the chart: one colour for every place keeps both right.
      chartColors: new Array<string>(total).fill(group.colour),
      lineDataSymbol: group.symbol,
      lineDataSymbolSize: group.line ? 5 : 9,
      lineDataSymbolLineColor: MARKER_OUTLINE_HEX,
      lineSize: group.line ? 2 : 0,
      ...(group.dashed ? { lineDash: 'dash' as const } : {}),
    },
  }));
  const options: PptxGenJS.IChartOpts = {
    ...box,
    altText: `${chartTitle(chart)}. ${chart.summary}`,
    title: chart.title,
    showTitle: true,
    titleFontSize: 14,
    displayBlanksAs: 'gap',
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 10,
    catAxisLabelFontSize: 9,
    valAxisLabelFontSize: 10,
    ...(chart.unit
      ? { showValAxisTitle: true, valAxisTitle: chart.unit, valAxisTitleFontSize: 10 }
      : {}),
  };
  // With several chart types, pptxgenjs reads the options from the data argument.
  slide.addChart(types, options as unknown as unknown[], options);
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
