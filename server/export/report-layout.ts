/**
 * The order and wording of a lab report: problem and aim, driver diagram,
 * change ideas each with its PDSA ramp, measures, notes, who took part and
 * reviewers' comments. Also the export of a single item. Produces blocks; the
 * renderers draw them.
 */
import { KINDS } from '../../shared/documents/item-kinds';
import { PHASE_LABELS } from '../../shared/labels';
import {
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  type ReportSection,
} from '../../shared/report-sections';
import type { Block, HeadingLevel, ReportDocument } from './blocks';
import { formatDate, formatDateTime } from './format-values';
import { itemBlocks, itemHeading } from './item-layout';
import { orderRamp } from './pdsa-ramp';
import type {
  ItemReport,
  LabReport,
  LabSummary,
  PdsaReport,
  ReportComment,
  SingleItemReport,
} from './report-model';
import { summaryBlocks } from './summary-layout';
import { surveyBlocks } from './survey-layout';

function labIntro(lab: LabSummary, exportedAt: string, what: string): Block[] {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${what} exported from Improvement Lab on ${formatDateTime(exportedAt)}.`,
      style: 'meta',
    },
  ];
  if (lab.challenge.trim()) blocks.push({ kind: 'paragraph', text: lab.challenge, style: 'lead' });
  const facts = [
    { label: 'Phase', value: PHASE_LABELS[lab.phase] },
    ...(lab.startDate ? [{ label: 'Start date', value: formatDate(lab.startDate) }] : []),
    ...(lab.endDate ? [{ label: 'End date', value: formatDate(lab.endDate) }] : []),
  ];
  return [...blocks, { kind: 'facts', facts }];
}

function ofKind<K extends ItemReport['kind']>(items: readonly ItemReport[], kind: K) {
  return items.filter((item): item is Extract<ItemReport, { kind: K }> => item.kind === kind);
}

function rampBlocks(cycles: readonly PdsaReport[], level: HeadingLevel): Block[] {
  return orderRamp(cycles).flatMap(({ cycle }) => itemBlocks(cycle, level));
}

function ideaBlocks(items: readonly ItemReport[]): Block[] {
  const ideas = ofKind(items, 'idea');
  const cycles = ofKind(items, 'pdsa');
  const ideaIds = new Set(ideas.map((idea) => idea.id));
  const blocks = ideas.flatMap((idea) => {
    const ramp = cycles.filter((cycle) => cycle.ideaId === idea.id);
    return [
      ...itemBlocks(idea, 3),
      ...(ramp.length > 0
        ? [{ kind: 'heading', level: 4, text: 'PDSA ramp' } as const, ...rampBlocks(ramp, 5)]
        : []),
    ];
  });
  const unlinked = cycles.filter((cycle) => cycle.ideaId === null || !ideaIds.has(cycle.ideaId));
  if (unlinked.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'PDSA cycles not linked to a change idea' });
    blocks.push(...rampBlocks(unlinked, 4));
  }
  return blocks;
}

function chapter(title: string, body: Block[]): Block[] {
  return body.length === 0 ? [] : [{ kind: 'heading', level: 2, text: title }, ...body];
}

function participantBlocks(report: LabReport): Block[] {
  if (report.participants === null) return [];
  const total = report.participants.reduce((sum, row) => sum + row.count, 0);
  const team: Block[] =
    report.team && report.team.length > 0
      ? [
          {
            kind: 'table',
            caption: 'The team by name and profession (reviewers are counted above, not named)',
            head: ['Name', 'Profession'],
            rows: report.team.map((person) => [person.name, person.profession]),
          },
        ]
      : [];
  return chapter('Who took part', [
    {
      kind: 'paragraph',
      text: `${total} ${total === 1 ? 'person' : 'people'} took part, by profession:`,
    },
    {
      kind: 'table',
      caption: 'Members of the lab by profession',
      head: ['Profession', 'People'],
      rows: report.participants.map((row) => [row.profession, String(row.count)]),
    },
    ...team,
  ]);
}

function commentBlocks(
  comment: ReportComment,
  replies: readonly ReportComment[],
  level: HeadingLevel,
): Block[] {
  const status = comment.status === 'resolved' ? 'Resolved' : 'Open';
  return [
    { kind: 'heading', level, text: `${comment.author} (${comment.profession}), ${status}` },
    ...(comment.quote ? [{ kind: 'quote', text: comment.quote } as const] : []),
    { kind: 'paragraph', text: comment.body },
    ...replies.map(
      (reply): Block => ({
        kind: 'paragraph',
        text: `Reply from ${reply.author} (${reply.profession}): ${reply.body}`,
      }),
    ),
    ...(comment.response
      ? [{ kind: 'paragraph', text: `We did: ${comment.response}` } as const]
      : []),
  ];
}

/** Comments as threads: each first comment with the replies that answer it, in order. */
function threads(comments: readonly ReportComment[]) {
  const firsts = comments.filter(
    (c) => !c.replyTo || !comments.some((other) => other.id === c.replyTo),
  );
  return firsts.map((first) => ({
    first,
    replies: first.id ? comments.filter((c) => c.replyTo === first.id) : [],
  }));
}

/** "You said, we did": each thread the team answered, as patients see it answered. */
function youSaidWeDid(report: LabReport, titles: ReadonlyMap<string, string>): Block[] {
  const answered = threads(report.comments ?? []).filter(({ first }) => first.response);
  if (answered.length === 0) return [];
  return [
    { kind: 'heading', level: 3, text: 'You said, we did' },
    {
      kind: 'table',
      caption: 'What reviewers said and what the team did in response',
      head: ['On', 'You said', 'We did'],
      rows: answered.map(({ first }) => [
        titles.get(first.itemId) ?? 'An item not in this report',
        `${first.body} (${first.author})`,
        first.response ?? '',
      ]),
    },
  ];
}

function commentChapter(report: LabReport): Block[] {
  if (report.comments === null) return [];
  if (report.comments.length === 0) {
    return chapter("Reviewers' comments", [
      { kind: 'paragraph', text: 'There are no comments on the items in this report.' },
    ]);
  }
  const titles = new Map(report.items.map((item) => [item.id, itemHeading(item)]));
  const byItem = new Map<string, ReturnType<typeof threads>>();
  for (const thread of threads(report.comments)) {
    const itemId = thread.first.itemId;
    byItem.set(itemId, [...(byItem.get(itemId) ?? []), thread]);
  }
  const body = [...byItem].flatMap(([itemId, itemThreads]): Block[] => [
    { kind: 'heading', level: 3, text: `On ${titles.get(itemId) ?? 'an item not in this report'}` },
    ...itemThreads.flatMap(({ first, replies }) => commentBlocks(first, replies, 4)),
  ]);
  return chapter("Reviewers' comments", [...youSaidWeDid(report, titles), ...body]);
}

/** Each chosen chapter's blocks; the summary's are laid out by `summary-layout.ts`. */
function sectionBlocks(report: LabReport, section: ReportSection): Block[] {
  const { items } = report;
  const at = (level: HeadingLevel) => (item: ItemReport) => itemBlocks(item, level);
  const title = REPORT_SECTION_LABELS[section];
  switch (section) {
    case 'summary':
      return summaryBlocks(report);
    case 'problem':
      return chapter(title, ofKind(items, 'problem').flatMap(at(3)));
    case 'drivers':
      return chapter(title, ofKind(items, 'drivers').flatMap(at(3)));
    case 'causes':
      return chapter(title, ofKind(items, 'fishbone').flatMap(at(3)));
    case 'process':
      return chapter(title, ofKind(items, 'process').flatMap(at(3)));
    case 'ideas':
      return chapter(title, ideaBlocks(items));
    case 'measures':
      return chapter(title, ofKind(items, 'measure').flatMap(at(3)));
    case 'notes':
      return chapter(title, [
        ...ofKind(items, 'note').flatMap(at(3)),
        ...ofKind(items, 'workshop').flatMap(at(3)),
      ]);
    case 'evaluation':
      return surveyBlocks(report.survey);
    default: {
      const unreachable: never = section;
      throw new Error(`unknown section ${String(unreachable)}`);
    }
  }
}

export function labReportDocument(
  report: LabReport,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
): ReportDocument {
  const chosen = sections.flatMap((section) => sectionBlocks(report, section));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: report.lab.title },
    ...labIntro(report.lab, report.exportedAt, 'Lab report'),
    ...chosen,
  ];
  if (chosen.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text:
        report.items.length === 0
          ? 'This lab has no items to report yet.'
          : 'The chapters chosen for this report have nothing in them.',
    });
  }
  blocks.push(...participantBlocks(report), ...commentChapter(report));
  return { title: report.lab.title, blocks };
}

export function itemReportDocument(report: SingleItemReport): ReportDocument {
  const { item, lab } = report;
  const [heading, ...body] = itemBlocks(item, 1);
  const what = `${KINDS[item.kind].label} from the lab “${lab.title}”,`;
  return {
    title: itemHeading(item),
    blocks: [
      ...(heading ? [heading] : []),
      {
        kind: 'paragraph',
        text: report.version
          ? `${what} as it was in the version “${report.version.name}” of ${formatDateTime(report.version.at)}, exported from Improvement Lab on ${formatDateTime(report.exportedAt)}.`
          : `${what} exported from Improvement Lab on ${formatDateTime(report.exportedAt)}.`,
        style: 'meta',
      },
      ...body,
    ],
  };
}
