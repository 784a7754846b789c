/**
 * The summary page a report opens with, for a board or a sponsor who reads one page: the aim
 * as a sentence; each measure's latest value with its Making Data Count variation and
 * assurance icons (`shared/charts/mdc-icons.ts`, their names in words beside them) and a
 * one-line reading; the PDSA ramp (cycle, change tested, prediction, what happened, decision);
 * the key learning and next steps the team wrote on the problem statement; and the team, by name
 * and profession when included.
 */
import { CLASS_STYLES } from '../../shared/charts/chart-labels';
import { formatNumber } from '../../shared/charts/chart-number';
import { pointSignalNames } from '../../shared/charts/chart-words';
import { chartIcons, type MdcIcon } from '../../shared/charts/mdc-icons';
import { PDSA_DECISION_LABELS } from '../../shared/documents/choice-labels';
import { KINDS } from '../../shared/documents/item-kinds';
import type { Block } from './blocks';
import { itemHeading } from './item-layout';
import { orderRamp } from './pdsa-ramp';
import type {
  ItemReport,
  LabReport,
  MeasureReport,
  PdsaReport,
  ProblemReport,
} from './report-model';

function ofKind<K extends ItemReport['kind']>(items: readonly ItemReport[], kind: K) {
  return items.filter((item): item is Extract<ItemReport, { kind: K }> => item.kind === kind);
}

const withUnit = (value: number, unit: string) =>
  unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);

/** The latest charted value and what the chart says about it, in one line. */
export function measureReading(measure: MeasureReport): {
  latest: string;
  variation: string;
  assurance: string;
  reading: string;
  /** The Making Data Count icons the chart view-model chose (none on a run chart). */
  icons: { variation: MdcIcon | null; assurance: MdcIcon | null };
} {
  const { chart } = measure;
  const last = chart?.points[chart.points.length - 1];
  if (!chart || chart.error || !last) {
    return {
      latest: 'Not enough data',
      variation: '',
      assurance: '',
      reading: chart?.error ?? 'A chart needs at least two data points with a value.',
      icons: { variation: null, assurance: null },
    };
  }
  const latest = `${withUnit(last.value, chart.unit)} (${last.period})`;
  const target = chart.target === null ? '' : ` Target ${withUnit(chart.target, chart.unit)}.`;
  const latestClass = CLASS_STYLES[last.cls].label;
  const names = pointSignalNames(last);
  const count = chart.signals.length;
  const icons = chartIcons(chart);
  const reading = `${latestClass} at the latest point${names ? ` (${names})` : ''}; ${count === 0 ? 'no signals' : `${count} signal${count === 1 ? '' : 's'}`} in all.${target}`;
  return {
    latest,
    variation: chart.variation?.label ?? (chart.rules === 'mdc' ? '' : latestClass),
    assurance:
      chart.assurance?.label ??
      (chart.rules === 'mdc' ? 'No target set' : 'Not assessed on a run chart'),
    reading,
    icons: {
      variation: icons.find((icon) => icon.kind === 'variation') ?? null,
      assurance: icons.find((icon) => icon.kind === 'assurance') ?? null,
    },
  };
}

function measuresTable(measures: readonly MeasureReport[]): Block[] {
  if (measures.length === 0) return [];
  const readings = measures.map((measure) => ({ measure, r: measureReading(measure) }));
  return [
    { kind: 'heading', level: 3, text: 'Measures at a glance' },
    {
      kind: 'table',
      caption: 'Each measure’s latest value, variation, assurance and reading',
      head: ['Measure', 'Latest', 'Variation', 'Assurance', 'Reading'],
      rows: readings.map(({ measure, r }) => [
        measure.title,
        r.latest,
        r.variation,
        r.assurance,
        r.reading,
      ]),
      icons: readings.map(({ r }) => [null, null, r.icons.variation, r.icons.assurance, null]),
    },
  ];
}

const joined = (cycle: PdsaReport, cell: string) =>
  cycle.questions
    .map((row) => row.cells[cell] ?? '')
    .filter(Boolean)
    .join(' ');

function rampTable(items: readonly ItemReport[]): Block[] {
  const cycles = ofKind(items, 'pdsa');
  if (cycles.length === 0) return [];
  const ideas = new Map(ofKind(items, 'idea').map((idea) => [idea.id, idea.title]));
  const byIdea = new Map<string, PdsaReport[]>();
  for (const cycle of cycles) {
    const key = cycle.ideaId ?? '';
    byIdea.set(key, [...(byIdea.get(key) ?? []), cycle]);
  }
  const rows = [...byIdea.values()].flatMap((ramp) =>
    orderRamp(ramp).map(({ cycle }) => [
      cycle.label || itemHeading(cycle),
      (cycle.ideaId ? ideas.get(cycle.ideaId) : undefined) ?? cycle.title,
      joined(cycle, 'prediction'),
      joined(cycle, 'result'),
      cycle.decision ? (PDSA_DECISION_LABELS[cycle.decision] ?? '') : 'Not decided yet',
    ]),
  );
  return [
    { kind: 'heading', level: 3, text: 'PDSA ramp' },
    {
      kind: 'table',
      caption: 'Cycles tested, what we predicted, what happened and what we decided',
      head: ['Cycle', 'Change tested', 'Prediction', 'What happened', 'Decision'],
      rows,
    },
  ];
}

/** The problem statement's sections a summary repeats. */
const SUMMARY_SECTIONS = ['learning', 'nextSteps'].map(
  (name) => KINDS.problem.sections[name] ?? name,
);

function problemSections(problem: ProblemReport | undefined, names: readonly string[]): Block[] {
  return (problem?.sections ?? [])
    .filter((section) => names.includes(section.label))
    .flatMap((section): Block[] => [
      { kind: 'heading', level: 3, text: section.label },
      { kind: 'rich', doc: section.doc, headingBase: 3 },
    ]);
}

function teamBlocks(report: LabReport): Block[] {
  if (!report.team || report.team.length === 0) return [];
  return [
    { kind: 'heading', level: 3, text: 'The team' },
    {
      kind: 'paragraph',
      text: report.team.map((person) => `${person.name} (${person.profession})`).join(', '),
    },
  ];
}

/** The summary chapter; empty when the lab has nothing to summarise. */
export function summaryBlocks(report: LabReport): Block[] {
  const problem = ofKind(report.items, 'problem')[0];
  const body: Block[] = [
    ...(problem?.aim
      ? [
          { kind: 'heading', level: 3, text: 'Aim' } as const,
          { kind: 'paragraph', text: problem.aim, style: 'lead' } as const,
        ]
      : []),
    ...measuresTable(ofKind(report.items, 'measure')),
    ...rampTable(report.items),
    ...problemSections(problem, SUMMARY_SECTIONS),
  ];
  if (body.length === 0) return [];
  return [{ kind: 'heading', level: 2, text: 'Summary' }, ...body, ...teamBlocks(report)];
}
