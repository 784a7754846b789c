/**
 * A lab's storyboard as PowerPoint slides (pptxgenjs, loaded on the request for slides only): a
 * title slide with the team, then one slide per section, for lab meetings and boards. Results
 * carry each measure's chart as a native PowerPoint chart (value, centre line, process limits,
 * target; periods carrying their A1/P1 marks), with its signals and marks in words beside it,
 * so nothing is told by colour alone. Long text is cut to what a slide can hold.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartTitle, pointMarks, signalsSentence } from '../../shared/charts/chart-words';
import type { Storyboard, StoryLine, StoryPart } from './storyboard';

const BLUE = '005EB8';
const INK = '231F20';
const MAX_LINES = 14;
const MAX_CHARS = 260;

const cut = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

function bullets(lines: readonly StoryLine[]): PptxGenJS.TextProps[] {
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length - shown.length;
  return [
    ...shown.map((line) => ({
      text: cut(line.text),
      options: {
        bullet: line.depth ? { indent: 18 } : false,
        indentLevel: line.depth ?? 0,
        bold: line.strong ?? false,
        breakLine: true,
      },
    })),
    ...(more > 0
      ? [
          {
            text: `and ${more} more in the full report.`,
            options: { italic: true, breakLine: true },
          },
        ]
      : []),
  ];
}

/** A series only when every point has the value (a native line chart has no gaps to rely on). */
function series(name: string, labels: string[], values: ReadonlyArray<number | null>) {
  return values.every((v) => v !== null) ? [{ name, labels, values: values as number[] }] : [];
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, chart: ChartView, box: Box) {
  const labels = chart.points.map((p) => {
    const marks = pointMarks(p);
    return marks ? `${p.period} (${marks})` : p.period;
  });
  const data = [
    ...series(
      'Value',
      labels,
      chart.points.map((p) => p.value),
    ),
    ...series(
      chart.centreName,
      labels,
      chart.points.map((p) => p.centre),
    ),
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
    ...(chart.target === null
      ? []
      : series(
          'Target',
          labels,
          chart.points.map(() => chart.target),
        )),
  ];
  const colours = data.map((s) =>
    s.name === 'Value'
      ? '425563'
      : s.name === 'Target'
        ? '330072'
        : s.name.includes('limit')
          ? '768692'
          : INK,
  );
  slide.addChart(pptx.ChartType.line, data, {
    ...box,
    altText: `${chartTitle(chart)}. ${chart.summary}`,
    title: chart.title,
    showTitle: true,
    titleFontSize: 14,
    chartColors: colours,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 5,
    lineSize: 2,
    showLegend: true,
    legendPos: 'b',
    legendFontSize: 10,
    catAxisLabelFontSize: 9,
    valAxisLabelFontSize: 10,
    ...(chart.unit
      ? { showValAxisTitle: true, valAxisTitle: chart.unit, valAxisTitleFontSize: 10 }
      : {}),
  });
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function heading(slide: PptxGenJS.Slide, text: string) {
  slide.addText(text, { x: 0.5, y: 0.3, w: 12.3, h: 0.8, fontSize: 28, bold: true, color: BLUE });
}

function partSlide(pptx: PptxGenJS, part: StoryPart) {
  const slide = pptx.addSlide();
  heading(slide, part.heading);
  const charts = part.charts.slice(0, 2);
  if (charts.length === 0) {
    slide.addText(bullets(part.lines), {
      x: 0.6,
      y: 1.3,
      w: 12.1,
      h: 5.7,
      fontSize: 18,
      color: INK,
      valign: 'top',
      fit: 'shrink',
    });
    return;
  }
  const width = 8.2 / charts.length;
  charts.forEach((chart, i) => {
    addChart(pptx, slide, chart, { x: 0.4 + i * width, y: 1.2, w: width - 0.1, h: 5.8 });
  });
  const words: StoryLine[] = [
    ...charts.map((chart) => ({ text: signalsSentence(chart.signals) })),
    ...part.lines,
  ];
  slide.addText(bullets(words), {
    x: 8.8,
    y: 1.2,
    w: 4.2,
    h: 5.8,
    fontSize: 12,
    color: INK,
    valign: 'top',
    fit: 'shrink',
  });
}

export async function renderSlides(board: Storyboard): Promise<Buffer> {
  const { default: PptxGen } = await import('pptxgenjs');
  const pptx = new PptxGen();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = board.title;
  pptx.company = 'Improvement Lab';
  const title = pptx.addSlide();
  title.background = { color: BLUE };
  title.addText(board.title, {
    x: 0.6,
    y: 2.0,
    w: 12.1,
    h: 1.4,
    fontSize: 40,
    bold: true,
    color: 'FFFFFF',
  });
  if (board.subtitle) {
    title.addText(cut(board.subtitle), {
      x: 0.6,
      y: 3.5,
      w: 12.1,
      h: 0.9,
      fontSize: 22,
      color: 'FFFFFF',
    });
  }
  if (board.team) {
    title.addText(cut(board.team), {
      x: 0.6,
      y: 4.5,
      w: 12.1,
      h: 1.6,
      fontSize: 16,
      color: 'FFFFFF',
      valign: 'top',
      fit: 'shrink',
    });
  }
  title.addText(board.footer, { x: 0.6, y: 6.6, w: 12.1, h: 0.4, fontSize: 12, color: 'FFFFFF' });
  for (const part of board.parts) partSlide(pptx, part);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
