/**
 * How many pairs of links between the same two columns cross: pairs whose ends
 * are in opposite order in the two columns (discordant pairs), counted in
 * O(n log n) by sorting on one column and counting, in a Fenwick tree over the
 * other, the earlier links that end lower. Comparing every pair was a quarter of
 * a million comparisons per layout of a 300-node diagram, done again on every
 * change; ties (links meeting at a node) never count, as before.
 */

/** Pairs (a, b) with a.left < b.left and a.right > b.right, both strictly. */
export function discordantPairs(links: ReadonlyArray<readonly [number, number]>): number {
  const rights = [...new Set(links.map(([, right]) => right))].sort((x, y) => x - y);
  const rank = new Map(rights.map((value, i) => [value, i + 1]));
  const tree = new Array<number>(rights.length + 1).fill(0);
  const add = (at: number) => {
    for (let i = at; i < tree.length; i += i & -i) tree[i] = (tree[i] ?? 0) + 1;
  };
  /** How many inserted so far have a rank at most `at`. */
  const upTo = (at: number) => {
    let sum = 0;
    for (let i = at; i > 0; i -= i & -i) sum += tree[i] ?? 0;
    return sum;
  };
  const sorted = [...links].sort((a, b) => a[0] - b[0]);
  let inserted = 0;
  let count = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end]?.[0] === sorted[start]?.[0]) end += 1;
    // Links with the same left end never cross each other: count the group, then add it.
    for (let i = start; i < end; i += 1) {
      count += inserted - upTo(rank.get(sorted[i]?.[1] ?? 0) ?? 0);
    }
    for (let i = start; i < end; i += 1) add(rank.get(sorted[i]?.[1] ?? 0) ?? 0);
    inserted += end - start;
    start = end;
  }
  return count;
}
