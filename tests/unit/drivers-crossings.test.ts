import { describe, expect, it } from 'vitest';
import { countCrossings, type LayoutEdge } from '../../client/features/drivers/layout';
import { prng } from '../helpers/prng';

/** Every pair of links compared, as straight lines between column places: the plain rule. */
function crossingsPairByPair(columns: string[][], edges: LayoutEdge[]): number {
  const at = new Map<string, [number, number]>();
  columns.forEach((ids, column) => {
    ids.forEach((id, index) => {
      at.set(id, [column, index - (ids.length - 1) / 2]);
    });
  });
  const lines = edges.flatMap(({ from, to }) => {
    const a = at.get(from);
    const b = at.get(to);
    if (!a || !b || a[0] === b[0]) return [];
    return [a[0] < b[0] ? [a[0], b[0], a[1], b[1]] : [b[0], a[0], b[1], a[1]]];
  });
  const y = (s: number[], x: number) =>
    (s[2] ?? 0) + (((s[3] ?? 0) - (s[2] ?? 0)) * (x - (s[0] ?? 0))) / ((s[1] ?? 0) - (s[0] ?? 0));
  let count = 0;
  for (let i = 0; i < lines.length; i += 1) {
    for (let j = i + 1; j < lines.length; j += 1) {
      const [a, b] = [lines[i] ?? [], lines[j] ?? []];
      const lo = Math.max(a[0] ?? 0, b[0] ?? 0);
      const hi = Math.min(a[1] ?? 0, b[1] ?? 0);
      if (lo < hi && (y(a, lo) - y(b, lo)) * (y(a, hi) - y(b, hi)) < 0) count += 1;
    }
  }
  return count;
}

describe('counting crossing links', () => {
  it('agrees with comparing every pair, on 200 seeded diagrams with ties and skip-level links', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = prng(seed);
      const columns = [1, 2 + (seed % 5), 3 + (seed % 9), 4 + (seed % 17)].map((size, c) =>
        Array.from({ length: size }, (_, i) => `${c}-${i}`),
      );
      const pick = (c: number) => {
        const column = columns[c] ?? [];
        return column[Math.floor(random() * column.length)] ?? '';
      };
      const edges: LayoutEdge[] = Array.from({ length: 5 + (seed % 40) }, () => {
        const from = 1 + Math.floor(random() * 3);
        // Mostly to the next column, sometimes skipping one or two.
        const to = Math.max(0, from - 1 - (random() < 0.2 ? Math.floor(random() * 2) + 1 : 0));
        return { from: pick(from), to: pick(to) };
      });
      expect(countCrossings(columns, edges)).toBe(crossingsPairByPair(columns, edges));
    }
  });
});
