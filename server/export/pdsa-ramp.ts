/**
 * A change idea's PDSA ramp in reading order, by the same rules as the ramp the
 * client shows (`client/features/pdsa/ramp-order.ts`): each cycle followed by the
 * cycles that follow it (`follows` names another cycle's label, matched without
 * regard to case or surrounding space), siblings in natural label order (1, 2,
 * 2a, 2b, 10), cycles without a label last, equal labels in input order. A
 * cycle whose `follows` names no cycle of the ramp starts a line of its own; a
 * loop of `follows` cannot hide a cycle.
 */

export interface RampCycle {
  readonly label: string;
  readonly follows: string;
}

export interface RampEntry<T extends RampCycle> {
  readonly cycle: T;
  /** 0 for a cycle that starts a line, one more for each cycle it follows. */
  readonly depth: number;
}

const labelKey = (label: string) => label.trim().toLowerCase();

function compareLabels(a: string, b: string): number {
  const x = a.trim();
  const y = b.trim();
  if (!x || !y) return Number(!x) - Number(!y);
  return x.localeCompare(y, 'en-GB', { numeric: true, sensitivity: 'base' });
}

export function orderRamp<T extends RampCycle>(cycles: readonly T[]): RampEntry<T>[] {
  // Array.prototype.sort is stable, so equal labels keep the order they came in.
  const sorted = [...cycles].sort((a, b) => compareLabels(a.label, b.label));
  const byLabel = new Map<string, T>();
  for (const cycle of sorted) {
    const key = labelKey(cycle.label);
    // Two cycles may share a label: the ones following it go under the first.
    if (key && !byLabel.has(key)) byLabel.set(key, cycle);
  }
  const followers = new Map<T, T[]>();
  const roots: T[] = [];
  for (const cycle of sorted) {
    const parent = byLabel.get(labelKey(cycle.follows));
    if (parent && parent !== cycle)
      followers.set(parent, [...(followers.get(parent) ?? []), cycle]);
    else roots.push(cycle);
  }
  const ordered: RampEntry<T>[] = [];
  const placed = new Set<T>();
  const visit = (cycle: T, depth: number) => {
    if (placed.has(cycle)) return;
    placed.add(cycle);
    ordered.push({ cycle, depth });
    for (const child of followers.get(cycle) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // Cycles only reachable through a loop (1 follows 2, 2 follows 1) are still shown.
  for (const cycle of sorted) visit(cycle, 0);
  return ordered;
}
