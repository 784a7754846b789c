/**
 * An export as a Word document (.docx) to edit further: real heading styles
 * (so Word's navigation pane and a screen reader see the outline), tables with
 * repeating header rows, Word lists, and each measure's chart as a native Word
 * chart. People's text only ever becomes text runs (docx escapes them); a link
 * becomes a hyperlink only with an http(s) target, and nothing becomes a field.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel as DocxHeading,
  ExternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MdcIcon } from '../../shared/charts/mdc-icons';
import type { Block, HeadingLevel, ReportDocument } from './blocks';
import { docxChart } from './docx-chart';
import { docxFigure, docxIcon } from './docx-figure';
import type { OutlineItem } from './driver-diagram';
import { labelFor } from './format-values';
import { flattenRich, type RichBlock, type RichRun } from './rich-blocks';

const HEADINGS: Readonly<Record<HeadingLevel, (typeof DocxHeading)[keyof typeof DocxHeading]>> = {
  1: DocxHeading.HEADING_1,
  2: DocxHeading.HEADING_2,
  3: DocxHeading.HEADING_3,
  4: DocxHeading.HEADING_4,
  5: DocxHeading.HEADING_5,
  6: DocxHeading.HEADING_6,
};
const ORDERED = 'ordered-list';
const CODE_FONT = 'Courier New';

type Child = Paragraph | Table;

/** Text runs of plain text; a line break in it is a line break in Word. */
function textRuns(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

function richRuns(run: RichRun): Array<TextRun | ExternalHyperlink> {
  const lines = run.text.split('\n');
  const runs = lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : 0,
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
        ...(run.strike ? { strike: true } : {}),
        ...(run.underline ? { underline: {} } : {}),
        ...(run.code ? { font: CODE_FONT } : {}),
        ...(run.href ? { style: 'Hyperlink' } : {}),
      }),
  );
  return run.href ? [new ExternalHyperlink({ link: run.href, children: runs })] : runs;
}

function richParagraph(block: RichBlock): Paragraph {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({
        heading: HEADINGS[block.level],
        children: block.runs.flatMap(richRuns),
      });
    case 'rule':
      return new Paragraph({
        children: [],
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'AEB7BD', space: 1 } },
      });
    case 'paragraph': {
      const list = block.list;
      const listing = list
        ? list.ordered
          ? {
              numbering: {
                reference: ORDERED,
                level: Math.min(list.level, 8),
                instance: list.listId,
              },
            }
          : { bullet: { level: Math.min(list.level, 8) } }
        : {};
      return new Paragraph({
        children: block.runs.flatMap(richRuns),
        ...(list && list.marker !== '' ? listing : {}),
        ...(list && list.marker === '' ? { indent: { left: 720 * (list.level + 1) } } : {}),
        ...(block.quote
          ? {
              indent: { left: 720 },
              border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D8DDE0', space: 8 } },
            }
          : {}),
      });
    }
    default: {
      const unreachable: never = block;
      throw new Error(`unknown rich block ${JSON.stringify(unreachable)}`);
    }
  }
}

function cell(text: string, header: boolean, icon: MdcIcon | null = null): TableCell {
  const picture = icon ? [docxIcon(icon), new TextRun({ text: ' ' })] : [];
  return new TableCell({
    children: [new Paragraph({ children: [...picture, ...textRuns(text, { bold: header })] })],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Child[] {
  return [
    new Paragraph({ style: 'Caption', children: textRuns(block.caption), keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: block.head.map((text) => cell(text, true)) }),
        ...block.rows.map(
          (row, r) =>
            new TableRow({
              children: row.map((text, c) => cell(text, false, block.icons?.[r]?.[c] ?? null)),
            }),
        ),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

/**
 * An outline as Word lists. An ordered one numbers its top level with the rich text's numbering,
 * its first item restarting it (not an `instance`, which rich text's own lists number from 1 in
 * each section, so a shared one would carry on their count); children stay bullets.
 */
function outline(items: readonly OutlineItem[], level = 0, ordered = false): Paragraph[] {
  return items.flatMap((item, index) => [
    new Paragraph({
      ...(ordered
        ? { numbering: { reference: ORDERED, level: Math.min(level, 8), restart: index === 0 } }
        : { bullet: { level: Math.min(level, 8) } }),
      children: textRuns(item.text),
    }),
    ...outline(item.children, level + 1),
  ]);
}

function blockChildren(block: Block): Child[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: textRuns(block.text) })];
    case 'paragraph':
      return [
        new Paragraph({
          children: textRuns(block.text, { italics: block.style === 'meta' }),
          ...(block.style === 'lead' ? { style: 'Lead' } : {}),
        }),
      ];
    case 'facts':
      return block.facts.map(
        (fact) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${labelFor(fact.label)} `, bold: true }),
              ...textRuns(fact.value),
            ],
          }),
      );
    case 'rich':
      return flattenRich(block.doc, block.headingBase).map(richParagraph);
    case 'table':
      return table(block);
    case 'list':
      return outline(block.items, 0, block.ordered);
    case 'figure':
      return docxFigure(block);
    case 'chart':
      return [
        new Paragraph({ children: [docxChart(block.chart)], keepNext: true }),
        new Paragraph({ style: 'Caption', children: textRuns(block.chart.summary) }),
      ];
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 720 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'D8DDE0', space: 8 } },
          children: textRuns(block.text, { italics: true }),
        }),
      ];
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

const orderedLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: 'Improvement Lab',
    description: 'Exported from Improvement Lab',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } } },
      },
      paragraphStyles: [
        { id: 'Lead', name: 'Lead', basedOn: 'Normal', quickFormat: true, run: { size: 26 } },
      ],
    },
    numbering: { config: [{ reference: ORDERED, levels: orderedLevels }] },
    sections: [{ children: doc.blocks.flatMap(blockChildren) }],
  });
  return Packer.toBuffer(document);
}
