/**
 * What each kind of item holds, after the Model for Improvement and the IHI PDSA
 * worksheet (see the domain notes): its structured fields, rich-text sections and
 * lists of rows. Field names here are the ones stored in the document.
 */
import { CONTROL_CHARTS } from '../charts/types';
import type { ItemKind } from '../schemas/records';

export type FieldSpec =
  | { readonly type: 'text'; readonly label: string }
  | { readonly type: 'choice'; readonly label: string; readonly options: readonly string[] }
  | { readonly type: 'number'; readonly label: string }
  | { readonly type: 'date'; readonly label: string }
  | { readonly type: 'ref'; readonly label: string; readonly kind: ItemKind };

export interface ListSpec {
  readonly label: string;
  /** Every row has an `id`; these are its other columns (free text unless a choice). */
  readonly columns: Readonly<Record<string, FieldSpec>>;
  /** Rows only the server adds (a workshop's notes): the schema guard refuses them from clients. */
  readonly addedByServer?: boolean;
  /**
   * Columns only the server writes (a note's words and author, what a row became): the
   * schema guard refuses them, and any change inside their text, from clients; `addRow`
   * leaves them out unless given a value.
   */
  readonly serverColumns?: readonly string[];
}

export interface KindSpec {
  readonly label: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly sections: Readonly<Record<string, string>>;
  readonly lists: Readonly<Record<string, ListSpec>>;
}

const text = (label: string): FieldSpec => ({ type: 'text', label });
const choice = (label: string, options: readonly string[]): FieldSpec => ({
  type: 'choice',
  label,
  options,
});

export const IDEA_STATUSES = [
  'idea',
  'testing',
  'adopted',
  'adapted',
  'abandoned',
  'spread',
] as const;
export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export const DRIVER_NODE_TYPES = ['aim', 'primary', 'secondary', 'idea'] as const;
export const LINK_STRENGTHS = ['strong', 'weak'] as const;
/** A change idea's place on the PICK chart: impact and effort. */
export const PICK_IMPACTS = ['high', 'low'] as const;
export const PICK_EFFORTS = ['easy', 'hard'] as const;
/** A process map's kinds of step (`shared/diagrams/process-map.ts`). */
export const PROCESS_STEP_TYPES = ['start', 'step', 'decision', 'wait', 'handoff', 'end'] as const;
export const MEASURE_RECORDED_AS = ['values', 'proportions'] as const;
export const MEASURE_CHARTS = ['run', 'xmr'] as const;
export const MEASURE_RULE_SETS = ['ihi', 'anhoej', 'mdc'] as const;

/**
 * A driver node's or a cause's origin when a workshop board's cluster or note was added
 * as one (`server/api/routes/workshop-outcomes.ts`); absent otherwise. Added after schema
 * version 2 without a migration, as an idea's `fromBoard` was.
 */
const FROM_BOARD: Readonly<Record<string, FieldSpec>> = {
  fromBoard: { type: 'ref', label: 'From workshop board', kind: 'workshop' },
  fromRow: { type: 'ref', label: 'From note or cluster', kind: 'workshop' },
};

/** What a workshop board's cluster or note became in a diagram: the diagram and its row. */
const BECAME: Readonly<Record<string, FieldSpec>> = {
  driverDiagram: { type: 'ref', label: 'Added as a driver in', kind: 'drivers' },
  driverNode: { type: 'ref', label: 'Driver', kind: 'drivers' },
  causeFishbone: { type: 'ref', label: 'Added as a cause in', kind: 'fishbone' },
  causeNode: { type: 'ref', label: 'Cause', kind: 'fishbone' },
};
/** The server writes these (and `ideaId`): a client's link would not be honest. */
const BECAME_COLUMNS = ['ideaId', ...Object.keys(BECAME)];

