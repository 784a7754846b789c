/**
 * What each kind of item says in an export, as blocks below its heading: the
 * aim sentence of a problem, the outline of a driver diagram, a PDSA cycle's
 * predictions against results, a measure's chart, signals and data.
 */

import { formatNumber as chartNumber } from '../../shared/charts/chart-number';
import type { ViewPoint } from '../../shared/charts/chart-view';
import {
  chartMarks,
  pointClassText,
  pointMarksText,
  pointSignalNames,
  signalsSentence,
} from '../../shared/charts/chart-words';
import { controlCentreLabel } from '../../shared/charts/control-chart-labels';
import { needsDenominators } from '../../shared/charts/control-input';
import { KINDS } from '../../shared/documents/item-kinds';
import { type Block, below, type HeadingLevel } from './blocks';
import { fishboneBlocks, processBlocks } from './diagram-blocks';
import { driverOutline } from './driver-diagram';
import { driverFigure } from './driver-svg';
import { formatNumber } from './format-values';
import type {
  DriversReport,
  ItemReport,
  MeasureReport,
  PdsaReport,
  ProblemReport,
  RichSection,
} from './report-model';
import { workshopBlocks } from './workshop-blocks';

/** The heading an item is known by; a PDSA cycle leads with its label so a ramp reads in order. */
export function itemHeading(item: ItemReport): string {
  if (item.kind === 'pdsa' && item.label) return `Cycle ${item.label}: ${item.title}`;
  return item.title || KINDS[item.kind].label;
}

function sectionBlocks(sections: readonly RichSection[], level: HeadingLevel): Block[] {
  return sections.flatMap((section): Block[] => [
    { kind: 'heading', level: below(level), text: section.label },
    { kind: 'rich', doc: section.doc, headingBase: below(level) },
  ]);
}

function factsBlock(item: ItemReport): Block[] {
  return item.facts.length > 0 ? [{ kind: 'facts', facts: item.facts }] : [];
}

function problemBlocks(item: ProblemReport, level: HeadingLevel): Block[] {
  const aim: Block[] = item.aim
    ? [
        { kind: 'heading', level: below(level), text: 'Aim' },
        { kind: 'paragraph', text: item.aim, style: 'lead' },
      ]
    : [];
  return [...factsBlock(item), ...aim, ...sectionBlocks(item.sections, level)];
}

function driverBlocks(item: DriversReport): Block[] {
  if (item.diagram.nodes.length === 0) {
    return [{ kind: 'paragraph', text: 'This driver diagram has no drivers yet.' }];
  }
  return [
    {
      kind: 'figure',
      title: item.title,
      ...driverFigure(
        item.diagram,
        item.title,
        `diagram-${item.id.replace(/[^A-Za-z0-9_-]/g, '')}`,
      ),
    },
    { kind: 'list', items: driverOutline(item.diagram) },
  ];
}

function pdsaBlocks(item: PdsaReport, level: HeadingLevel): Block[] {
  const blocks: Block[] = [];
  if (item.follows) {
    blocks.push({ kind: 'paragraph', text: `Follows cycle ${item.follows}.`, style: 'meta' });
  }
  blocks.push(...factsBlock(item));
  if (item.questions.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Predictions against results',
      head: ['Question', 'Prediction', 'Result', 'What we learned'],
      rows: item.questions.map(({ cells }) => [
        cells.question ?? '',
        cells.prediction ?? '',
        cells.result ?? '',
        cells.learning ?? '',
      ]),
    });
  }
  if (item.tasks.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Tasks',
      head: ['What', 'Who', 'When', 'Where'],
      rows: item.tasks.map(({ cells }) => [
        cells.what ?? '',
        cells.who ?? '',
        cells.when ?? '',
        cells.where ?? '',
      ]),
    });
  }
  return [...blocks, ...sectionBlocks(item.sections, level)];
}

const num = (value: number | null) => (value === null ? '' : chartNumber(value));
/** p, p′, u and u′ limits step by less than a thousandth with large denominators: five decimals. */
const fine = (value: number | null) =>
  value === null ? '' : formatNumber(Math.round(value * 1e5) / 1e5);

/** The point's class and the signals marking it, in the measure page's words. */
function signalCell(point: ViewPoint | undefined): string {
  if (!point || point.cls === 'common_cause') return '';
  const names = pointSignalNames(point);
  return names ? `${pointClassText(point)}: ${names}` : pointClassText(point);
}

