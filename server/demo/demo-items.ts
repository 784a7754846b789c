/**
 * The demo lab's work: a problem and aim, a driver diagram, change ideas, a ramp
 * of PDSA cycles, a measure and a note, written with the same typed accessors the
 * client uses. The figures are illustrative, not from a real ward.
 */
import * as Y from 'yjs';
import { DEMO_BLOCKS, DEMO_DOC_ID, DEMO_TITLE } from '../../shared/demo';
import { FIELDS_MAP } from '../../shared/documents/names';
import {
  addRow,
  deriveStatus,
  type FieldValue,
  fieldText,
  initItemDoc,
  section,
  setFieldValue,
} from '../../shared/documents/item-doc';
import type { SharingState } from '../../shared/roles';
import type { ItemKind } from '../../shared/schemas/records';
import { DEMO_DIAGRAMS } from './demo-diagrams';
import { DEMO_WORKSHOP, DEMO_WORKSHOP_ID, IDEA_FROM_CLUSTER } from './demo-workshop';

export interface DemoItem {
  readonly id: string;
  readonly kind: ItemKind;
  readonly title: string;
  /**
   * How far it is shared: the finished work final, the ideas open for patients' comments, the
   * welcome note a draft for the team. The default export is then a full report.
   */
  readonly sharing?: SharingState;
  readonly build: (doc: Y.Doc) => void;
}

