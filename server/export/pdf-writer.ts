/**
 * Drawing report blocks into a tagged PDF: each heading, paragraph, list, table
 * and chart becomes a structure element (H1–H6, P, L/LI/LBody, Table, Figure
 * with alternative text) of the document's tree, laid out top to bottom with
 * page breaks that never leave a heading or a chart's top at a page's foot.
 */

import type { Block, HeadingLevel } from './blocks';
import type { OutlineItem } from './driver-diagram';
import { drawPdfFigure, pdfIcon } from './figure-render';
import { labelFor } from './format-values';
import { drawPdfChart, type PdfInk } from './pdf-chart';
import { drawPdfTable } from './pdf-table';
import type { RichBlock, RichRun } from './rich-blocks';

export const MARGIN = 56;
const HEADING_SIZES: Readonly<Record<HeadingLevel, number>> = {
  1: 22,
  2: 17,
  3: 14,
  4: 12.5,
  5: 11.5,
  6: 11,
};
const CHART_HEIGHT = 220;

interface RunOptions {
  readonly size: number;
  readonly indent: number;
  /** A list marker drawn before the first run. */
  readonly prefix: string;
}

export interface PdfFonts extends PdfInk {
  readonly italic: string;
  readonly boldItalic: string;
  readonly mono: string;
}

