/**
 * Comparing versions of items: which characters, blocks, values and rows were
 * inserted or deleted between two snapshots, and by whom, for rich text and for
 * each kind's structured content.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateAttribution } from '../../shared/history/attribute-update';
import { Authorship } from '../../shared/history/authorship';
import { segmentsText } from '../../shared/history/diff-model';
import { diffItem } from '../../shared/history/item-diff';
import { decodeVersionSteps, encodeVersionStep } from '../../shared/history/snapshots';
import {
  addRow,
  fieldText,
  initItemDoc,
  list,
  section,
  setFieldValue,
} from '../../shared/documents/item-doc';
import type { ItemKind } from '../../shared/schemas/records';

/** Two people editing through a server that attributes each update to its sender. */
function editing(kind: ItemKind) {
  const history = new Y.Doc({ gc: false });
  initItemDoc(history, kind, 'Cycle 1');
  const authorship = new Authorship();
  const attribution = new UpdateAttribution(authorship, history);
  const people = new Map<string, Y.Doc>();
  const as = (userId: string, change: (doc: Y.Doc) => void) => {
    let doc = people.get(userId);
    if (!doc) {
      doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(history));
      people.set(userId, doc);
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(history, Y.encodeStateVector(doc)));
    const before = Y.encodeStateVector(doc);
    change(doc);
    const update = Y.encodeStateAsUpdate(doc, before);
    attribution.add(update, userId);
    Y.applyUpdate(history, update);
  };
  return { history, authorship, as };
}

