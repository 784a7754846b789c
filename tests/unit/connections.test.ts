import { describe, expect, it } from 'vitest';
import {
  coEditing,
  groupNotesEditing,
  labNetwork,
  tiesFrom,
} from '../../shared/network/connections';

describe('connections made through the workspace', () => {
  it('ties two people from their first piece of work together, once per pair', () => {
    const ties = tiesFrom([
      { a: 'b', b: 'a', at: '2026-03-02', labId: 'L1', how: 'reply' },
      { a: 'a', b: 'b', at: '2026-03-01', labId: 'L1', how: 'co_edit' },
      { a: 'a', b: 'a', at: '2026-01-01', labId: 'L1', how: 'reply' },
    ]);
    expect(ties).toEqual([{ a: 'a', b: 'b', firstAt: '2026-03-01', labId: 'L1', how: 'co_edit' }]);
  });

  it('ties everyone who edited an item, from when the later of the two started', () => {
    const interactions = coEditing([
      { itemId: 'i', userId: 'a', firstAt: '2026-01-05', labId: 'L' },
      { itemId: 'i', userId: 'b', firstAt: '2026-01-02', labId: 'L' },
      { itemId: 'i', userId: 'c', firstAt: '2026-01-09', labId: 'L' },
      { itemId: 'j', userId: 'd', firstAt: '2026-01-01', labId: 'L' },
    ]);
    expect(interactions.map((x) => [x.a, x.b, x.at])).toEqual([
      ['a', 'b', '2026-01-05'],
      ['a', 'c', '2026-01-09'],
      ['b', 'c', '2026-01-09'],
    ]);
  });

  it('counts new ties per member and the shares across professions and regions', () => {
    const members = [
      { userId: 'a', name: 'A', profession: 'nurse', region: 'wales' },
      { userId: 'b', name: 'B', profession: 'doctor', region: 'wales' },
      { userId: 'c', name: 'C', profession: 'nurse', region: 'london' },
      { userId: 'd', name: 'D', profession: 'patient', region: null },
    ];
    const network = labNetwork('L1', members, [
      { a: 'a', b: 'c', firstAt: '2026-01-10', labId: 'L0', how: 'co_edit' },
      { a: 'a', b: 'b', firstAt: '2026-02-10', labId: 'L1', how: 'co_edit' },
      { a: 'b', b: 'c', firstAt: '2026-02-20', labId: 'L1', how: 'reply' },
      { a: 'b', b: 'd', firstAt: '2026-03-01', labId: 'L1', how: 'reply' },
      { a: 'b', b: 'x', firstAt: '2026-03-02', labId: 'L1', how: 'reply' },
    ]);
    expect(network.edges.map((e) => [e.a, e.b, e.isNew])).toEqual([
      ['a', 'c', false],
      ['a', 'b', true],
      ['b', 'c', true],
      ['b', 'd', true],
    ]);
    expect(network.newTies).toBe(3);
    expect(network.newPerMember).toBe(1.5);
    expect(network.crossProfessionShare).toBe(1);
    // a–b same region, b–c different, b–d unknown: one of two known.
    expect(network.crossRegionShare).toBe(0.5);
    expect(network.byMonth).toEqual([
      { month: '2026-02', total: 2 },
      { month: '2026-03', total: 3 },
    ]);
  });

  it('ties a group’s members who both edited its notes, from the later join or first edit', () => {
    const members = [
      { userId: 'a', since: '2026-01-01' },
      { userId: 'b', since: '2026-02-01' },
      { userId: 'c', since: '2026-01-01' },
    ];
    const interactions = groupNotesEditing('G', members, [
      { userId: 'a', firstAt: '2026-01-10' },
      // b edited before the recorded join (joined again later): the join counts.
      { userId: 'b', firstAt: '2026-01-20' },
      // x edited but is not a member (left, or a request never approved): no tie.
      { userId: 'x', firstAt: '2026-01-05' },
    ]);
    // c joined but never edited: joining alone ties nobody.
    expect(interactions).toEqual([
      { a: 'a', b: 'b', at: '2026-02-01', labId: 'G', how: 'group_notes' },
    ]);
    // A group's tie is never new in a lab, but counts as already made there.
    const network = labNetwork(
      'L1',
      [
        { userId: 'a', name: 'A', profession: 'nurse', region: null },
        { userId: 'b', name: 'B', profession: 'doctor', region: null },
      ],
      tiesFrom([
        ...interactions,
        { a: 'a', b: 'b', at: '2026-03-01', labId: 'L1', how: 'co_edit' },
      ]),
    );
    expect(network.edges.map((e) => [e.a, e.b, e.isNew])).toEqual([['a', 'b', false]]);
    expect(groupNotesEditing('G', members, [{ userId: 'a', firstAt: '2026-01-10' }])).toEqual([]);
  });
});
