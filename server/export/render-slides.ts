/**
 * A lab's storyboard as PowerPoint slides (pptxgenjs, loaded on the request for slides only): a
 * title slide with the team, then one slide per section, for lab meetings and boards. Results
 * carry each measure's chart as a native PowerPoint chart (value, centre line, process limits,
 * target; every marked point as a marker of its class's shape; periods carrying their A1/P1
 * marks) with its Making Data Count icons under it, its signals and marks in words beside it and
 * in full in the speaker notes, so nothing is told by colour alone. The driver diagram is a
 * picture. Long text is cut to what a slide can hold.
 */
import type PptxGenJS from 'pptxgenjs';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartMarks, signalsSentence } from '../../shared/charts/chart-words';
import { chartIcons, iconSvg, iconText } from '../../shared/charts/mdc-icons';
import { figurePng } from './figure-render';
import { addChart } from './slide-chart';
import type { Storyboard, StoryFigure, StoryLine, StoryPart } from './storyboard';

const BLUE = '005EB8';
const INK = '231F20';
const MAX_LINES = 14;
const MAX_CHARS = 260;
/** Icons on a slide: half an inch square, drawn at 48 pixels (96 in the PNG). */
const ICON_INCHES = 0.5;
const ICON_PX = 48;

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

function heading(slide: PptxGenJS.Slide, text: string) {
  slide.addText(text, { x: 0.5, y: 0.3, w: 12.3, h: 0.8, fontSize: 28, bold: true, color: BLUE });
}

const pngData = (png: Buffer) => `image/png;base64,${png.toString('base64')}`;

/** A chart's Making Data Count icons in a row under it, each a picture named by its words. */
function addIcons(slide: PptxGenJS.Slide, chart: ChartView, x: number, y: number, w: number) {
  chartIcons(chart).forEach((icon, i) => {
    const left = x + i * (w / 2);
    const text = iconText(icon);
    slide.addImage({
      data: pngData(figurePng(iconSvg(icon), ICON_PX)),
      x: left,
      y,
      w: ICON_INCHES,
      h: ICON_INCHES,
      altText: text,
    });
    slide.addText(icon.label, {
      x: left + ICON_INCHES + 0.05,
      y,
      w: w / 2 - ICON_INCHES - 0.1,
      h: ICON_INCHES,
      fontSize: 10,
      color: INK,
      valign: 'middle',
      fit: 'shrink',
    });
  });
}

/** A picture (the driver diagram) filling the slide below its heading, its words as alt text. */
function addFigure(slide: PptxGenJS.Slide, figure: StoryFigure) {
  const box = { x: 0.6, y: 1.3, w: 12.1, h: 5.8 };
  const scale = Math.min(box.w / figure.width, box.h / figure.height);
  slide.addImage({
    data: pngData(figurePng(figure.svg, figure.width)),
    x: box.x,
    y: box.y,
    w: figure.width * scale,
    h: figure.height * scale,
    altText: figure.description,
  });
}

/**
 * The speaker notes of a results slide: every chart's signals and marks in full, which the
 * slide itself may have to cut short.
 */
function chartNotes(charts: readonly ChartView[]): string {
  return charts
    .map((chart) =>
      [
        `${chart.title}: ${chart.summary}`,
        signalsSentence(chart.signals),
        ...chartMarks(chart).map((mark) => mark.text),
      ].join('\n'),
    )
    .join('\n\n');
}

function partSlide(pptx: PptxGenJS, part: StoryPart) {
  const slide = pptx.addSlide();
  heading(slide, part.heading);
  if (part.figure) {
    addFigure(slide, part.figure);
    slide.addNotes(part.figure.description);
    return;
  }
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
  const withIcons = charts.some((chart) => chartIcons(chart).length > 0);
  charts.forEach((chart, i) => {
    const x = 0.4 + i * width;
    addChart(pptx, slide, chart, { x, y: 1.2, w: width - 0.1, h: withIcons ? 5.1 : 5.8 });
    addIcons(slide, chart, x, 6.4, width - 0.1);
  });
  slide.addNotes(chartNotes(part.charts));
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
  title.addText(board.footer, {
    x: 0.6,
    y: 6.5,
    w: 12.1,
    h: 0.6,
    fontSize: 12,
    color: 'FFFFFF',
    fit: 'shrink',
  });
  for (const part of board.parts) partSlide(pptx, part);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
