/**
 * A measure's chart in Word as a native Word chart (`docx/charts`): the data
 * travels inside the document as an embedded workbook, Word draws it, and a
 * reader can re-style or re-plot it, with no image rasterised on the server.
 * Each class of special-cause point is a series of its own with a distinct
 * marker shape; the alt text is the chart in words, and the data table after
 * it carries every value and signal.
 */
import { ChartRun, type ChartSeries } from 'docx/charts';
import { CLASS_ORDER, CLASS_STYLES, classLegend } from '../../shared/charts/chart-labels';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartTitle, pointMarks } from '../../shared/charts/chart-words';

const hex = (colour: string) => colour.replace('#', '').toUpperCase();

export function docxChart(chart: ChartView): ChartRun {
  const hasLimits = chart.points.some((p) => p.lower !== null || p.upper !== null);
  const limit = chart.trial ? 'trial limit' : 'process limit';
  const series: ChartSeries[] = [
    {
      name: 'Value',
      values: chart.points.map((point) => point.value),
      color: '425563',
      markers: { shape: 'circle', size: 5 },
      // Annotation (A1…) and PDSA (P1…) marks as labels on their points, as the page marks them.
      pointLabels: chart.points.map((point) => {
        const text = pointMarks(point);
        return text ? { text, position: 'above' as const, font: { size: 8 } } : false;
      }),
    },
    {
      name: chart.centreName,
      values: chart.points.map((point) => point.centre),
      color: '231F20',
      markers: false,
    },
  ];
  if (hasLimits) {
    for (const [name, side] of [
      [`Lower ${limit}`, 'lower'],
      [`Upper ${limit}`, 'upper'],
    ] as const) {
      series.push({
        name,
        values: chart.points.map((point) => point[side]),
        color: '768692',
        markers: false,
        line: { dash: 'dash' },
      });
    }
  }
  if (chart.target !== null) {
    const target = chart.target;
    series.push({
      name: 'Target',
      values: chart.points.map(() => target),
      color: '330072',
      markers: false,
      line: { dash: 'dot' },
    });
  }
  for (const cls of CLASS_ORDER) {
    if (cls === 'common_cause') continue;
    const values = chart.points.map((point) => (point.cls === cls ? point.value : null));
    if (values.every((value) => value === null)) continue;
    const style = CLASS_STYLES[cls];
    series.push({
      name: classLegend(cls),
      values,
      // A white ring would vanish on a white chart: excluded points are outlined in dark grey.
      color: cls === 'excluded' ? '212B32' : hex(style.colour),
      markers: { shape: style.shape === 'ring' ? 'circle' : style.shape, size: 9 },
    });
  }
  return new ChartRun({
    type: 'line',
    title: chart.title,
    categories: chart.points.map((point) => point.period || ' '),
    series,
    emptyValues: 'gap',
    legend: { position: 'bottom' },
    ...(chart.unit ? { valueAxis: { title: chart.unit } } : {}),
    altText: { name: chart.title, title: chartTitle(chart), description: chart.summary },
    transformation: { width: 620, height: 320 },
  });
}
