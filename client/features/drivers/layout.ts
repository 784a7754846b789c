/**
 * Where each node of a driver diagram goes, computed from the graph alone (so
 * everyone looking at the same document sees the same picture): one column per
 * type, aim on the left and change ideas on the right; the order within each
 * column chosen by barycentre sweeps (Sugiyama's heuristic), keeping the order
 * with the fewest crossings seen; then boxes stacked and centred in each column.
 * A link may skip a column (a change idea straight to a primary driver).
 */
import { discordantPairs } from './crossing-count';
import { COLUMN_OF, type NodeType } from './driver-graph';

export interface LayoutNode {
  readonly id: string;
  readonly type: NodeType;
  readonly label: string;
  /** A short line under the label (a change idea's status and PICK box). */
  readonly tag?: string;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly column: number;
  /** Position within its column, from the top. */
  readonly row: number;
  readonly lines: readonly string[];
  readonly tag?: string;
}

export interface Layout {
  /** Node ids per column, top to bottom. */
  readonly columns: readonly (readonly string[])[];
  readonly boxes: ReadonlyMap<string, Box>;
  readonly width: number;
  readonly height: number;
}

export const COLUMN_COUNT = 4;
export const Geometry = {
  nodeWidth: 190,
  columnGap: 72,
  margin: 12,
  headerHeight: 44,
  lineHeight: 18,
  padding: 10,
  nodeGap: 18,
  charsPerLine: 22,
} as const;

/** Greedy word wrap; a word longer than a line is cut. An empty label is one empty line. */
export function wrapLabel(text: string, max: number = Geometry.charsPerLine): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A node's vertical place in its column, centred so that short columns sit mid-height. */
function rankPositions(columns: readonly (readonly string[])[]): Map<string, [number, number]> {
  const at = new Map<string, [number, number]>();
  columns.forEach((ids, column) => {
    ids.forEach((id, index) => {
      at.set(id, [column, index - (ids.length - 1) / 2]);
    });
  });
  return at;
}

type Segment = readonly [number, number, number, number]; // x1 < x2, y1, y2

function segments(columns: readonly (readonly string[])[], edges: readonly LayoutEdge[]) {
  const at = rankPositions(columns);
  const out: Segment[] = [];
  for (const edge of edges) {
    const a = at.get(edge.from);
    const b = at.get(edge.to);
    if (!a || !b || a[0] === b[0]) continue;
    out.push(a[0] < b[0] ? [a[0], b[0], a[1], b[1]] : [b[0], a[0], b[1], a[1]]);
  }
  return out;
}

function yAt(s: Segment, x: number): number {
  return s[2] + ((s[3] - s[2]) * (x - s[0])) / (s[1] - s[0]);
}

/**
 * Links drawn as straight lines between column positions that cross each other.
 * Links meeting at a node do not count; a skip-level link counts against every
 * link it passes over.
 */
export function countCrossings(
  columns: readonly (readonly string[])[],
  edges: readonly LayoutEdge[],
): number {
  const lines = segments(columns, edges);
  // Links between neighbouring columns, counted per gap; the rest (skip-level) pair by pair.
  const byGap = new Map<number, Array<[number, number]>>();
  const skips: Segment[] = [];
  for (const line of lines) {
    if (line[1] - line[0] === 1) {
      const gap = byGap.get(line[0]) ?? [];
      gap.push([line[2], line[3]]);
      byGap.set(line[0], gap);
    } else skips.push(line);
  }
  let crossings = 0;
  for (const gap of byGap.values()) crossings += discordantPairs(gap);
  for (const a of skips) {
    for (const b of lines) {
      // Each pair of skip-level links once; a skip-level link against every other link.
      if (a === b || (b[1] - b[0] > 1 && skips.indexOf(b) < skips.indexOf(a))) continue;
      const lo = Math.max(a[0], b[0]);
      const hi = Math.min(a[1], b[1]);
      if (lo >= hi) continue;
      if ((yAt(a, lo) - yAt(b, lo)) * (yAt(a, hi) - yAt(b, hi)) < 0) crossings += 1;
    }
  }
  return crossings;
}

