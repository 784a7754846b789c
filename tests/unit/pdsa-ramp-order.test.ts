import { describe, expect, it } from 'vitest';
import { compareLabels, orderRamp } from '../../shared/documents/pdsa-ramp';

const cycle = (id: string, label: string, follows = '') => ({ id, label, follows });
const shape = (cycles: ReadonlyArray<ReturnType<typeof cycle>>) =>
  orderRamp(cycles).map((entry) => ({
    id: entry.cycle.id,
    depth: entry.depth,
    parent: entry.parent?.id ?? null,
    missing: entry.missingParent,
  }));

describe('PDSA ramp order', () => {
  it('lists 1 → 2 on the main line and the branches 2a, 2b indented under 2', () => {
    const ramp = shape([
      cycle('b', '2b', '2'),
      cycle('two', '2', '1'),
      cycle('a', '2a', '2'),
      cycle('one', '1'),
    ]);
    expect(ramp).toEqual([
      { id: 'one', depth: 0, parent: null, missing: false },
      { id: 'two', depth: 0, parent: 'one', missing: false },
      { id: 'a', depth: 1, parent: 'two', missing: false },
      { id: 'b', depth: 1, parent: 'two', missing: false },
    ]);
  });

  it('follows a branch depth first: a cycle continuing 2a comes before 2b, at 2a’s depth', () => {
    const ramp = shape([
      cycle('one', '1'),
      cycle('two', '2', '1'),
      cycle('a', '2a', '2'),
      cycle('b', '2b', '2'),
      cycle('a2', '3a', '2a'),
      cycle('three', '3', '2b'),
    ]);
    expect(ramp.map((entry) => [entry.id, entry.depth])).toEqual([
      ['one', 0],
      ['two', 0],
      ['a', 1],
      ['a2', 1],
      ['b', 1],
      ['three', 1],
    ]);
  });

  it('orders labels naturally (2 before 10) and matches follows without regard to case or space', () => {
    const ramp = shape([
      cycle('ten', '10', ' 9 '),
      cycle('nine', '9', '2'),
      cycle('two', '2'),
      cycle('twoB', '2B', '2'),
      cycle('twoA', '2a', '2'),
    ]);
    expect(ramp.map((entry) => entry.id)).toEqual(['two', 'twoA', 'twoB', 'nine', 'ten']);
    expect(compareLabels('2', '10')).toBeLessThan(0);
    expect(compareLabels('2a', '2b')).toBeLessThan(0);
  });

  it('starts a line of its own for a cycle that follows a missing cycle, and says so', () => {
    const ramp = shape([cycle('four', '4', '3'), cycle('one', '1'), cycle('five', '5', '4')]);
    expect(ramp).toEqual([
      { id: 'one', depth: 0, parent: null, missing: false },
      { id: 'four', depth: 0, parent: null, missing: true },
      { id: 'five', depth: 0, parent: 'four', missing: false },
    ]);
  });

  it('keeps the order it was given for equal or empty labels (stable), unlabelled last', () => {
    const ramp = shape([
      cycle('x', ''),
      cycle('p', '1'),
      cycle('y', ''),
      cycle('q', '1'),
      cycle('r', '1 '),
    ]);
    expect(ramp.map((entry) => entry.id)).toEqual(['p', 'q', 'r', 'x', 'y']);
    expect(shape([cycle('r', '1'), cycle('q', '1'), cycle('p', '1')]).map((e) => e.id)).toEqual([
      'r',
      'q',
      'p',
    ]);
  });

  it('puts followers of a shared label under the first cycle with that label', () => {
    const ramp = shape([cycle('first', '1'), cycle('again', '1'), cycle('two', '2', '1')]);
    expect(ramp).toEqual([
      { id: 'first', depth: 0, parent: null, missing: false },
      { id: 'two', depth: 0, parent: 'first', missing: false },
      { id: 'again', depth: 0, parent: null, missing: false },
    ]);
  });

  it('never hides a cycle: loops and cycles following themselves are still listed once', () => {
    const loop = shape([cycle('b', '2', '1'), cycle('a', '1', '2'), cycle('self', '3', '3')]);
    expect(loop.map((entry) => entry.id).sort()).toEqual(['a', 'b', 'self']);
    expect(loop.map((entry) => entry.id)).toEqual(['self', 'a', 'b']);
    expect(orderRamp([])).toEqual([]);
  });
});
