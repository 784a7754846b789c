/**
 * A lab's QI storyboard as one A3 landscape page (the poster teams take to events): a title band
 * with the team, then three columns (background, aim and the driver diagram as a picture; the
 * results with their charts and Making Data Count icons; changes tested, learning, next steps
 * and contact), read in the storyboard's order. Text is set large enough to read when printed (12 pt and
 * up) and every box is cut with an ellipsis rather than spilling onto a second page. Tagged like
 * the report's PDF: H1, Sect with H2 and P, Figure with the chart, the diagram or the icon in
 * words; the boxes' backgrounds are layout artifacts.
 */
import PDFDocument from 'pdfkit';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartIcons } from '../../shared/charts/mdc-icons';
import { legendItems } from './chart-geometry';
import { drawPdfFigure, type FigureFonts, pdfIcon } from './figure-render';
import { drawPdfChart, legendColumns } from './pdf-chart';
import { pdfFonts } from './pdf-fonts';
import type {
  Storyboard,
  StoryboardSection,
  StoryFigure,
  StoryLine,
  StoryPart,
} from './storyboard';

const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];
const M = 30;
const GAP = 18;
const BAND = 112;
const FOOT = 22;
const BODY = 12;
const HEADING = 17;
const BLUE = '#005eb8';
const INK = '#231f20';
const PALE = '#f0f4f5';

/** Each column's share of the width: the first is wider, for the driver diagram's picture. */
const COLUMN_WIDTHS = [0.34, 0.33, 0.33] as const;
const ICON = 22;
/** A legend column on the poster: two fit beside each other under a chart. */
const LEGEND_COLUMN = 140;
/** Where a chart's plot starts, after its value labels (`chart-geometry.ts`). */
const PLOT_LEFT = 56;

/**
 * Which parts each column holds, and the share of the column's height each gets: the results
 * have a column of their own, so two charts are tall enough to read.
 */
const COLUMNS: ReadonlyArray<ReadonlyArray<readonly [StoryboardSection, number]>> = [
  [
    ['background', 0.32],
    ['aim', 0.16],
    ['drivers', 0.52],
  ],
  [['results', 1]],
  [
    ['changes', 0.46],
    ['learning', 0.22],
    ['nextSteps', 0.17],
    ['contact', 0.15],
  ],
];

type Fonts = FigureFonts;

