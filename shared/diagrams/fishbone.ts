/**
 * A fishbone (cause and effect, Ishikawa) diagram as a tree, read from its
 * document: the effect, the categories in order, and under each the causes,
 * each with its sub-causes to any depth (a chain of sub-causes is a "5 whys").
 * A cause names what it is under (`parent`: a category's or a cause's row id).
 * A cause whose parent is gone, or caught in a loop two people made at once,
 * is listed under "Other causes", so no cause is ever hidden.
 */
import type * as Y from 'yjs';
import { type FieldValue, readFields, readRows } from '../documents/item-doc';

/** The six Ms of manufacturing, in the words healthcare teams use. */
export const SIX_MS = ['People', 'Methods', 'Machines', 'Materials', 'Measurement', 'Environment'];
/** The NHS variant (NHS England's cause and effect guidance). */
export const NHS_CATEGORIES = [
  'People',
  'Methods',
  'Equipment',
  'Environment',
  'Materials',
  'Measurement',
  'Management',
];

export const OTHER_CAUSES = 'Other causes';

export interface FishboneCause {
  readonly id: string;
  readonly label: string;
  readonly causes: readonly FishboneCause[];
}

export interface FishboneCategory {
  /** Null for the causes that belong nowhere ("Other causes"). */
  readonly id: string | null;
  readonly label: string;
  readonly causes: readonly FishboneCause[];
}

export interface Fishbone {
  readonly effect: string;
  readonly categories: readonly FishboneCategory[];
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim() : '');

/** Builds the tree from plain rows (as the document and the exports read them). */
export function fishboneFromRows(
  effect: string,
  categoryRows: ReadonlyArray<Record<string, FieldValue>>,
  causeRows: ReadonlyArray<Record<string, FieldValue>>,
): Fishbone {
  const children = new Map<string, Array<Record<string, FieldValue>>>();
  for (const row of causeRows) {
    const parent = text(row.parent);
    if (typeof row.id !== 'string') continue;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const placed = new Set<string>();
  const grow = (parentId: string): FishboneCause[] =>
    (children.get(parentId) ?? []).flatMap((row) => {
      const id = row.id as string;
      if (placed.has(id)) return [];
      placed.add(id);
      return [{ id, label: text(row.label), causes: grow(id) }];
    });
  const categories: FishboneCategory[] = categoryRows
    .filter((row) => typeof row.id === 'string')
    .map((row) => ({
      id: row.id as string,
      label: text(row.label),
      causes: grow(row.id as string),
    }));
  const lost = causeRows.filter((row) => typeof row.id === 'string' && !placed.has(row.id));
  if (lost.length > 0) {
    const causes = lost.flatMap((row) => {
      const id = row.id as string;
      if (placed.has(id)) return [];
      placed.add(id);
      return [{ id, label: text(row.label), causes: grow(id) }];
    });
    categories.push({ id: null, label: OTHER_CAUSES, causes });
  }
  return { effect, categories };
}

export function readFishbone(doc: Y.Doc): Fishbone {
  const effect = text(readFields(doc, 'fishbone').effect);
  return fishboneFromRows(effect, readRows(doc, 'categories'), readRows(doc, 'causes'));
}

export function countCauses(causes: readonly FishboneCause[]): number {
  return causes.reduce((sum, cause) => sum + 1 + countCauses(cause.causes), 0);
}
