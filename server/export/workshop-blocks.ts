/**
 * What the report says for a workshop board: its prompt, then each cluster with its
 * notes (and votes, once revealed, and where each went: a change idea, a driver, a
 * cause), then the notes left ungrouped. Authors are not named: a board's notes are
 * the group's, and an anonymous board's never had names.
 */
import { type BoardOutcomes, countOf } from '../../shared/documents/workshop-board';
import type { Block } from './blocks';
import type { OutlineItem } from './driver-diagram';
import type { WorkshopReport } from './report-model';

function votes(count: number | null): string {
  if (count === null) return '';
  return ` (${count} ${count === 1 ? 'vote' : 'votes'})`;
}

/** " → became a change idea; added as a driver", or nothing when it went nowhere yet. */
function wentTo(row: BoardOutcomes): string {
  const where = [
    row.ideaId !== null ? 'became a change idea' : '',
    row.driver !== null ? 'added as a driver' : '',
    row.cause !== null ? 'added as a cause' : '',
  ].filter(Boolean);
  return where.length > 0 ? ` → ${where.join('; ')}` : '';
}

export function workshopBlocks(item: WorkshopReport): Block[] {
  const { state, clusters, notes } = item.board;
  const blocks: Block[] = [
    { kind: 'paragraph', text: `Prompt: ${state.prompt || 'not written yet'}` },
  ];
  if (notes.length === 0 && clusters.length === 0)
    return [...blocks, { kind: 'paragraph', text: 'This board has no notes yet.' }];
  const noteItem = (note: (typeof notes)[number]): OutlineItem => ({
    text: `${note.text || '(empty note)'}${votes(countOf(state, note.id))}${wentTo(note)}`,
    children: [],
  });
  const items: OutlineItem[] = clusters.map((cluster) => ({
    text: `${cluster.label || '(unnamed cluster)'}${votes(countOf(state, cluster.id))}${wentTo(cluster)}`,
    children: notes.filter((note) => note.cluster === cluster.id).map(noteItem),
  }));
  const ungrouped = notes.filter((note) => note.cluster === null);
  if (ungrouped.length > 0) items.push({ text: 'Not grouped', children: ungrouped.map(noteItem) });
  return [...blocks, { kind: 'list', items }];
}
