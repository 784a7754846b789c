/**
 * A change idea's PDSA cycles in ramp order, for the screen and the exports. Each cycle may name, in `follows`,
 * the label of the cycle it builds on (1 → 2 → 3; branches 2a and 2b both follow
 * 2). Cycles are listed depth first, each followed by its followers, siblings in
 * natural label order (1, 2, 2a, 2b, 10). A ramp is mostly a line, so a cycle
 * with a single follower continues at its own depth; only where the ramp
 * branches (two or more followers) are the branches indented under their parent.
 * Labels match without regard to case or surrounding space. A cycle whose
 * `follows` names no cycle of the ramp starts a line of its own (and says so),
 * and a loop of `follows` cannot hide a cycle. Equal labels keep input order.
 */

export interface RampCycle {
  readonly label: string;
  readonly follows: string;
}

export interface RampEntry<T extends RampCycle> {
  readonly cycle: T;
  /** 0 on the main line; one more for each branching above it. */
  readonly depth: number;
  /** The cycle this one follows, when it is in the ramp. */
  readonly parent: T | null;
  /** `follows` names a cycle that is not in the ramp. */
  readonly missingParent: boolean;
}

export function labelKey(label: string): string {
  return label.trim().toLowerCase();
}

/** Natural label order; cycles without a label come last. Never reorders equal labels. */
export function compareLabels(a: string, b: string): number {
  const x = a.trim();
  const y = b.trim();
  if (!x || !y) return Number(!x) - Number(!y);
  return x.localeCompare(y, 'en-GB', { numeric: true, sensitivity: 'base' });
}

function followersOf<T extends RampCycle>(sorted: readonly T[], byLabel: ReadonlyMap<string, T>) {
  const followers = new Map<T, T[]>();
  const roots: T[] = [];
  for (const cycle of sorted) {
    const parent = byLabel.get(labelKey(cycle.follows));
    if (parent && parent !== cycle)
      followers.set(parent, [...(followers.get(parent) ?? []), cycle]);
    else roots.push(cycle);
  }
  return { followers, roots };
}

export function orderRamp<T extends RampCycle>(cycles: readonly T[]): RampEntry<T>[] {
  // Array.prototype.sort is stable, so equal labels keep the order they came in.
  const sorted = [...cycles].sort((a, b) => compareLabels(a.label, b.label));
  const byLabel = new Map<string, T>();
  for (const cycle of sorted) {
    const key = labelKey(cycle.label);
    // Two cycles may share a label: their followers go under the first.
    if (key && !byLabel.has(key)) byLabel.set(key, cycle);
  }
  const { followers, roots } = followersOf(sorted, byLabel);
  const ordered: RampEntry<T>[] = [];
  const placed = new Set<T>();
  const visit = (cycle: T, depth: number, parent: T | null) => {
    if (placed.has(cycle)) return;
    placed.add(cycle);
    const follows = labelKey(cycle.follows);
    const missingParent = parent === null && follows !== '' && !byLabel.has(follows);
    ordered.push({ cycle, depth, parent, missingParent });
    const next = followers.get(cycle) ?? [];
    for (const child of next) visit(child, next.length > 1 ? depth + 1 : depth, cycle);
  };
  for (const root of roots) visit(root, 0, null);
  // Cycles reachable only through a loop (1 follows 2, 2 follows 1) are still listed.
  for (const cycle of sorted) visit(cycle, 0, null);
  return ordered;
}
