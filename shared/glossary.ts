/**
 * The words of quality improvement, explained for everyone, patients and the
 * public first: one source for the explanation shown beside a term wherever it
 * appears and for the glossary page. Written as the NHS content style guide asks,
 * for a reading age of about 9 to 11: short sentences (a unit test holds each to
 * 20 words or fewer), everyday words, and any other term used here explained here
 * too.
 */
import type { ItemKind } from './schemas/records';

export interface GlossaryEntry {
  /** Stable, URL-safe: the page's anchor (`/glossary#pdsa`). */
  readonly id: string;
  /** The term as the screens write it. */
  readonly term: string;
  readonly definition: string;
}

// Written A to Z, as the page lists them (a unit test checks the order): sorting at load
// would make the first page of every visit pay for the browser's collation data.
const ENTRIES = [
  {
    id: 'abandon',
    term: 'Abandon',
    definition: 'The test did not help. The team will stop trying this idea.',
  },
  {
    id: 'adapt',
    term: 'Adapt',
    definition:
      'The test taught the team something. They will change the idea a little and test again.',
  },
  {
    id: 'adopt',
    term: 'Adopt',
    definition: 'The test went well. The team will keep doing this.',
  },
  {
    id: 'aim',
    term: 'Aim',
    definition: 'What the team wants to make better, by how much, and by when.',
  },
  {
    id: 'balancing-measure',
    term: 'Balancing measure',
    definition: 'Checks that a change has not made something else worse.',
  },
  {
    id: 'baseline',
    term: 'Baseline',
    definition: 'How things were before the team changed anything.',
  },
  {
    id: 'change-idea',
    term: 'Change idea',
    definition: 'Something the team could try, to see if it makes things better.',
  },
  {
    id: 'control-chart',
    term: 'Control chart',
    definition:
      'A run chart with two more lines that show the usual ups and downs. A point outside them needs a look.',
  },
  {
    id: 'draft',
    term: 'Draft',
    definition: 'Work the team is still writing. Only the team can see it.',
  },
  {
    id: 'driver-diagram',
    term: 'Driver diagram',
    definition:
      'A picture of the aim and the things that could help reach it. Lines join each thing to what it helps.',
  },
  {
    id: 'facilitator',
    term: 'Facilitator',
    definition: 'The person who runs the lab and answers comments.',
  },
  {
    id: 'final',
    term: 'Final',
    definition: 'Work the team has finished. You can read it but not change it.',
  },
  {
    id: 'fishbone',
    term: 'Fishbone diagram',
    definition:
      'A picture of the causes of a problem. The problem is the head and the causes are the bones.',
  },
  {
    id: 'measure',
    term: 'Measure',
    definition: 'Something the team counts or times, to see if a change is helping.',
  },
  {
    id: 'median',
    term: 'Median',
    definition: 'The middle number when all the numbers are put in order.',
  },
  {
    id: 'node',
    term: 'Node',
    definition: 'One box in a diagram, such as the aim, a driver or a change idea.',
  },
  {
    id: 'open-for-comment',
    term: 'Open for comment',
    definition: 'Work the team has shared so that you can read it and say what you think.',
  },
  {
    id: 'outcome-measure',
    term: 'Outcome measure',
    definition:
      'Shows if things are better for patients or staff. For example, how many people fall.',
  },
  {
    id: 'pdsa',
    term: 'PDSA cycle',
    definition:
      'A small test of a change idea. Plan it, Do it, Study what happened, then Act on what you learned.',
  },
  {
    id: 'pick-chart',
    term: 'PICK chart',
    definition:
      'A grid that sorts change ideas by how much good they could do and how hard they are.',
  },
  {
    id: 'primary-driver',
    term: 'Primary driver',
    definition: 'One of the big things that must change for the team to reach its aim.',
  },
  {
    id: 'problem-statement',
    term: 'Problem statement',
    definition: 'A few lines that say what is wrong now, who it affects, and why it matters.',
  },
  {
    id: 'process-map',
    term: 'Process map',
    definition: 'A picture of each step of a task, in the order it happens.',
  },
  {
    id: 'process-measure',
    term: 'Process measure',
    definition:
      'Shows if the new way of working is being done. For example, how many checks happen.',
  },
  {
    id: 'ramp',
    term: 'Ramp',
    definition: 'A run of PDSA cycles, one after another. Each test is a bit bigger than the last.',
  },
  {
    id: 'reviewer',
    term: 'Reviewer',
    definition:
      'A patient, carer or member of the public who reads shared work and comments on it.',
  },
  {
    id: 'run-chart',
    term: 'Run chart',
    definition:
      'A line chart of a measure over time, with a middle line. It shows if things are changing.',
  },
  {
    id: 'scale',
    term: 'Scale',
    definition: 'How big a test is. For example, one patient, one ward or one day.',
  },
  {
    id: 'secondary-driver',
    term: 'Secondary driver',
    definition: 'A smaller thing that helps a primary driver. Change ideas often work on these.',
  },
  {
    id: 'shift',
    term: 'Shift',
    definition: 'Many points in a row on the same side of the middle line. It is a signal.',
  },
  {
    id: 'signal',
    term: 'Signal',
    definition: 'A sign in a chart that something has really changed, not just by chance.',
  },
  {
    id: 'spc',
    term: 'SPC',
    definition:
      'Short for statistical process control. It means using control charts to read data.',
  },
  {
    id: 'spread',
    term: 'Spread',
    definition: 'A change that worked is now being used in more places.',
  },
  {
    id: 'tester',
    term: 'Tester',
    definition: 'The person who carries out a test.',
  },
  {
    id: 'trend',
    term: 'Trend',
    definition: 'Many points in a row that keep going up, or keep going down. It is a signal.',
  },
  {
    id: 'weak-link',
    term: 'Weak link',
    definition:
      'A line in a driver diagram where the team is less sure that one thing helps the other.',
  },
  {
    id: 'workshop-board',
    term: 'Workshop board',
    definition: 'A wall of sticky notes for a meeting. Everyone adds notes, groups them and votes.',
  },
] as const satisfies readonly GlossaryEntry[];

