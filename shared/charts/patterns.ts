/**
 * Finding consecutive patterns in a sequence: runs on one side of a centre line and monotone
 * chains (trends). The rule sets differ only in how they treat ties, so each finder takes that as
 * a switch:
 *  - IHI and Anhøj: a point on the median, or a value equal to its neighbour, neither makes nor
 *    breaks the pattern (it is skipped, but a pattern around it still covers it);
 *  - Making Data Count: a point on the mean breaks a run and an equal neighbour breaks a trend
 *    ("there cannot be any pauses", MDC XmR testing document; NHSRplotthedots does the same).
 *
 * Positions are into the caller's sequence (usually the included points of one segment).
 */

import { step } from './stats';

export type Sign = -1 | 0 | 1;

/** A maximal stretch of the sequence; `count` is how many of its members the rule counts. */
export interface Stretch {
  from: number;
  to: number;
  count: number;
  direction: 1 | -1;
}

export type Ties = 'skip' | 'break';

/** Maximal runs of points on the same side (sides: -1 below, 0 on the line, 1 above). */
export function sideRuns(sides: readonly Sign[], ties: Ties): Stretch[] {
  const runs: Stretch[] = [];
  let current: Stretch | null = null;
  sides.forEach((side, i) => {
    if (side === 0) {
      if (ties === 'break' && current) {
        runs.push(current);
        current = null;
      }
      return;
    }
    if (current && current.direction === side) {
      current.to = i;
      current.count++;
      return;
    }
    if (current) {
      runs.push(current);
    }
    current = { from: i, to: i, count: 1, direction: side };
  });
  if (current) {
    runs.push(current);
  }
  return runs;
}

/**
 * Maximal monotone chains; `count` is the number of points that count towards a trend (equal
 * neighbours count once when ties are skipped). With skipped ties a plateau at a turning point
 * belongs to both chains, since it neither ends one nor starts the other.
 */
export function monotoneChains(values: readonly number[], ties: Ties): Stretch[] {
  return ties === 'skip' ? chainsSkippingTies(values) : chainsBrokenByTies(values);
}

function chainsSkippingTies(values: readonly number[]): Stretch[] {
  const chains: Stretch[] = [];
  let start = 0;
  let plateauStart = 0;
  let direction: Sign = 0;
  let steps = 0;
  for (let i = 1; i < values.length; i++) {
    const d = step(values[i - 1] ?? 0, values[i] ?? 0);
    if (d === 0) {
      continue;
    }
    if (direction !== 0 && d !== direction) {
      chains.push({ from: start, to: i - 1, count: steps + 1, direction });
      start = plateauStart;
      steps = 0;
    }
    direction = d;
    steps++;
    plateauStart = i;
  }
  if (direction !== 0) {
    chains.push({ from: start, to: values.length - 1, count: steps + 1, direction });
  }
  return chains;
}

function chainsBrokenByTies(values: readonly number[]): Stretch[] {
  const chains: Stretch[] = [];
  let start = 0;
  let direction: Sign = 0;
  for (let i = 1; i < values.length; i++) {
    const d = step(values[i - 1] ?? 0, values[i] ?? 0);
    if (d !== 0 && (direction === 0 || d === direction)) {
      direction = d;
      continue;
    }
    if (direction !== 0) {
      chains.push({ from: start, to: i - 1, count: i - start, direction });
    }
    start = d === 0 ? i : i - 1;
    direction = d;
  }
  if (direction !== 0) {
    chains.push({ from: start, to: values.length - 1, count: values.length - start, direction });
  }
  return chains;
}

/** Number of sign changes among the non-zero sides (points on the line are skipped). */
export function crossings(sides: readonly Sign[]): number {
  let count = 0;
  let previous: Sign = 0;
  for (const side of sides) {
    if (side === 0) {
      continue;
    }
    if (previous !== 0 && side !== previous) {
      count++;
    }
    previous = side;
  }
  return count;
}

/** Merges stretches that share at least one position into one (input sorted by `from`). */
export function mergeOverlapping(windows: readonly Stretch[]): Stretch[] {
  const merged: Stretch[] = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window.from <= last.to && window.direction === last.direction) {
      last.to = Math.max(last.to, window.to);
      last.count = last.to - last.from + 1;
      continue;
    }
    merged.push({ ...window });
  }
  return merged;
}
