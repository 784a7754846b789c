/**
 * The demo lab a new instance starts with: its items, members from several
 * professions (a patient and a carer among them, as reviewers) and a finished
 * before-and-after evaluation survey whose results read as a real lab's would, and a
 * special interest group on the lab's topic with notes.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { createMemoryLogger } from '../../server/logger';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import { applyStored } from '../../server/store/stored-update';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import * as Y from 'yjs';
import { DEMO_LAB } from '../../shared/demo';
import { GROUP_NOTES_FIELD, groupNotesDocId } from '../../shared/network/groups';
import { surveyResults } from '../../shared/evaluation/survey-results';
import { addPerson } from '../helpers/accounts';

describe('the demo lab', () => {
  it('has members across professions and a completed evaluation survey', async () => {
    const meta = createMemoryMetaStore();
    const store = createMemoryDocStore();
    const admin = await addPerson(meta, 'Ada Admin', { isAdmin: true });
    const deps = { meta, store, logger: createMemoryLogger(), now: () => new Date() };
    await seedDemoLab(deps, admin.user);
    // Seeding again (a second administrator) adds them and duplicates nothing.
    await seedDemoLab(deps, admin.user);

    const members = meta.listMembers(DEMO_LAB.id);
    expect(members).toHaveLength(9);
    const professions = new Set(members.map((m) => meta.getUser(m.userId)?.profession));
    expect(professions.size).toBeGreaterThanOrEqual(7);
    expect(members.filter((m) => m.role === 'reviewer')).toHaveLength(2);

    const survey = meta.getSurvey(DEMO_LAB.id);
    if (survey === null) throw new Error('the demo lab has no survey');
    expect(survey.rounds.after.closedAt).not.toBeNull();
    const results = surveyResults(
      survey,
      meta.listSurveyResponses(DEMO_LAB.id),
      members.length,
      () => 'someone',
    );
    expect(results.responses).toEqual({ before: 8, after: 8 });
    expect(results.paired).toBe(8);
    const access = results.questions.find((q) => q.id === 'access');
    if (access?.kind !== 'scale' || access.paired === null) throw new Error('no comparison');
    // Differences 2, 2, 1, 1, 2, 0, 1, 0: six people up, two the same, none down.
    expect(access.paired).toMatchObject({ improved: 6, same: 2, worse: 0 });
    expect(access.paired.test.p).toBeCloseTo(2 / 64, 12);

    // Profiles across regions: six listed to everyone, the patient to the lab, the carer to nobody.
    const profiles = meta.listProfiles();
    expect(profiles.filter((p) => p.audience === 'everyone')).toHaveLength(6);
    expect(new Set(profiles.map((p) => p.region)).size).toBeGreaterThanOrEqual(6);
    expect(profiles.find((p) => p.userId === 'demo-eleanor')?.audience).toBe('labmates');
    expect(profiles.find((p) => p.userId === 'demo-helen')?.audience).toBe('nobody');

    // Who worked on which item: seven of the eight, on overlapping items.
    const contributors = new Set(meta.listContributions(DEMO_LAB.id).map((c) => c.userId));
    expect(contributors.size).toBe(7);

    // A group on the lab's topic: several demo people, the administrator, one request
    // waiting, notes two members wrote (and so a connection between them).
    const lab = meta.getLab(DEMO_LAB.id);
    expect(lab?.topic).toBe('falls');
    const group = meta.listGroups().find((g) => g.topic === lab?.topic);
    if (!group) throw new Error('the demo has no group on the lab’s topic');
    const places = meta.listGroupMembers(group.id);
    expect(places.filter((p) => p.state === 'member').length).toBeGreaterThanOrEqual(5);
    expect(places.filter((p) => p.state === 'requested')).toHaveLength(1);
    expect(places.find((p) => p.userId === admin.user.id)?.state).toBe('member');
    const doc = new Y.Doc();
    for (const stored of await store.load(groupNotesDocId(group.id))) applyStored(doc, stored);
    expect(doc.getXmlFragment(GROUP_NOTES_FIELD).toString()).toContain('Low beds');
    expect(meta.listContributions(group.id)).toHaveLength(2);
  });
});