export type GlossaryId = (typeof ENTRIES)[number]['id'];

/** Every entry, in the order the page lists them: A to Z. */
export const GLOSSARY: readonly GlossaryEntry[] = ENTRIES;

const BY_ID = new Map<string, GlossaryEntry>(ENTRIES.map((entry) => [entry.id, entry]));

export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`no glossary entry ${id}`);
  return entry;
}

/** The entry that explains each kind of item (a note needs none). */
export const KIND_TERMS: Readonly<Record<ItemKind, GlossaryId | null>> = {
  problem: 'problem-statement',
  drivers: 'driver-diagram',
  idea: 'change-idea',
  pdsa: 'pdsa',
  measure: 'measure',
  note: null,
  fishbone: 'fishbone',
  process: 'process-map',
  workshop: 'workshop-board',
};

/** The words of the lab's measures' charts, explained beneath them for reviewers. */
export const CHART_TERMS: readonly GlossaryId[] = [
  'run-chart',
  'median',
  'control-chart',
  'signal',
  'shift',
  'trend',
];

/** The words a reader meets on a page of each kind, explained together beneath it. */
export const KIND_KEY_TERMS: Readonly<Record<ItemKind, readonly GlossaryId[]>> = {
  problem: ['problem-statement', 'aim', 'baseline'],
  drivers: [
    'driver-diagram',
    'aim',
    'primary-driver',
    'secondary-driver',
    'change-idea',
    'weak-link',
    'pick-chart',
    'node',
  ],
  idea: ['change-idea', 'pick-chart', 'pdsa', 'ramp', 'adopt', 'adapt', 'abandon', 'spread'],
  pdsa: ['pdsa', 'change-idea', 'tester', 'scale', 'adopt', 'adapt', 'abandon'],
  measure: [
    'measure',
    'outcome-measure',
    'process-measure',
    'balancing-measure',
    'baseline',
    'run-chart',
    'median',
    'control-chart',
    'spc',
    'signal',
    'shift',
    'trend',
  ],
  note: [],
  fishbone: ['fishbone', 'problem-statement'],
  process: ['process-map', 'change-idea'],
  workshop: ['workshop-board', 'change-idea', 'pick-chart'],
};
