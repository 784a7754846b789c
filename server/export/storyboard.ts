/**
 * A lab as a QI storyboard: the sections QI teams present at events (title and team;
 * background and problem; aim; driver diagram; changes tested; results; learning; next steps;
 * contact), filled from the lab's report as short plain text and charts. The A3 poster
 * (`render-poster.ts`) and the slides (`render-slides.ts`) both draw it, so they say the same.
 */
import type { ChartView } from '../../shared/charts/chart-view';
import { chartMarks } from '../../shared/charts/chart-words';
import { iconText, type MdcIcon } from '../../shared/charts/mdc-icons';
import { PDSA_DECISION_LABELS } from '../../shared/documents/choice-labels';
import { KINDS } from '../../shared/documents/item-kinds';
import { type DriverDiagram, driverOutline, type OutlineItem } from './driver-diagram';
import { COMPACT_DRIVER_LAYOUT, driverFigure } from './driver-svg';
import { formatDateTime } from './format-values';
import { orderRamp } from './pdsa-ramp';
import type { ItemReport, LabReport, PdsaReport, ProblemReport } from './report-model';
import { richPlainText } from './rich-text';
import { measureReading } from './summary-layout';

export const STORYBOARD_SECTIONS = [
  'background',
  'aim',
  'drivers',
  'changes',
  'results',
  'learning',
  'nextSteps',
  'contact',
] as const;
export type StoryboardSection = (typeof STORYBOARD_SECTIONS)[number];

export const STORYBOARD_HEADINGS: Readonly<Record<StoryboardSection, string>> = {
  background: 'Background and problem',
  aim: 'Aim',
  drivers: 'Driver diagram',
  changes: 'Changes tested (PDSA)',
  results: 'Results',
  learning: 'What we learned',
  nextSteps: 'Next steps',
  contact: 'Contact',
};

export interface StoryLine {
  readonly text: string;
  /** 0 for a line of its own; 1, 2… for an entry under the one before (a driver's ideas). */
  readonly depth?: number;
  readonly strong?: boolean;
}

/** A picture a part shows before its lines (the driver diagram), with its words. */
export interface StoryFigure {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
}

export interface StoryPart {
  readonly id: StoryboardSection;
  readonly heading: string;
  readonly lines: readonly StoryLine[];
  readonly charts: readonly ChartView[];
  readonly figure?: StoryFigure;
}

export interface Storyboard {
  readonly title: string;
  readonly subtitle: string;
  /** "Names (profession), …" when the team is included; else how many took part. */
  readonly team: string;
  readonly footer: string;
  readonly parts: readonly StoryPart[];
}

export interface StoryContact {
  readonly name: string;
  readonly email: string;
}

function ofKind<K extends ItemReport['kind']>(items: readonly ItemReport[], kind: K) {
  return items.filter((item): item is Extract<ItemReport, { kind: K }> => item.kind === kind);
}

const NOTHING = 'Not written yet.';

function problemText(problem: ProblemReport | undefined, section: string): string {
  const found = problem?.sections.find((s) => s.label === KINDS.problem.sections[section]);
  return found ? richPlainText(found.doc).trim() : '';
}

function background(problem: ProblemReport | undefined): StoryLine[] {
  if (!problem) return [{ text: NOTHING }];
  const facts = problem.facts.map((fact) => ({ text: `${fact.label} ${fact.value}` }));
  const description = problemText(problem, 'description');
  return [
    ...facts,
    ...description
      .split(/\n+/)
      .filter(Boolean)
      .map((text) => ({ text })),
  ];
}

function outlineLines(items: readonly OutlineItem[], depth = 0): StoryLine[] {
  return items.flatMap((item) => [
    { text: item.text, depth, strong: depth === 0 },
    ...outlineLines(item.children, depth + 1),
  ]);
}

function changeLines(items: readonly ItemReport[]): StoryLine[] {
  const ideas = new Map(ofKind(items, 'idea').map((idea) => [idea.id, idea.title]));
  const byIdea = new Map<string, PdsaReport[]>();
  for (const cycle of ofKind(items, 'pdsa')) {
    const key = cycle.ideaId ?? '';
    byIdea.set(key, [...(byIdea.get(key) ?? []), cycle]);
  }
  if (byIdea.size === 0) return [{ text: 'No PDSA cycles yet.' }];
  return [...byIdea].flatMap(([ideaId, cycles]) => [
    { text: ideas.get(ideaId) ?? 'Cycles not linked to a change idea', strong: true },
    ...orderRamp(cycles).map(({ cycle }) => {
      const cells = (name: string) =>
        cycle.questions
          .map((row) => row.cells[name] ?? '')
          .filter(Boolean)
          .join(' ');
      const decision = cycle.decision ? PDSA_DECISION_LABELS[cycle.decision] : 'not decided yet';
      const parts = [
        `Cycle ${cycle.label || cycle.title}`,
        cells('prediction') ? `predicted: ${cells('prediction')}` : '',
        cells('result') ? `happened: ${cells('result')}` : '',
        `decision: ${decision ?? 'not decided yet'}`,
      ];
      return { text: parts.filter(Boolean).join('; '), depth: 1 };
    }),
  ]);
}