export const KINDS: Readonly<Record<ItemKind, KindSpec>> = {
  problem: {
    label: 'Problem statement and aim',
    fields: {
      what: text('What is the problem?'),
      where: text('Where and when does it happen?'),
      howBig: text('How big is it?'),
      who: text('Who is affected?'),
      evidence: text('What is the evidence?'),
      aimWhat: text('What will improve?'),
      aimForWhom: text('For whom?'),
      aimBaseline: { type: 'number', label: 'Baseline' },
      aimTarget: { type: 'number', label: 'Target' },
      aimUnit: text('Unit'),
      aimDirection: choice('Direction of improvement', ['increase', 'decrease']),
      aimByWhen: { type: 'date', label: 'By when' },
    },
    /** Key learning and next steps: what the lab has learned so far, for its summary page. */
    sections: {
      description: 'Problem description',
      learning: 'Key learning',
      nextSteps: 'Next steps',
    },
    lists: {},
  },
  drivers: {
    label: 'Driver diagram',
    fields: {},
    sections: {},
    lists: {
      nodes: {
        label: 'Nodes',
        columns: {
          type: choice('Type', DRIVER_NODE_TYPES),
          label: text('Label'),
          /** For `idea` nodes: the change-idea item it stands for. */
          ideaId: { type: 'ref', label: 'Change idea', kind: 'idea' },
          ...FROM_BOARD,
        },
      },
      edges: {
        label: 'Links',
        columns: {
          from: text('From node'),
          to: text('To node'),
          strength: choice('Strength', LINK_STRENGTHS),
        },
      },
    },
  },
  idea: {
    label: 'Change idea',
    fields: {
      source: choice('Source', ['evidence', 'patient', 'elsewhere', 'hunch']),
      impact: choice('Impact', PICK_IMPACTS),
      effort: choice('Effort', PICK_EFFORTS),
      status: choice('Status', IDEA_STATUSES),
      owner: text('Owner'),
      /**
       * The workshop board it was made from (its note or cluster is `fromRow`). Added
       * after schema version 2 without a migration: an idea without it came from nowhere.
       */
      fromBoard: { type: 'ref', label: 'From workshop board', kind: 'workshop' },
      fromRow: { type: 'ref', label: 'From note or cluster', kind: 'workshop' },
    },
    sections: { description: 'Description' },
    lists: { drivers: { label: 'Linked drivers', columns: { nodeId: text('Driver') } } },
  },
  pdsa: {
    label: 'PDSA cycle',
    fields: {
      ideaId: { type: 'ref', label: 'Change idea tested', kind: 'idea' },
      label: text('Cycle'),
      follows: text('Follows cycle'),
      tester: text('Tester'),
      startDate: { type: 'date', label: 'Start date' },
      endDate: { type: 'date', label: 'End date' },
      scale: text('Scale'),
      objective: text('Objective'),
      asPlanned: choice('Carried out as planned?', ['yes', 'no']),
      decision: choice('Decision', PDSA_DECISIONS),
    },
    sections: {
      dataPlan: 'Data collection plan',
      observations: 'Observations',
      problems: 'Problems and unexpected events',
      adjustments: 'Adjustments',
      studySummary: 'Summary of learning',
      next: 'Next cycle',
    },
    lists: {
      questions: {
        label: 'Questions and predictions',
        columns: {
          question: text('Question'),
          prediction: text('Prediction'),
          result: text('Result'),
          learning: text('What we learned'),
        },
      },
      tasks: {
        label: 'Tasks',
        columns: { what: text('What'), who: text('Who'), when: text('When'), where: text('Where') },
      },
    },
  },
  measure: {
    label: 'Measure',
    fields: {
      type: choice('Type', ['outcome', 'process', 'balancing']),
      definition: text('Operational definition'),
      unit: text('Unit'),
      frequency: text('Frequency'),
      direction: choice('Direction of improvement', ['up', 'down']),
      target: { type: 'number', label: 'Target' },
      /** How the data are recorded: one value per period, or numerator over denominator. */
      recordedAs: choice('Data recorded as', MEASURE_RECORDED_AS),
      chart: choice('Chart', MEASURE_CHARTS),
      /** The rule set (`shared/charts`): `mdc` goes with an XmR chart, the others with a run chart. */
      rules: choice('Rules', MEASURE_RULE_SETS),
      /** Points at the start of each segment that set the centre line (and limits), then frozen. */
      baseline: { type: 'number', label: 'Baseline points' },
      /**
       * With the `mdc` rules, which control chart (`shared/charts`): p, p′, u, u′, c, g or t.
       * Added after schema version 2 without a migration: a document without it (every older
       * one) reads as XmR, which is what it always drew.
       */
      controlChart: choice('Control chart', CONTROL_CHARTS),
    },
    sections: { notes: 'Notes' },
    lists: {
      points: {
        label: 'Data',
        columns: {
          period: text('Period'),
          value: { type: 'number', label: 'Value' },
          /** The note is the point's annotation on the chart. */
          note: text('Note'),
          numerator: { type: 'number', label: 'Numerator' },
          denominator: { type: 'number', label: 'Denominator' },
          excluded: choice('Excluded', ['yes', 'no']),
          excludedReason: text('Reason for excluding'),
          pdsaId: { type: 'ref', label: 'PDSA cycle', kind: 'pdsa' },
          /** A recorded reason here starts a new segment (re-based centre line) at this point. */
          rebaseReason: text('Re-base reason'),
        },
      },
    },
  },
  note: { label: 'Note', fields: {}, sections: { body: 'Body' }, lists: {} },
  fishbone: {
    label: 'Fishbone (cause and effect)',
    fields: { effect: text('Effect (the problem)') },
    sections: {},
    lists: {
      categories: { label: 'Categories', columns: { label: text('Category') } },
      causes: {
        label: 'Causes',
        columns: {
          label: text('Cause'),
          /** The id of the category or cause this one is under: causes nest to any depth. */
          parent: text('Under'),
          ...FROM_BOARD,
        },
      },
    },
  },
  process: {
    label: 'Process map',
    fields: { scope: text('Which process, from where to where') },
    sections: {},
    lists: {
      lanes: { label: 'Swimlanes', columns: { label: text('Role or team') } },
      steps: {
        label: 'Steps',
        columns: {
          type: choice('Type', PROCESS_STEP_TYPES),
          label: text('Step'),
          /** The id of the step's swimlane; empty for none. */
          lane: text('Swimlane'),
          problem: text('Problem noted'),
          idea: text('Idea'),
        },
      },
      branches: {
        label: 'Branches',
        columns: {
          /** A decision step's id, and the id of the step this answer leads to. */
          from: text('From step'),
          to: text('To step'),
          label: text('Answer'),
        },
      },
    },
  },
  workshop: {
    label: 'Workshop board',
    // The prompt, the settings and (once revealed) the vote counts are the server's,
    // under meta key `board` (`shared/documents/workshop-board.ts`), never written by clients.
    fields: {},
    sections: {},
    lists: {
      clusters: {
        label: 'Clusters',
        columns: {
          label: text('Cluster'),
          /** The change idea made from this cluster. */
          ideaId: { type: 'ref', label: 'Change idea', kind: 'idea' },
          ...BECAME,
        },
        serverColumns: BECAME_COLUMNS,
      },
      notes: {
        label: 'Notes',
        columns: {
          text: text('Note'),
          /** The name of who wrote it, written by the server; empty on an anonymous board. */
          author: text('Written by'),
          /** The id of its cluster; empty while ungrouped. */
          cluster: { type: 'ref', label: 'Cluster', kind: 'workshop' },
          ideaId: { type: 'ref', label: 'Change idea', kind: 'idea' },
          ...BECAME,
        },
        // Added by the server (`POST …/workshop/notes`), which decides the author; only
        // `cluster` is the participants' to change.
        addedByServer: true,
        serverColumns: ['text', 'author', ...BECAME_COLUMNS],
      },
    },
  },
};