export class PdfWriter {
  private readonly width: number;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly root: PDFKit.PDFStructureElement,
    private readonly fonts: PdfFonts,
  ) {
    this.width = pdf.page.width - MARGIN * 2;
  }

  /** Starts a new page when less than `needed` points are left, so a heading never ends a page. */
  private room(needed: number): void {
    if (this.pdf.y + needed > this.pdf.page.height - MARGIN) this.pdf.addPage();
    this.pdf.x = MARGIN;
  }

  private element(
    type: string,
    draw: () => void,
    options: PDFKit.Mixins.StructureElementOptions = {},
  ): void {
    this.root.add(this.pdf.struct(type, options, draw));
  }

  heading(level: HeadingLevel, text: string): void {
    const size = HEADING_SIZES[level];
    this.pdf.moveDown(level <= 2 ? 0.8 : 0.5);
    this.room(size * 4);
    this.element(`H${level}`, () => {
      this.pdf
        .font(this.fonts.bold)
        .fontSize(size)
        .fillColor(level <= 2 ? '#005eb8' : '#231f20');
      this.pdf.text(text, MARGIN, this.pdf.y, { width: this.width });
    });
    this.pdf.moveDown(0.3);
  }

  paragraph(text: string, style?: 'lead' | 'meta' | 'quote'): void {
    this.room(20);
    this.element('P', () => {
      const font = style === 'meta' || style === 'quote' ? this.fonts.italic : this.fonts.regular;
      const size = style === 'lead' ? 12.5 : style === 'meta' ? 9.5 : 10.5;
      const indent = style === 'quote' ? 24 : 0;
      this.pdf
        .font(font)
        .fontSize(size)
        .fillColor(style === 'meta' || style === 'quote' ? '#4c6272' : '#231f20');
      this.pdf.text(text, MARGIN + indent, this.pdf.y, {
        width: this.width - indent,
      });
    });
    this.pdf.moveDown(0.4);
  }

  private runFont(run: RichRun): string {
    if (run.code) return this.fonts.mono;
    if (run.bold && run.italic) return this.fonts.boldItalic;
    if (run.bold) return this.fonts.bold;
    return run.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** One paragraph of styled runs, continued run to run so they wrap as one text. */
  runs(type: string, runs: readonly RichRun[], options: RunOptions): void {
    this.room(options.size * 2);
    this.element(type, () => this.drawRuns(runs, options));
    this.pdf.moveDown(0.4);
  }

  private drawRuns(runs: readonly RichRun[], options: RunOptions): void {
    const all = options.prefix ? [plainRun(options.prefix), ...runs] : [...runs];
    if (all.length === 0) all.push(plainRun(' '));
    all.forEach((run, i) => {
      this.pdf.font(this.runFont(run)).fontSize(options.size);
      this.pdf.fillColor(run.href ? '#005eb8' : '#231f20');
      const text = run.text || ' ';
      const style = {
        continued: i < all.length - 1,
        underline: run.underline || run.href !== null,
        strike: run.strike,
        link: run.href,
      };
      if (i > 0) {
        this.pdf.text(text, style);
        return;
      }
      const x = MARGIN + options.indent;
      this.pdf.text(text, x, this.pdf.y, { ...style, width: this.width - options.indent });
    });
  }

  rich(blocks: readonly RichBlock[]): void {
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading':
          this.pdf.moveDown(0.3);
          this.runs(
            `H${block.level}`,
            block.runs.map((run) => ({ ...run, bold: true })),
            {
              size: HEADING_SIZES[block.level],
              indent: 0,
              prefix: '',
            },
          );
          break;
        case 'paragraph': {
          const level = block.list ? block.list.level + 1 : 0;
          const indent = level * 16 + (block.quote ? 24 : 0);
          const prefix = block.list?.marker ? `${block.list.marker} ` : '';
          this.runs('P', block.runs, { size: block.code ? 9.5 : 10.5, indent, prefix });
          break;
        }
        case 'rule':
          this.pdf.markContent('Artifact', { type: 'Layout' });
          this.pdf
            .moveTo(MARGIN, this.pdf.y)
            .lineTo(MARGIN + this.width, this.pdf.y)
            .strokeColor('#aeb7bd')
            .stroke();
          this.pdf.endMarkedContent();
          this.pdf.moveDown(0.5);
          break;
        default: {
          const unreachable: never = block;
          throw new Error(`unknown rich block ${JSON.stringify(unreachable)}`);
        }
      }
    }
  }

  facts(facts: ReadonlyArray<{ label: string; value: string }>): void {
    for (const fact of facts) {
      this.runs(
        'P',
        [{ ...plainRun(`${labelFor(fact.label)} `), bold: true }, plainRun(fact.value)],
        { size: 10.5, indent: 0, prefix: '' },
      );
    }
  }

  table(block: Extract<Block, { kind: 'table' }>): void {
    const { caption, head, rows } = block;
    this.room(60);
    this.runs('P', [{ ...plainRun(caption), bold: true }], { size: 10, indent: 0, prefix: '' });
    const bottom = this.pdf.page.height - MARGIN;
    const icons = block.icons?.map((row) =>
      row.map((icon) => (icon ? pdfIcon(this.pdf, icon, this.fonts) : null)),
    );
    drawPdfTable(
      this.pdf,
      this.root,
      this.fonts,
      { head, rows, ...(icons ? { icons } : {}) },
      {
        left: MARGIN,
        width: this.width,
        bottom,
        top: MARGIN,
      },
    );
    this.pdf.x = MARGIN;
    this.pdf.moveDown(0.6);
  }

  /**
   * A tagged list: L of LI, each with its LBody and any nested L. `ordered` numbers the top level
   * ("1. " where a bullet would be); children stay bullets.
   */
  list(
    items: readonly OutlineItem[],
    ordered = false,
    parent: PDFKit.PDFStructureElement = this.root,
    level = 0,
  ): void {
    const list = this.pdf.struct('L');
    parent.add(list);
    for (const [index, item] of items.entries()) {
      const entry = this.pdf.struct('LI');
      list.add(entry);
      this.room(24);
      const prefix = ordered ? `${index + 1}. ` : '• ';
      const options = { size: 10.5, indent: level * 16, prefix };
      entry.add(this.pdf.struct('LBody', {}, () => this.drawRuns([plainRun(item.text)], options)));
      this.pdf.moveDown(0.3);
      if (item.children.length > 0) this.list(item.children, false, entry, level + 1);
      entry.end();
    }
    list.end();
  }

  /** A diagram as vector drawing, scaled to the page's width (never enlarged), tagged as a Figure. */
  figure(block: Extract<Block, { kind: 'figure' }>): void {
    const scale = Math.min(1, this.width / block.width);
    const height = block.height * scale;
    const maxHeight = this.pdf.page.height - 2 * MARGIN;
    const fit = Math.min(1, maxHeight / height);
    this.room(height * fit + 8);
    const top = this.pdf.y;
    const box = { x: MARGIN, y: top, width: block.width * scale * fit, height: height * fit };
    this.element('Figure', () => drawPdfFigure(this.pdf, block.svg, this.fonts, box), {
      alt: block.description,
    });
    this.pdf.x = MARGIN;
    this.pdf.y = top + box.height + 8;
  }

  chart(block: Extract<Block, { kind: 'chart' }>): void {
    const { chart } = block;
    this.room(CHART_HEIGHT + 60);
    const top = this.pdf.y;
    let used = 0;
    this.element(
      'Figure',
      () => {
        used = drawPdfChart(this.pdf, chart, this.fonts, {
          x: MARGIN,
          y: top,
          width: this.width,
          height: CHART_HEIGHT,
        });
      },
      { alt: chart.summary },
    );
    this.pdf.x = MARGIN;
    this.pdf.y = top + used + 8;
    this.paragraph(chart.summary, 'meta');
  }
}

function plainRun(text: string): RichRun {
  return {
    text,
    bold: false,
    italic: false,
    underline: false,
    strike: false,
    code: false,
    href: null,
  };
}