function neighbourMap(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) {
  const known = new Set(nodes.map((n) => n.id));
  const map = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const { from, to } of edges) {
    if (!known.has(from) || !known.has(to)) continue;
    map.get(from)?.push(to);
    map.get(to)?.push(from);
  }
  return map;
}

/** Reorders one column by the mean place of each node's neighbours in the columns `inColumn` picks. */
function sortColumn(
  columns: string[][],
  column: number,
  neighbours: Map<string, string[]>,
  inColumn: (c: number) => boolean,
): void {
  const at = rankPositions(columns);
  const key = (id: string): number => {
    const places = (neighbours.get(id) ?? [])
      .map((n) => at.get(n))
      .filter((p): p is [number, number] => p !== undefined && inColumn(p[0]))
      .map((p) => p[1]);
    if (places.length === 0) return at.get(id)?.[1] ?? 0;
    return places.reduce((sum, p) => sum + p, 0) / places.length;
  };
  const keys = new Map((columns[column] ?? []).map((id) => [id, key(id)]));
  // Array sort is stable: ties keep their current order.
  columns[column]?.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
}

/** Node ids per column in an order that reduces crossings (document order to start). */
export function orderColumns(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  sweeps = 4,
): string[][] {
  const columns: string[][] = Array.from({ length: COLUMN_COUNT }, () => []);
  for (const node of nodes) columns[COLUMN_OF[node.type]]?.push(node.id);
  const neighbours = neighbourMap(nodes, edges);
  let best = columns.map((c) => [...c]);
  let bestCount = countCrossings(best, edges);
  const keepIfBetter = () => {
    const count = countCrossings(columns, edges);
    if (count < bestCount) {
      best = columns.map((c) => [...c]);
      bestCount = count;
    }
  };
  for (let sweep = 0; sweep < sweeps && bestCount > 0; sweep += 1) {
    for (let c = 1; c < COLUMN_COUNT; c += 1) sortColumn(columns, c, neighbours, (n) => n < c);
    keepIfBetter();
    for (let c = COLUMN_COUNT - 2; c >= 0; c -= 1) {
      sortColumn(columns, c, neighbours, (n) => n > c);
    }
    keepIfBetter();
  }
  return best;
}

export function boxHeight(lines: number): number {
  return lines * Geometry.lineHeight + 2 * Geometry.padding;
}

/** Boxes for every node: columns left to right, each column's stack centred vertically. */
export function layoutDiagram(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  const columns = orderColumns(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lines = new Map(nodes.map((n) => [n.id, wrapLabel(n.label)]));
  const height = (id: string) =>
    boxHeight((lines.get(id)?.length ?? 1) + (byId.get(id)?.tag ? 1 : 0));
  const stackHeight = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + height(id), 0) + Math.max(0, ids.length - 1) * Geometry.nodeGap;
  const tallest = Math.max(boxHeight(1), ...columns.map(stackHeight));
  const boxes = new Map<string, Box>();
  columns.forEach((ids, column) => {
    let y = Geometry.headerHeight + (tallest - stackHeight(ids)) / 2;
    const x = Geometry.margin + column * (Geometry.nodeWidth + Geometry.columnGap);
    ids.forEach((id, row) => {
      const text = lines.get(id) ?? [''];
      const tag = byId.get(id)?.tag;
      if (byId.has(id)) {
        const box = { x, y, width: Geometry.nodeWidth, height: height(id), column, row };
        boxes.set(id, tag ? { ...box, lines: text, tag } : { ...box, lines: text });
      }
      y += height(id) + Geometry.nodeGap;
    });
  });
  return {
    columns,
    boxes,
    width: 2 * Geometry.margin + COLUMN_COUNT * Geometry.nodeWidth + 3 * Geometry.columnGap,
    height: Geometry.headerHeight + tallest + Geometry.margin,
  };
}
