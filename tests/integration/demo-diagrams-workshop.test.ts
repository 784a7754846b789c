/**
 * The demo lab's thinking surfaces, read as a visitor's screens and the server
 * read them, from the stored documents and the API: a fishbone with an effect,
 * its categories each with causes and a "why?" chain three deep; a process map
 * from a start to an end through a decision with labelled branches, a wait and a
 * hand-off, in swimlanes, with problems and ideas noted; and a finished workshop
 * board: locked, its votes revealed and agreeing with the votes cast, nobody over
 * their votes, and its top three clusters made into change ideas with a PICK
 * placement, each idea naming the board and the cluster it came from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEMO_LAB } from '../../shared/demo';
import { type FishboneCause, readFishbone } from '../../shared/diagrams/fishbone';
import { readProcessMap } from '../../shared/diagrams/process-map';
import { readFields } from '../../shared/documents/item-doc';
import { countOf, readBoard } from '../../shared/documents/workshop-board';
import type { WorkshopView } from '../../shared/schemas/workshop';
import { startDemoWorkspace } from '../helpers/demo-workspace';
import type { TestWorkspace } from '../helpers/workspace';

const depth = (causes: readonly FishboneCause[]): number =>
  causes.reduce((deepest, cause) => Math.max(deepest, 1 + depth(cause.causes)), 0);

describe('the demo lab’s fishbone, process map and workshop board', () => {
  let workspace: TestWorkspace;
  const read = <T>(docId: string, reader: (doc: Y.Doc) => T) =>
    workspace.server.registry.read(docId, reader);
  const itemOf = (id: string) => workspace.server.meta.getItem(id);

  beforeAll(async () => {
    workspace = await startDemoWorkspace();
  });

  afterAll(async () => {
    await workspace?.stop();
  });

  it('has a fishbone with causes in every category and a “why?” chain', async () => {
    expect(itemOf('demo-fishbone')).toMatchObject({ labId: DEMO_LAB.id, kind: 'fishbone' });
    const fishbone = await read('demo-fishbone', readFishbone);
    expect(fishbone.effect).not.toBe('');
    const named = fishbone.categories.filter((c) => c.id !== null && c.label !== '');
    expect(named.length).toBeGreaterThanOrEqual(6);
    for (const category of named) expect(category.causes.length, category.label).toBeGreaterThan(0);
    expect(Math.max(...named.map((c) => depth(c.causes)))).toBeGreaterThanOrEqual(3);
  });

  it('has a process map from a start to an end, with a decision, a wait and a hand-off', async () => {
    expect(itemOf('demo-process')).toMatchObject({ labId: DEMO_LAB.id, kind: 'process' });
    const map = await read('demo-process', readProcessMap);
    const types = map.steps.map((step) => step.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('end');
    expect(types).toEqual(expect.arrayContaining(['decision', 'wait', 'handoff']));
    expect(map.lanes.length).toBeGreaterThanOrEqual(2);
    for (const step of map.steps) expect(step.lane, step.label).not.toBeNull();
    // Each decision says where each of its answers goes.
    for (const decision of map.steps.filter((s) => s.type === 'decision')) {
      const branches = map.flows.filter((f) => f.from === decision.id);
      expect(branches.length).toBeGreaterThanOrEqual(2);
      for (const branch of branches) {
        expect(branch.branchId).not.toBeNull();
        expect(branch.label).not.toBe('');
      }
    }
    expect(map.steps.some((s) => s.problem !== '')).toBe(true);
    expect(map.steps.some((s) => s.idea !== '')).toBe(true);
  });

  it('has a finished workshop board: locked, votes revealed, top clusters become linked ideas', async () => {
    const { meta } = workspace.server;
    expect(itemOf('demo-workshop')).toMatchObject({ labId: DEMO_LAB.id, kind: 'workshop' });
    const response = await fetch(`${workspace.url}/api/items/demo-workshop/workshop`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as WorkshopView;
    expect(view.settings).toMatchObject({ locked: true, revealed: true, timerEndsAt: null });
    expect(view.settings.prompt).not.toBe('');
    if (view.results === null) throw new Error('the demo board’s votes are not revealed');

    // The votes as cast: nobody over their number, and the counts the API reveals are theirs.
    const record = meta.getWorkshop('demo-workshop');
    if (!record) throw new Error('the demo board has no record');
    const members = new Set(meta.listMembers(DEMO_LAB.id).map((m) => m.userId));
    const perPerson = new Map<string, number>();
    for (const vote of record.votes) {
      expect(members.has(vote.userId), vote.userId).toBe(true);
      perPerson.set(vote.userId, (perPerson.get(vote.userId) ?? 0) + 1);
    }
    expect(Math.max(...perPerson.values())).toBeLessThanOrEqual(record.votesPerPerson);
    expect(view.votesCast).toBe(record.votes.length);

    // The board's document shows the same: locked, revealed, the same counts.
    const board = await read('demo-workshop', readBoard);
    expect(board.state).toMatchObject({ locked: true, revealed: true, results: view.results });
    expect(board.notes.length).toBeGreaterThan(0);
    for (const note of board.notes) expect(note.cluster, note.text).not.toBeNull();

    const ranked = [...board.clusters].sort(
      (a, b) => (countOf(board.state, b.id) ?? 0) - (countOf(board.state, a.id) ?? 0),
    );
    expect(ranked.length).toBeGreaterThan(3);
    // A clear top three: the third has more votes than the fourth.
    const [third, fourth] = [ranked[2], ranked[3]];
    expect(countOf(board.state, third?.id ?? '')).toBeGreaterThan(
      countOf(board.state, fourth?.id ?? '') ?? 0,
    );
    for (const cluster of ranked.slice(0, 3)) {
      const ideaId = cluster.ideaId;
      if (ideaId === null) throw new Error(`cluster “${cluster.label}” became no change idea`);
      expect(itemOf(ideaId)).toMatchObject({ labId: DEMO_LAB.id, kind: 'idea' });
      const idea = await read(ideaId, (doc) => readFields(doc, 'idea'));
      // Linked back: the idea names the board and the cluster it came from.
      expect(idea).toMatchObject({ fromBoard: 'demo-workshop', fromRow: cluster.id });
      // Placed on the PICK chart.
      expect(idea.impact).toMatch(/\w/);
      expect(idea.effort).toMatch(/\w/);
    }
    for (const cluster of ranked.slice(3)) expect(cluster.ideaId).toBeNull();
  });
});
