/**
 * The portfolio over the real server: two labs, one with a measure whose latest point
 * is a special-cause signal, PDSA cycles, people who edited the same item (a new
 * connection) and a survey answered before and after by six people; the other with a
 * survey too few answered to show. Each column's values, the filters, the CSV, and who
 * may see it: administrators and people who may create labs, never a participant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import type { PortfolioRow } from '../../shared/schemas/portfolio';
import { addItem, addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** Waiting times, higher is better: steady, then one far above the limits; the target is easy. */
const VALUES = [30, 32, 29, 31, 33, 30, 28, 31, 30, 29, 32, 31, 30, 45];
const VARIATION = 'Variation: Special cause improvement (high)';
const ASSURANCE = 'Assurance: Consistently passing the target';

describe('the portfolio', () => {
  let workspace: TestWorkspace;
  let admin: TestPerson;
  let lead: TestPerson;
  let participant: TestPerson;
  let falls: string;
  let flow: string;

  const get = (person: TestPerson, path: string) =>
    fetch(`${workspace.url}/api${path}`, { headers: { authorization: `Bearer ${person.token}` } });
  const rows = async (person: TestPerson, query = '') => {
    const response = await get(person, `/portfolio${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { labs: PortfolioRow[]; topics: string[] }).labs;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    admin = await addPerson(meta, 'Ada Admin', { isAdmin: true });
    lead = await addPerson(meta, 'Lee Lead');
    await meta.updateUser(lead.user.id, { canCreateLabs: true });
    participant = await addPerson(meta, 'Pia Participant');

    falls = workspace.labId;
    await meta.updateLab(falls, {
      title: 'Fewer falls',
      phase: 'test',
      topic: 'frailty',
      challenge: 'How might we reduce falls on the ward?',
    });
    await addMember(meta, falls, participant.user, 'participant');
    const people: TestPerson[] = [workspace.owner, participant];
    for (const name of ['Dee Doctor', 'Don Doctor', 'Pam Physio', 'Nell Nurse']) {
      const person = await addPerson(meta, name);
      if (name.startsWith('D')) await meta.updateUser(person.user.id, { profession: 'doctor' });
      await addMember(meta, falls, person.user, 'participant');
      people.push(person);
    }

    const measure = new Y.Doc();
    initItemDoc(measure, 'measure', 'Waiting time');
    setFieldValue(measure, 'measure', 'direction', 'up');
    setFieldValue(measure, 'measure', 'target', 20);
    setFieldValue(measure, 'measure', 'recordedAs', 'values');
    setFieldValue(measure, 'measure', 'rules', 'mdc');
    setFieldValue(measure, 'measure', 'controlChart', 'xmr');
    VALUES.forEach((value, i) => {
      addRow(measure, 'measure', 'points', `w${i}`, {
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value,
      });
    });
    await store.append('falls-measure', Y.encodeStateAsUpdate(measure)).durable;
    await addItem(meta, falls, 'falls-measure', { kind: 'measure' });
    await meta.updateItem('falls-measure', { title: 'Waiting time' });

    for (const [id, decision] of [
      ['pdsa-1', 'adopt'],
      ['pdsa-2', 'adapt'],
      ['pdsa-3', null],
    ] as const) {
      await addItem(meta, falls, id, { kind: 'pdsa' });
      await meta.updateItem(id, { facts: { decision } });
    }
    // Two members edit the same note: one connection, first made in this lab.
    await addItem(meta, falls, 'falls-note');
    for (const person of [people[2], people[3]]) {
      if (!person) throw new Error('missing person');
      await meta.recordContribution({
        labId: falls,
        itemId: 'falls-note',
        userId: person.user.id,
        firstAt: new Date().toISOString(),
      });
    }
    // Six people answer before and after: everyone rates access higher after.
    for (const person of people) {
      for (const [round, access] of [
        ['before', 2],
        ['after', 4],
      ] as const) {
        await meta.saveSurveyResponse({
          labId: falls,
          round,
          userId: person.user.id,
          answers: { access, reflection: '=HYPERLINK("x") my own words' },
          submittedAt: new Date().toISOString(),
        });
      }
    }

    flow = await addLab(meta, workspace.owner.user);
    await meta.updateLab(flow, { title: '=Flow through discharge', phase: 'understand' });
    for (const person of people.slice(0, 3)) {
      await meta.saveSurveyResponse({
        labId: flow,
        round: 'before',
        userId: person.user.id,
        answers: { access: 3 },
        submittedAt: new Date().toISOString(),
      });
      await meta.saveSurveyResponse({
        labId: flow,
        round: 'after',
        userId: person.user.id,
        answers: { access: 5 },
        submittedAt: new Date().toISOString(),
      });
    }
  });

  afterAll(async () => {
    await workspace.stop();
  });

  it('shows every lab’s phase, activity, people, measures, cycles, connections and survey', async () => {
    const labs = await rows(admin);
    expect(labs.map((row) => row.title)).toEqual(['=Flow through discharge', 'Fewer falls']);
    const row = labs.find((each) => each.labId === falls);
    expect(row).toMatchObject({
      phase: 'test',
      topic: 'frailty',
      archived: false,
      professions: [
        { profession: 'nurse', count: 4 },
        { profession: 'doctor', count: 2 },
      ],
      pdsa: { total: 3, decided: 2 },
      newConnections: 1,
    });
    expect(Date.parse(row?.lastActivity ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(row?.measures).toHaveLength(1);
    expect(row?.measures[0]?.title).toBe('Waiting time');
    expect(row?.measures[0]?.icons.map((icon) => `${icon.kind}: ${icon.label}`)).toEqual([
      `variation: ${VARIATION.slice('Variation: '.length)}`,
      `assurance: ${ASSURANCE.slice('Assurance: '.length)}`,
    ]);
    expect(row?.survey).toMatchObject({ before: 6, after: 6, paired: 6 });
    expect(row?.survey?.questions).toHaveLength(1);
    expect(row?.survey?.questions[0]?.change).toContain('6 rated this higher');
    // No free text or name ever leaves the lab this way.
    expect(JSON.stringify(labs)).not.toContain('my own words');
    expect(JSON.stringify(labs)).not.toContain('Participant');

    const other = labs.find((each) => each.labId === flow);
    expect(other).toMatchObject({ pdsa: { total: 0, decided: 0 }, newConnections: 0 });
    expect(other?.measures).toEqual([]);
    // Three pairs: counted, but no comparison shown.
    expect(other?.survey).toMatchObject({ before: 3, after: 3, paired: 3, questions: [] });
  });

  it('filters by phase, topic and words', async () => {
    expect((await rows(admin, '?phase=test')).map((row) => row.labId)).toEqual([falls]);
    expect((await rows(admin, '?phase=understand')).map((row) => row.labId)).toEqual([flow]);
    expect((await rows(admin, '?topic=frailty')).map((row) => row.labId)).toEqual([falls]);
    expect((await rows(admin, '?q=DISCHARGE')).map((row) => row.labId)).toEqual([flow]);
    expect((await rows(admin, '?q=on%20the%20ward')).map((row) => row.labId)).toEqual([falls]);
    expect(await rows(admin, '?phase=test&q=discharge')).toEqual([]);
    expect((await get(admin, '/portfolio?phase=nonsense')).status).toBe(400);
  });

  it('downloads the same rows as CSV, formulas neutralised, filtered alike', async () => {
    const response = await get(admin, '/portfolio.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'lab,phase,topic,archived,last_activity,members_by_profession,measures,pdsa_cycles,pdsa_decided,new_connections,survey_before,survey_after,survey_paired,survey_results',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^'=Flow through discharge,understand,,no,/);
    expect(lines[1]).toMatch(/,0,0,0,3,3,3,$/);
    expect(lines[2]).toMatch(/^Fewer falls,test,frailty,no,/);
    expect(lines[2]).toContain('nurse: 4; doctor: 2');
    expect(lines[2]).toContain(`Waiting time: ${VARIATION}, ${ASSURANCE}`);
    expect(lines[2]).toContain(',3,2,1,6,6,6,');
    expect(lines[2]).toContain('6 rated this higher');

    const filtered = await (await get(admin, '/portfolio.csv?topic=frailty')).text();
    expect(filtered.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('is for administrators and people who may create labs, not for a participant', async () => {
    expect((await rows(lead)).map((row) => row.labId)).toContain(falls);
    expect((await get(participant, '/portfolio')).status).toBe(403);
    expect((await get(participant, '/portfolio.csv')).status).toBe(403);
    expect((await get(workspace.owner, '/portfolio')).status).toBe(403);
  });
});