class Poster {
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly root: PDFKit.PDFStructureElement,
    private readonly fonts: Fonts,
  ) {}

  /** A structure element whose content `draw` puts on the page. */
  private tag(type: string, draw: () => unknown): PDFKit.PDFStructureElement {
    return this.pdf.struct(type, {}, () => {
      draw();
    });
  }

  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  band(board: Storyboard): void {
    const { pdf, fonts } = this;
    const width = A3_LANDSCAPE[0] - 2 * M;
    this.artifact(() => pdf.rect(M, M, width, BAND).fill(BLUE));
    this.root.add(
      this.tag('H1', () =>
        pdf
          .font(fonts.bold)
          .fontSize(32)
          .fillColor('#ffffff')
          .text(board.title, M + 18, M + 14, { width: width - 36, height: 40, ellipsis: true }),
      ),
    );
    const lines = [board.subtitle, board.team].filter(Boolean);
    lines.forEach((text, i) => {
      this.root.add(
        this.tag('P', () =>
          pdf
            .font(i === 0 ? fonts.bold : fonts.regular)
            .fontSize(i === 0 ? 15 : 12.5)
            .fillColor('#ffffff')
            .text(text, M + 18, M + 56 + i * 24, {
              width: width - 36,
              height: i === 0 ? 20 : 36,
              ellipsis: true,
            }),
        ),
      );
    });
  }

  /** Lines from `y` down to `bottom`; the last that fits ends with an ellipsis if more remain. */
  private lines(
    sect: PDFKit.PDFStructureElement,
    lines: readonly StoryLine[],
    box: Box,
    y: number,
  ) {
    const { pdf, fonts } = this;
    let at = y;
    for (const line of lines) {
      const indent = (line.depth ?? 0) * 14;
      const width = box.w - 24 - indent;
      const text = `${line.depth ? '• ' : ''}${line.text}`;
      pdf.font(line.strong ? fonts.bold : fonts.regular).fontSize(BODY);
      const room = box.y + box.h - 10 - at;
      if (room < BODY * 1.2) break;
      const height = Math.min(pdf.heightOfString(text, { width }), room);
      sect.add(
        this.tag('P', () =>
          pdf.fillColor(INK).text(text, box.x + 12 + indent, at, { width, height, ellipsis: true }),
        ),
      );
      at += height + 4;
    }
    return at;
  }

  private charts(
    sect: PDFKit.PDFStructureElement,
    charts: readonly ChartView[],
    box: Box,
    y: number,
  ) {
    const shown = charts.slice(0, 2);
    if (shown.length === 0) return y;
    // Each chart's share of the box (less room kept for a line or two of words), less its title
    // row and its legend (one entry a row in a column this narrow), is its plot's height.
    const share = (box.h - (y - box.y) - 50) / shown.length;
    let at = y;
    for (const chart of shown) {
      const columns = legendColumns(box.w - 16 - PLOT_LEFT, LEGEND_COLUMN);
      const legend = Math.ceil(legendItems(chart).length / columns) * 12 + 10;
      const each = Math.max(60, Math.min(190, share - legend - ICON - 12));
      const area = { x: box.x + 8, y: at, width: box.w - 16, height: each };
      let used = 0;
      // The chart's Making Data Count icons at the end of its title's row, each named.
      const icons = chartIcons(chart);
      const titleRow = icons.length > 0 ? ICON + 4 : 16;
      icons.forEach((icon, i) => {
        const drawn = pdfIcon(this.pdf, icon, this.fonts);
        const left = area.x + area.width - (icons.length - i) * (ICON + 4);
        sect.add(
          this.pdf.struct('Figure', { alt: drawn.alt }, () => drawn.draw(left, at - 2, ICON)),
        );
      });
      const titleWidth = area.width - icons.length * (ICON + 4) - 4;
      sect.add(
        this.pdf.struct('Figure', { alt: chart.summary }, () => {
          this.pdf.font(this.fonts.bold).fontSize(BODY).fillColor(INK);
          this.pdf.text(chart.title, area.x + 4, at, {
            width: titleWidth,
            height: BODY * 1.3,
            ellipsis: true,
          });
          used =
            drawPdfChart(this.pdf, chart, this.fonts, { ...area, y: at + titleRow }) + titleRow;
        }),
      );
      at += used + 8;
    }
    return at;
  }

  /** A picture (the driver diagram) as vectors filling what the box has left, tagged as a Figure. */
  private figure(sect: PDFKit.PDFStructureElement, figure: StoryFigure, box: Box, y: number) {
    const area = { x: box.x + 12, y, width: box.w - 24, height: box.y + box.h - 10 - y };
    sect.add(
      this.pdf.struct('Figure', { alt: figure.description }, () =>
        drawPdfFigure(this.pdf, figure.svg, this.fonts, area),
      ),
    );
  }

  part(part: StoryPart, box: Box): void {
    const { pdf, fonts } = this;
    this.artifact(() => {
      pdf.rect(box.x, box.y, box.w, box.h).fill(PALE);
      pdf.rect(box.x, box.y, 5, box.h).fill(BLUE);
    });
    const sect = pdf.struct('Sect');
    this.root.add(sect);
    sect.add(
      this.tag('H2', () =>
        pdf
          .font(fonts.bold)
          .fontSize(HEADING)
          .fillColor(BLUE)
          .text(part.heading, box.x + 12, box.y + 8, { width: box.w - 24, lineBreak: false }),
      ),
    );
    if (part.figure) {
      // The picture's alternative text says the whole outline, so the lines are not repeated.
      this.figure(sect, part.figure, box, box.y + 34);
    } else {
      const y = this.charts(sect, part.charts, box, box.y + 34);
      this.lines(sect, part.lines, box, y);
    }
    sect.end();
  }

  footer(text: string): void {
    const [width, height] = A3_LANDSCAPE;
    this.root.add(
      this.tag('P', () =>
        this.pdf
          .font(this.fonts.regular)
          .fontSize(10)
          .fillColor('#4c6272')
          .text(text, M, height - M - 12, { width: width - 2 * M, lineBreak: false }),
      ),
    );
  }
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export async function renderPoster(board: Storyboard): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: A3_LANDSCAPE,
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: 'en-GB',
    autoFirstPage: true,
    info: {
      Title: `${board.title}: storyboard`,
      Creator: 'Improvement Lab',
      Producer: 'Improvement Lab (PDFKit)',
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  const files = pdfFonts();
  for (const [name, data] of Object.entries(files)) pdf.registerFont(name, data);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const poster = new Poster(pdf, root, {
    regular: 'regular',
    bold: 'bold',
    italic: 'italic',
    boldItalic: 'boldItalic',
  });
  poster.band(board);
  const top = M + BAND + GAP;
  const height = A3_LANDSCAPE[1] - top - M - FOOT;
  const inner = A3_LANDSCAPE[0] - 2 * M - 2 * GAP;
  const boxes = new Map<StoryboardSection, Box>();
  let x = M;
  COLUMNS.forEach((column, c) => {
    let y = top;
    const width = inner * (COLUMN_WIDTHS[c] ?? 1 / 3);
    const room = height - GAP * (column.length - 1);
    for (const [id, share] of column) {
      const h = room * share;
      boxes.set(id, { x, y, w: width, h });
      y += h + GAP;
    }
    x += width + GAP;
  });
  // Drawn (and so tagged and read aloud) in the storyboard's order, wherever each box sits.
  for (const part of board.parts) {
    const box = boxes.get(part.id);
    if (box) poster.part(part, box);
  }
  poster.footer(board.footer);
  root.end();
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