/** Every row of the measure's data, charted or not, with the chart's centre, limits and signals. */
function dataTable(item: MeasureReport): Block {
  const { chart } = item;
  const xmr = item.rules === 'mdc';
  let charted = 0;
  const rows = item.points.map((point) => {
    const view = point.value === null ? undefined : chart?.points[charted++];
    // A charted point's note is its annotation mark (A1…), as in the page's table.
    const note =
      view && chart
        ? pointMarksText(chart, view)
        : [point.note, point.rebase ? `Re-based here: ${point.rebase}` : '']
            .filter(Boolean)
            .join('. ');
    const value = point.value === null ? '' : formatNumber(point.value);
    const centre = num(view?.centre ?? null);
    const cell = chart?.chart && needsDenominators(chart.chart) ? fine : num;
    const limits = xmr ? [cell(view?.lower ?? null), cell(view?.upper ?? null)] : [];
    return [point.period, value, centre, ...limits, signalCell(view), note];
  });
  const unit = item.unit ? ` (${item.unit})` : '';
  const limits = xmr ? ['Lower limit', 'Upper limit'] : [];
  return {
    kind: 'table',
    caption: `Data for ${item.title}${unit}`,
    head: [
      'Period',
      'Value',
      chart?.centreName ?? controlCentreLabel(item.rules, null),
      ...limits,
      'Signal',
      'Marks and notes',
    ],
    rows,
  };
}

function measureBlocks(item: MeasureReport, level: HeadingLevel): Block[] {
  const blocks: Block[] = [...factsBlock(item)];
  const { chart } = item;
  if (chart?.error) {
    blocks.push({ kind: 'paragraph', text: `Chart: ${chart.chartName}.`, style: 'meta' });
    blocks.push({ kind: 'paragraph', text: `The chart cannot be drawn: ${chart.error}` });
  } else if (chart) {
    blocks.push({ kind: 'paragraph', text: `Chart: ${chart.chartName}.`, style: 'meta' });
    blocks.push({ kind: 'chart', chart });
    const marks = chartMarks(chart);
    if (marks.length > 0) {
      blocks.push({ kind: 'heading', level: below(level), text: 'Marks on the chart' });
      blocks.push({
        kind: 'list',
        items: marks.map((mark) => ({ text: mark.text, children: [] })),
      });
    }
    blocks.push({ kind: 'heading', level: below(level), text: 'Signals' });
    blocks.push(
      chart.signals.length === 0
        ? { kind: 'paragraph', text: signalsSentence(chart.signals) }
        : {
            kind: 'list',
            items: chart.signals.map((signal) => ({ text: signal.text, children: [] })),
          },
    );
  } else {
    blocks.push({
      kind: 'paragraph',
      text: 'A chart needs at least two data points with a value.',
      style: 'meta',
    });
  }
  if (item.points.length > 0) {
    blocks.push({ kind: 'heading', level: below(level), text: 'Data' }, dataTable(item));
  }
  return [...blocks, ...sectionBlocks(item.sections, level)];
}

/** A line saying what of a damaged item is left out, so a reader knows the export is partial. */
function noticeBlocks(item: ItemReport): Block[] {
  const notices = item.notices ?? [];
  if (notices.length === 0) return [];
  const text = `Part of this item could not be read and is left out. ${notices.join(' ')}`;
  return [{ kind: 'paragraph', text, style: 'meta' }];
}

/** Blocks of an item under its heading at `level` (the heading itself is the caller's). */
export function itemBody(item: ItemReport, level: HeadingLevel): Block[] {
  return [...noticeBlocks(item), ...kindBody(item, level)];
}

function kindBody(item: ItemReport, level: HeadingLevel): Block[] {
  switch (item.kind) {
    case 'problem':
      return problemBlocks(item, level);
    case 'drivers':
      return driverBlocks(item);
    case 'idea':
      return [...factsBlock(item), ...sectionBlocks(item.sections, level)];
    case 'pdsa':
      return pdsaBlocks(item, level);
    case 'measure':
      return measureBlocks(item, level);
    case 'fishbone':
      return [...factsBlock(item), ...fishboneBlocks(item)];
    case 'process':
      return processBlocks(item);
    case 'workshop':
      return workshopBlocks(item);
    case 'note':
      // A note is its body: no "Body" heading over it.
      return item.sections.map(
        (section): Block => ({ kind: 'rich', doc: section.doc, headingBase: level }),
      );
    default: {
      const unreachable: never = item;
      throw new Error(`unknown item ${JSON.stringify(unreachable)}`);
    }
  }
}

/** An item with its heading. */
export function itemBlocks(item: ItemReport, level: HeadingLevel): Block[] {
  return [{ kind: 'heading', level, text: itemHeading(item) }, ...itemBody(item, level)];
}