function paragraphs(
  fragment: Y.XmlFragment,
  blocks: ReadonlyArray<readonly [0 | 1 | 2, string]>,
): void {
  fragment.insert(
    fragment.length,
    blocks.map(([level, text]) => {
      const element = new Y.XmlElement(level === 0 ? 'paragraph' : 'heading');
      // y-prosemirror keeps node attributes with their JSON types; a heading's level is a number.
      if (level > 0) element.setAttribute('level', level as unknown as string);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
}

function fill(doc: Y.Doc, kind: ItemKind, values: Record<string, FieldValue>): void {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && isTextField(doc, name)) fieldText(doc, name).insert(0, value);
    else setFieldValue(doc, kind, name, value);
  }
}

function isTextField(doc: Y.Doc, name: string): boolean {
  return doc.getMap(FIELDS_MAP).get(name) instanceof Y.Text;
}

const idea = (
  id: string,
  title: string,
  values: Record<string, FieldValue>,
  description: string,
): DemoItem => ({
  id,
  kind: 'idea',
  title,
  sharing: 'open_for_comment',
  build: (doc) => {
    fill(doc, 'idea', values);
    // The ideas the workshop's top clusters became say where they came from.
    const fromRow = IDEA_FROM_CLUSTER[id as keyof typeof IDEA_FROM_CLUSTER];
    if (fromRow) fill(doc, 'idea', { fromBoard: DEMO_WORKSHOP_ID, fromRow });
    paragraphs(section(doc, 'description'), [[0, description]]);
  },
});

interface CycleSpec {
  id: string;
  label: string;
  follows: string;
  values: Record<string, FieldValue>;
  question: [string, string, string, string];
  observations: string;
  summary: string;
  next: string;
}

const cycle = (spec: CycleSpec): DemoItem => ({
  id: spec.id,
  kind: 'pdsa',
  sharing: 'final',
  title: `Rounding, cycle ${spec.label}`,
  build: (doc) => {
    fill(doc, 'pdsa', {
      ideaId: 'demo-idea-rounding',
      label: spec.label,
      follows: spec.follows,
      ...spec.values,
    });
    const [question, prediction, result, learning] = spec.question;
    addRow(doc, 'pdsa', 'questions', `${spec.id}-q1`, { question, prediction, result, learning });
    addRow(doc, 'pdsa', 'tasks', `${spec.id}-t1`, {
      what: 'Offer the toilet at each 2-hourly round, record on the rounding sheet',
      who: 'Night HCAs',
      when: '22:00–06:00',
      where: 'Bay B',
    });
    paragraphs(section(doc, 'observations'), [[0, spec.observations]]);
    paragraphs(section(doc, 'studySummary'), [[0, spec.summary]]);
    paragraphs(section(doc, 'next'), [[0, spec.next]]);
  },
});

/** Data points (by index) that followed a PDSA cycle. */
const PDSA_AFTER = new Map([
  [9, 'demo-pdsa-1'],
  [10, 'demo-pdsa-2a'],
]);

const FALLS_RATE = [6.4, 5.9, 6.8, 6.1, 5.7, 6.3, 5.2, 4.9, 4.6, 4.8, 4.3, 4.1];

export const DEMO_ITEMS: readonly DemoItem[] = [
  {
    id: 'demo-problem',
    kind: 'problem',
    sharing: 'final',
    title: 'Falls on Ward 7: problem and aim',
    build: (doc) => {
      fill(doc, 'problem', {
        what: 'Inpatient falls, often unwitnessed, when patients get up alone at night',
        where: 'Ward 7 (acute older people’s medicine, 28 beds), mostly 22:00–06:00',
        howBig: '41 falls from April to September: 6.1 per 1,000 occupied bed days',
        who: 'Older inpatients, their families, and the night team',
        evidence:
          'Incident reports, two hip fractures, interviews with patients, families and staff',
        aimWhat: 'Inpatient falls',
        aimForWhom: 'patients on Ward 7',
        aimBaseline: 6.1,
        aimTarget: 4,
        aimUnit: 'falls per 1,000 occupied bed days',
        aimDirection: 'decrease',
        aimByWhen: '2027-03-31',
      });
      paragraphs(section(doc, 'description'), DEMO_BLOCKS.slice(0, 3));
      paragraphs(section(doc, 'learning'), [
        [
          0,
          'Night rounds that always offer the toilet prevent the falls that happen when patients get up alone; a visible prompt keeps side-room rounds on time.',
        ],
      ]);
      paragraphs(section(doc, 'nextSteps'), [
        [0, 'Adopt rounding with the door prompt across Ward 7, then spread it to Ward 8.'],
      ]);
    },
  },
  {
    id: 'demo-drivers',
    kind: 'drivers',
    sharing: 'final',
    title: 'Driver diagram',
    build: (doc) => {
      const nodes: Array<[string, string, string, string | null]> = [
        ['n-aim', 'aim', 'Reduce falls to 4.0 per 1,000 bed days by March', null],
        ['n-help', 'primary', 'Patients can get help when they need it', null],
        ['n-risk', 'primary', 'Each patient’s risks are known and acted on', null],
        ['n-bell', 'secondary', 'Call bell always within reach', null],
        ['n-toilet', 'secondary', 'Toilet needs met before patients get up alone', null],
        ['n-bp', 'secondary', 'Lying and standing blood pressure checked', null],
        ['n-plan', 'secondary', 'Patient and family know the mobility plan', null],
        ['n-i-round', 'idea', 'Intentional rounding at night', 'demo-idea-rounding'],
        ['n-i-bell', 'idea', 'Call bell check at handover', 'demo-idea-callbell'],
        ['n-i-card', 'idea', '“My mobility” card', 'demo-idea-card'],
      ];
      for (const [id, type, label, ideaId] of nodes)
        addRow(doc, 'drivers', 'nodes', id, { type, label, ideaId });
      const edges: Array<[string, string, string]> = [
        ['n-help', 'n-aim', 'strong'],
        ['n-risk', 'n-aim', 'strong'],
        ['n-bell', 'n-help', 'strong'],
        ['n-toilet', 'n-help', 'strong'],
        ['n-toilet', 'n-risk', 'weak'],
        ['n-bp', 'n-risk', 'strong'],
        ['n-plan', 'n-risk', 'strong'],
        ['n-plan', 'n-help', 'weak'],
        ['n-i-round', 'n-toilet', 'strong'],
        ['n-i-bell', 'n-bell', 'strong'],
        ['n-i-card', 'n-plan', 'strong'],
        ['n-i-card', 'n-bell', 'weak'],
      ];
      edges.forEach(([from, to, strength], i) => {
        addRow(doc, 'drivers', 'edges', `e${i + 1}`, { from, to, strength });
      });
    },
  },
  idea(
    'demo-idea-rounding',
    'Intentional rounding at night with a toilet offer',
    {
      source: 'evidence',
      impact: 'high',
      effort: 'easy',
      status: 'testing',
      owner: 'Night sister',
    },
    'Two-hourly rounds between 22:00 and 06:00 that always include an offer of the toilet, a drink and a check that the call bell is in reach.',
  ),
  idea(
    'demo-idea-callbell',
    'Call bell within reach, checked at every handover',
    { source: 'patient', impact: 'high', effort: 'easy', status: 'adopted', owner: 'Ward manager' },
    'Suggested by our patient partners: the bell is checked as part of the bedside handover, and put on the side of the patient’s stronger hand.',
  ),
  idea(
    'demo-idea-card',
    'A patient-held “my mobility” card',
    {
      source: 'patient',
      impact: 'high',
      effort: 'hard',
      status: 'idea',
      owner: 'Physiotherapy lead',
    },
    'A card at the bedside, designed with patients and families, saying how the patient moves safely and what help they need.',
  ),
  cycle({
    id: 'demo-pdsa-1',
    label: '1',
    follows: '',
    values: {
      tester: 'Night sister',
      startDate: '2026-10-05',
      endDate: '2026-10-07',
      scale: 'One bay, three nights',
      objective: 'Find out whether rounding with a toilet offer is workable at night',
      asPlanned: 'yes',
      decision: 'adapt',
    },
    question: [
      'Can the HCAs complete a round every 2 hours?',
      'Most rounds (8 of 10) will be completed',
      '17 of 24 rounds completed; missed rounds clustered at 02:00–04:00',
      'Rounds slip when an admission arrives; the sheet needs fewer boxes',
    ],
    observations:
      'Patients welcomed the toilet offer; two said they would otherwise have got up alone.',
    summary: 'Workable, but rounds at 02:00–04:00 slip during admissions.',
    next: 'Simplify the rounding sheet and test on the whole ward for a week.',
  }),
  cycle({
    id: 'demo-pdsa-2',
    label: '2',
    follows: '1',
    values: {
      tester: 'Night sister',
      startDate: '2026-10-12',
      endDate: '2026-10-18',
      scale: 'Whole ward, one week',
      objective: 'Test the simpler sheet across all bays',
      asPlanned: 'no',
      decision: 'adapt',
    },
    question: [
      'Will rounds hold up across all bays?',
      '90% of rounds completed',
      '82% completed; Bay D missed most (side rooms)',
      'Side rooms need their own prompt',
    ],
    observations: 'Families asked to be told about rounding so they know what to expect.',
    summary: 'Holding up in open bays; side rooms need a different prompt.',
    next: 'Branch 2a: a door sign and timer for side rooms.',
  }),
  cycle({
    id: 'demo-pdsa-2a',
    label: '2a',
    follows: '2',
    values: {
      tester: 'Staff nurse, Bay D',
      startDate: '2026-10-20',
      endDate: '2026-10-26',
      scale: 'Side rooms, one week',
      objective: 'See whether a door sign and timer keep side-room rounds on time',
      asPlanned: 'yes',
      decision: 'adopt',
    },
    question: [
      'Will a door sign and timer keep side-room rounds on time?',
      '90% of side-room rounds completed',
      '93% completed',
      'A visible prompt works; adopt with the sheet',
    ],
    observations: 'No falls in side rooms during the week.',
    summary: 'Adopt rounding with the door prompt across the ward.',
    next: 'Spread to Ward 8 in the new year.',
  }),
  {
    id: 'demo-measure-falls',
    kind: 'measure',
    sharing: 'final',
    title: 'Falls per 1,000 occupied bed days',
    build: (doc) => {
      fill(doc, 'measure', {
        type: 'outcome',
        definition:
          'Inpatient falls recorded on the incident system ÷ occupied bed days × 1,000, per calendar month',
        unit: 'falls per 1,000 bed days',
        frequency: 'monthly',
        direction: 'down',
        target: 4,
      });
      FALLS_RATE.forEach((value, i) => {
        const period = `2026-${String(i + 1).padStart(2, '0')}`;
        addRow(doc, 'measure', 'points', `p${i + 1}`, {
          period,
          value,
          note: i === 9 ? 'Rounding cycle 2' : '',
          // The cycles tested in October and November, marked on the chart as on the page.
          ...(PDSA_AFTER.has(i) ? { pdsaId: PDSA_AFTER.get(i) ?? '' } : {}),
        });
      });
    },
  },
  ...DEMO_DIAGRAMS,
  DEMO_WORKSHOP,
  {
    id: DEMO_DOC_ID,
    kind: 'note',
    title: DEMO_TITLE,
    build: (doc) => paragraphs(section(doc, 'body'), DEMO_BLOCKS),
  },
];

/** The item's document as one update, in the current schema, and its registry status. */
export function buildDemoDoc(item: DemoItem): { update: Uint8Array; status: string } {
  const doc = new Y.Doc();
  doc.transact(() => {
    initItemDoc(doc, item.kind, item.title);
    item.build(doc);
  });
  const result = { update: Y.encodeStateAsUpdate(doc), status: deriveStatus(doc, item.kind) };
  doc.destroy();
  return result;
}