function resultLines(items: readonly ItemReport[]): StoryLine[] {
  const measures = ofKind(items, 'measure');
  if (measures.length === 0) return [{ text: 'No measures yet.' }];
  return measures.flatMap((measure) => {
    const r = measureReading(measure);
    const icons = [r.icons.variation, r.icons.assurance].filter(
      (icon): icon is MdcIcon => icon !== null,
    );
    const named = icons.map((icon) => `${iconText(icon)}. `).join('');
    return [
      { text: `${measure.title}: latest ${r.latest}. ${named}${r.reading}`, strong: false },
      ...(measure.chart ? chartMarks(measure.chart).map((m) => ({ text: m.text, depth: 1 })) : []),
    ];
  });
}

/**
 * The driver diagram as a picture narrow enough for a poster's column; its words are the whole
 * outline (a poster has no room for both), so its alternative text says every link.
 */
function driverStory(title: string, diagram: DriverDiagram): StoryFigure {
  const name = title || STORYBOARD_HEADINGS.drivers;
  const picture = driverFigure(diagram, name, 'storyboard-drivers', COMPACT_DRIVER_LAYOUT);
  const said = (items: readonly OutlineItem[]): string =>
    items
      .map((item) =>
        item.children.length > 0 ? `${item.text} (${said(item.children)})` : item.text,
      )
      .join('; ');
  return {
    ...picture,
    title: name,
    description: `Driver diagram: ${said(driverOutline(diagram))}.`,
  };
}

const paragraphs = (text: string): StoryLine[] =>
  text
    ? text
        .split(/\n+/)
        .filter(Boolean)
        .map((line) => ({ text: line }))
    : [{ text: NOTHING }];

export function buildStoryboard(report: LabReport, contacts: readonly StoryContact[]): Storyboard {
  const { items } = report;
  const problem = ofKind(items, 'problem')[0];
  const drivers = ofKind(items, 'drivers')[0];
  const diagram = drivers?.diagram;
  const charts = ofKind(items, 'measure').flatMap((m) =>
    m.chart && !m.chart.error ? [m.chart] : [],
  );
  const team =
    report.team && report.team.length > 0
      ? report.team.map((p) => `${p.name} (${p.profession})`).join(', ')
      : report.participants
        ? `${report.participants.reduce((sum, row) => sum + row.count, 0)} people took part`
        : '';
  const part = (
    id: StoryboardSection,
    lines: StoryLine[],
    partCharts: ChartView[] = [],
    figure: StoryFigure | null = null,
  ): StoryPart => ({
    id,
    heading: STORYBOARD_HEADINGS[id],
    lines,
    charts: partCharts,
    ...(figure ? { figure } : {}),
  });
  const driverPicture =
    drivers && diagram && diagram.nodes.length > 0 ? driverStory(drivers.title, diagram) : null;
  return {
    title: report.lab.title,
    subtitle: report.lab.challenge,
    team,
    // A storyboard has no room for data tables: the report has one beside each chart.
    footer: `Improvement Lab storyboard, ${formatDateTime(report.exportedAt)}. Each chart’s data table (values, centre line, limits and signals) is in the lab report.`,
    parts: [
      part('background', background(problem)),
      part('aim', [{ text: problem?.aim ?? NOTHING, strong: true }]),
      part(
        'drivers',
        diagram && diagram.nodes.length > 0
          ? outlineLines(driverOutline(diagram))
          : [{ text: 'No driver diagram yet.' }],
        [],
        driverPicture,
      ),
      part('changes', changeLines(items)),
      part('results', resultLines(items), charts),
      part('learning', paragraphs(problemText(problem, 'learning'))),
      part('nextSteps', paragraphs(problemText(problem, 'nextSteps'))),
      part(
        'contact',
        contacts.length > 0
          ? contacts.map((c) => ({ text: `${c.name}, ${c.email}` }))
          : [{ text: 'The lab’s facilitators.' }],
      ),
    ],
  };
}