describe('comparing versions', () => {
  it('marks inserted and deleted text of a field with who wrote and who deleted it', () => {
    const { history, authorship, as } = editing('pdsa');
    as('ann', (doc) => fieldText(doc, 'objective').insert(0, 'Test rounding on one bay.'));
    const first = Y.snapshot(history);
    as('bob', (doc) => {
      fieldText(doc, 'objective').delete(5, 8); // "rounding"
      fieldText(doc, 'objective').insert(5, 'hourly checks');
    });
    const diff = diffItem(history, 'pdsa', first, Y.snapshot(history), authorship);
    const objective = diff.fields.find((field) => field.key === 'objective');
    if (objective?.type !== 'text') throw new Error('objective is a text field');
    expect(objective.changed).toBe(true);
    expect(segmentsText(objective.segments, 'before')).toBe('Test rounding on one bay.');
    expect(segmentsText(objective.segments, 'after')).toBe('Test hourly checks on one bay.');
    expect(objective.segments).toContainEqual({ text: 'rounding', change: 'del', by: 'bob' });
    expect(objective.segments).toContainEqual({ text: 'hourly checks', change: 'ins', by: 'bob' });
    expect(objective.segments[0]).toEqual({ text: 'Test ', change: 'same', by: 'ann' });
    expect(diff.summary).toMatchObject({ inserted: 13, deleted: 8, people: ['bob'] });
  });

  it('marks values changed field by field with their author, and unchanged fields not at all', () => {
    const { history, authorship, as } = editing('pdsa');
    as('ann', (doc) => setFieldValue(doc, 'pdsa', 'startDate', '2026-10-05'));
    const first = Y.snapshot(history);
    as('bob', (doc) => setFieldValue(doc, 'pdsa', 'decision', 'adapt'));
    as('cat', (doc) => setFieldValue(doc, 'pdsa', 'startDate', '2026-10-12'));
    const diff = diffItem(history, 'pdsa', first, Y.snapshot(history), authorship);
    const changed = diff.fields.filter((field) => field.changed);
    expect(changed).toEqual([
      expect.objectContaining({
        key: 'startDate',
        before: '2026-10-05',
        after: '2026-10-12',
        by: 'cat',
      }),
      expect.objectContaining({ key: 'decision', before: null, after: 'adapt', by: 'bob' }),
    ]);
    expect(diff.summary.people).toEqual(['bob', 'cat']);
  });

  it('marks rich-text blocks added and removed, and words changed inside a paragraph', () => {
    const { history, authorship, as } = editing('note');
    as('ann', (doc) => {
      const first = new Y.XmlElement('paragraph');
      first.insert(0, [new Y.XmlText('Patients welcomed the offer.')]);
      const second = new Y.XmlElement('paragraph');
      second.insert(0, [new Y.XmlText('Staff found it slow.')]);
      section(doc, 'body').insert(0, [first, second]);
    });
    const first = Y.snapshot(history);
    as('bob', (doc) => {
      const body = section(doc, 'body');
      body.delete(1, 1);
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', '2');
      heading.insert(0, [new Y.XmlText('Findings')]);
      body.insert(0, [heading]);
      const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(9, 'mostly ');
    });
    const diff = diffItem(history, 'note', first, Y.snapshot(history), authorship);
    const [body] = diff.sections;
    expect(body?.changed).toBe(true);
    expect(body?.blocks.map((block) => [block.type, block.change, block.detail])).toEqual([
      ['heading', 'ins', '2'],
      ['paragraph', 'same', null],
      ['paragraph', 'del', null],
    ]);
    expect(segmentsText(body?.blocks[1]?.segments ?? [], 'after')).toBe(
      'Patients mostly welcomed the offer.',
    );
    expect(body?.blocks[1]?.segments).toContainEqual({ text: 'mostly ', change: 'ins', by: 'bob' });
    expect(body?.blocks[2]?.segments).toEqual([
      { text: 'Staff found it slow.', change: 'del', by: 'bob' },
    ]);
  });

  it('marks driver diagram nodes and links added, removed and relabelled', () => {
    const { history, authorship, as } = editing('drivers');
    as('ann', (doc) => {
      addRow(doc, 'drivers', 'nodes', 'aim', { type: 'aim', label: 'Fewer falls' });
      addRow(doc, 'drivers', 'nodes', 'p1', { type: 'primary', label: 'Safe wards' });
      addRow(doc, 'drivers', 'edges', 'e1', { from: 'p1', to: 'aim', strength: 'weak' });
    });
    const first = Y.snapshot(history);
    as('bob', (doc) => {
      const nodes = list(doc, 'nodes');
      (nodes.get(1).get('label') as Y.Text).insert(0, 'Calm and ');
      addRow(doc, 'drivers', 'nodes', 's1', { type: 'secondary', label: 'Night checks' });
      list(doc, 'edges').get(0).set('strength', 'strong');
    });
    const diff = diffItem(history, 'drivers', first, Y.snapshot(history), authorship);
    const nodes = diff.lists.find((l) => l.key === 'nodes');
    const edges = diff.lists.find((l) => l.key === 'edges');
    expect(nodes?.rows.map((row) => [row.id, row.change, row.changed])).toEqual([
      ['aim', 'same', false],
      ['p1', 'same', true],
      ['s1', 'ins', true],
    ]);
    const label = nodes?.rows[1]?.cells.find((cell) => cell.key === 'label');
    expect(label?.type === 'text' && segmentsText(label.segments, 'after')).toBe(
      'Calm and Safe wards',
    );
    const strength = edges?.rows[0]?.cells.find((cell) => cell.key === 'strength');
    expect(strength).toMatchObject({ before: 'weak', after: 'strong', by: 'bob', changed: true });
  });

  it('marks measure rows added and values corrected, and aim parts of a problem', () => {
    const { history, authorship, as } = editing('measure');
    as('ann', (doc) => addRow(doc, 'measure', 'points', 'w1', { period: 'Week 1', value: 4 }));
    const first = Y.snapshot(history);
    as('bob', (doc) => {
      list(doc, 'points').get(0).set('value', 5);
      addRow(doc, 'measure', 'points', 'w2', { period: 'Week 2', value: 3 });
    });
    const diff = diffItem(history, 'measure', first, Y.snapshot(history), authorship);
    const rows = diff.lists[0]?.rows ?? [];
    expect(rows.map((row) => [row.id, row.change])).toEqual([
      ['w1', 'same'],
      ['w2', 'ins'],
    ]);
    expect(rows[0]?.cells.find((cell) => cell.key === 'value')).toMatchObject({
      before: 4,
      after: 5,
      by: 'bob',
    });

    const problem = editing('problem');
    problem.as('ann', (doc) => setFieldValue(doc, 'problem', 'aimTarget', 10));
    const before = Y.snapshot(problem.history);
    problem.as('cat', (doc) => {
      setFieldValue(doc, 'problem', 'aimTarget', 5);
      fieldText(doc, 'aimWhat').insert(0, 'Falls at night');
    });
    const aim = diffItem(
      problem.history,
      'problem',
      before,
      Y.snapshot(problem.history),
      problem.authorship,
    );
    expect(aim.fields.filter((f) => f.changed).map((f) => f.key)).toEqual(['aimWhat', 'aimTarget']);
  });

  it('rebuilds each version’s snapshot from steps that hold only new deletions', () => {
    const { history, as } = editing('pdsa');
    const snapshots: Y.Snapshot[] = [];
    as('ann', (doc) => fieldText(doc, 'objective').insert(0, 'abcdefghij'));
    snapshots.push(Y.snapshot(history));
    as('ann', (doc) => fieldText(doc, 'objective').delete(2, 3));
    snapshots.push(Y.snapshot(history));
    as('bob', (doc) => fieldText(doc, 'objective').delete(0, 1));
    snapshots.push(Y.snapshot(history));
    const steps = snapshots.map((snapshot, i) =>
      encodeVersionStep(snapshot, snapshots[i - 1] ?? null),
    );
    const rebuilt = decodeVersionSteps(steps);
    rebuilt.forEach((snapshot, i) => {
      expect(Y.equalSnapshots(snapshot, snapshots[i] as Y.Snapshot)).toBe(true);
    });
    // The last step holds one deleted range, not the two deleted before it.
    expect(Y.decodeSnapshotV2(steps[2] as Uint8Array).ds.clients.size).toBe(1);
  });

  it('attributes what a client sends under someone else’s client id to the sender', () => {
    const history = new Y.Doc({ gc: false });
    const authorship = new Authorship();
    const attribution = new UpdateAttribution(authorship, history);
    const ann = new Y.Doc();
    ann.getText('t').insert(0, 'ann ');
    const annUpdate = Y.encodeStateAsUpdate(ann);
    attribution.add(annUpdate, 'ann');
    Y.applyUpdate(history, annUpdate);
    // Mallory copies ann's state, client id included, and writes more as "ann".
    const forged = new Y.Doc();
    Y.applyUpdate(forged, annUpdate);
    forged.clientID = ann.clientID;
    forged.getText('t').insert(4, 'was here');
    const update = Y.encodeStateAsUpdate(forged);
    attribution.add(update, 'mallory');
    Y.applyUpdate(history, update);
    expect(authorship.authorOf(ann.clientID, 0)).toBe('ann');
    expect(authorship.authorOf(ann.clientID, 4)).toBe('mallory');
    // Sending ann's text back (a sync) attributes nothing anew.
    attribution.add(annUpdate, 'mallory');
    expect(authorship.authorOf(ann.clientID, 0)).toBe('ann');
  });
});
