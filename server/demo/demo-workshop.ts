/**
 * The demo lab's finished workshop board: "What gets in the way of a safe night?",
 * its notes grouped into clusters, the dot votes revealed, and the three top
 * clusters made into the lab's change ideas (each idea says where it came from).
 */
import { addRow } from '../../shared/documents/item-doc';
import { writeBoardState } from '../../shared/documents/workshop-board';
import type { WorkshopRecord, WorkshopSettings } from '../../shared/schemas/workshop';
import type { DemoItem } from './demo-items';

export const DEMO_WORKSHOP_ID = 'demo-workshop';

/** The cluster each of the demo's change ideas came from. */
export const IDEA_FROM_CLUSTER = {
  'demo-idea-rounding': 'wc-rounds',
  'demo-idea-callbell': 'wc-bell',
  'demo-idea-card': 'wc-mobility',
} as const;

const CLUSTERS: ReadonlyArray<readonly [string, string, string | null, number]> = [
  ['wc-rounds', 'Nobody checks in between 22:00 and 06:00', 'demo-idea-rounding', 9],
  ['wc-bell', 'Help is out of reach', 'demo-idea-callbell', 7],
  ['wc-mobility', 'Staff don’t know how each patient moves', 'demo-idea-card', 5],
  ['wc-light', 'The way to the toilet is dark', null, 2],
];

const NOTES: ReadonlyArray<readonly [string, string, string]> = [
  ['wn-1', 'wc-rounds', 'Long gaps between checks after midnight'],
  ['wn-2', 'wc-rounds', 'Breaks all at the same time'],
  ['wn-3', 'wc-rounds', 'I didn’t want to bother the nurses'],
  ['wn-4', 'wc-bell', 'Call bell fell behind the bed'],
  ['wn-5', 'wc-bell', 'Bell on the side of my weak hand'],
  ['wn-6', 'wc-mobility', 'Agency staff don’t know who needs help to stand'],
  ['wn-7', 'wc-mobility', 'Mobility plan is buried in the notes'],
  ['wn-8', 'wc-light', 'Night lights switched off to let people sleep'],
];

const SETTINGS: WorkshopSettings = {
  prompt: 'What gets in the way of a safe night on Ward 7?',
  votesPerPerson: 3,
  // Patients and staff wrote side by side: nobody's name is on a note.
  anonymous: true,
  locked: true,
  timerEndsAt: null,
  revealed: true,
};

const results = () =>
  Object.fromEntries(CLUSTERS.map(([id, , , votes]) => [id, votes] as [string, number]));

export const DEMO_WORKSHOP: DemoItem = {
  id: DEMO_WORKSHOP_ID,
  kind: 'workshop',
  sharing: 'final',
  title: 'Workshop: what gets in the way of a safe night',
  build: (doc) => {
    writeBoardState(doc, { ...SETTINGS, results: results() });
    for (const [id, label, ideaId] of CLUSTERS)
      addRow(doc, 'workshop', 'clusters', id, { label, ideaId });
    for (const [id, cluster, text] of NOTES)
      addRow(doc, 'workshop', 'notes', id, { text, cluster, author: '' });
  },
};

/** The board's record: its settings, and votes that add up to the revealed counts. */
export function demoWorkshopRecord(labId: string, voters: readonly string[]): WorkshopRecord {
  const targets = CLUSTERS.flatMap(([target, , , count]) =>
    Array.from({ length: count }, () => target),
  );
  // Dealt round the members in turn, so nobody has more than their votes when there are enough.
  const votes = targets.map((target, k) => ({
    userId: voters[k % voters.length] ?? 'nobody',
    target,
  }));
  return { ...SETTINGS, itemId: DEMO_WORKSHOP_ID, labId, votes };
}
