/**
 * A lab's evaluation survey over the real API: facilitators set it up and open each
 * round; every member answers; results pair each person's answers and test them;
 * an anonymous survey never shows fewer than five people's answers or any name.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../shared/evaluation/survey-results';
import { DEFAULT_SURVEY_QUESTIONS } from '../../shared/schemas/survey';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('lab evaluation survey', () => {
  let workspace: TestWorkspace;
  let people: TestPerson[];

  const call = async (person: TestPerson, method: string, path: string, body?: unknown) =>
    fetch(`${workspace.url}/api/labs/${workspace.labId}${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const ok = async <T>(person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await call(person, method, path, body);
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const results = async () =>
    (await ok<{ results: SurveyResults }>(workspace.owner, 'GET', '/survey/results')).results;
  const setRound = (round: string, open: boolean) =>
    ok(workspace.owner, 'POST', `/survey/${round}/state`, { open });
  const answer = (person: TestPerson, round: string, answers: Record<string, unknown>) =>
    ok(person, 'POST', `/survey/${round}/responses`, { answers });

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    people = [];
    const roles = ['participant', 'participant', 'reviewer', 'observer'] as const;
    for (let index = 0; index < 8; index += 1) {
      const person = await addPerson(meta, `Member ${String.fromCharCode(65 + index)}`);
      await addMember(
        meta,
        workspace.labId,
        person.user,
        roles[index % roles.length] ?? 'participant',
      );
      people.push(person);
    }
  });

  afterEach(async () => {
    await workspace.stop();
  });

  it('shows members the default questions and refuses answers until a round opens', async () => {
    const [member] = people;
    if (!member) throw new Error('no member');
    const view = await ok<{ survey: { questions: unknown[] }; canManage: boolean }>(
      member,
      'GET',
      '/survey',
    );
    expect(view.survey.questions).toEqual(DEFAULT_SURVEY_QUESTIONS);
    expect(view.canManage).toBe(false);
    const refused = await call(member, 'POST', '/survey/before/responses', {
      answers: { access: 3 },
    });
    expect(refused.status).toBe(409);
    expect((await call(member, 'GET', '/survey/results')).status).toBe(403);
    expect((await call(member, 'POST', '/survey/before/state', { open: true })).status).toBe(403);
  });

  it('pairs eight people before and after and gives the expected Wilcoxon statistic', async () => {
    await setRound('before', true);
    // Before and after "access" answers: differences +2, +1, +1, 0, +2, +1, −1, +3.
    const before = [2, 3, 2, 3, 1, 2, 4, 1];
    const after = [4, 4, 3, 3, 3, 3, 3, 4];
    for (const [index, person] of people.entries()) {
      await answer(person, 'before', { access: before[index], comments: `Before ${index}` });
    }
    await setRound('before', false);
    await setRound('after', true);
    for (const [index, person] of people.entries()) {
      await answer(person, 'after', { access: after[index] });
    }
    const found = await results();
    expect(found.responses).toEqual({ before: 8, after: 8 });
    expect(found.paired).toBe(8);
    expect(found.eligible).toBe(9);
    const access = found.questions.find((question) => question.id === 'access');
    if (access?.kind !== 'scale' || access.paired === null) throw new Error('no paired result');
    // Non-zero |d|: 2,1,1,2,1,1,3 → ranks 1–4 share 2.5, 5–6 share 5.5, 7 → T− = 2.5, T+ = 25.5.
    expect(access.paired.test).toMatchObject({ n: 7, zeros: 1, tPlus: 25.5, tMinus: 2.5 });
    expect(access.paired.test.method).toBe('exact');
    // Sign assignments of ranks (2.5 ×4, 5.5 ×2, 7) with T+ ≤ 2.5: none positive, or one 2.5:
    // 1 + 4 = 5 of 128, two-sided 10/128.
    expect(access.paired.test.p).toBeCloseTo(10 / 128, 12);
    expect(access.paired).toMatchObject({ improved: 6, same: 1, worse: 1, medianChange: 1 });
    expect(access.before?.counts).toEqual([2, 3, 2, 1, 0]);
    const comments = found.questions.find((question) => question.id === 'comments');
    expect(comments?.kind === 'text' && comments.answers?.map((a) => a.name)).toEqual(
      new Array(8).fill(null),
    );

    const csv = await (await call(workspace.owner, 'GET', '/survey/results.csv')).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^question,kind,before_n/);
    const accessRow = lines.find((line) => line.includes('information and resources'));
    expect(accessRow).toContain(
      ',8,2.25,2,8,3.38,3,8,6,1,1,1,25.5,2.5,0.07813,Wilcoxon signed-rank (exact),0.82,',
    );
    expect(lines.filter((line) => line.includes(',text,'))).toHaveLength(8);
  });

  it('withholds an anonymous round with fewer than five answers, and never names anyone', async () => {
    await setRound('before', true);
    for (const person of people.slice(0, 4)) {
      await answer(person, 'before', { access: 2, comments: `I am ${person.user.name}` });
    }
    let found = await results();
    expect(found.withheld.before).toBe(true);
    const text = JSON.stringify(found);
    for (const person of people) expect(text).not.toContain(person.user.name);
    const access = found.questions.find((question) => question.id === 'access');
    expect(access?.kind === 'scale' && access.before).toBeNull();
    await answer(people[4] as TestPerson, 'before', { access: 4 });
    found = await results();
    expect(found.withheld.before).toBe(false);
    const shown = found.questions.find((question) => question.id === 'access');
    expect(shown?.kind === 'scale' && shown.before?.n).toBe(5);
  });

  it('names answers when the facilitator chose a named survey', async () => {
    await ok(workspace.owner, 'PUT', '/survey', {
      anonymous: false,
      questions: DEFAULT_SURVEY_QUESTIONS,
    });
    await setRound('before', true);
    const [member] = people;
    if (!member) throw new Error('no member');
    await answer(member, 'before', { access: 3, comments: 'Hello' });
    const found = await results();
    const comments = found.questions.find((question) => question.id === 'comments');
    expect(comments?.kind === 'text' && comments.answers).toEqual([
      { round: 'before', text: 'Hello', name: member.user.name },
    ]);
  });

  it('refuses bad answers and keeps answered questions, changing nothing', async () => {
    await setRound('before', true);
    const [member] = people;
    if (!member) throw new Error('no member');
    for (const answers of [{ nosuch: 3 }, { access: 9 }, { access: 'three' }, { comments: 4 }]) {
      const response = await call(member, 'POST', '/survey/before/responses', { answers });
      expect(response.status).toBe(400);
    }
    expect(workspace.server.meta.listSurveyResponses(workspace.labId)).toEqual([]);
    await answer(member, 'before', { access: 3 });
    const removing = await call(workspace.owner, 'PUT', '/survey', {
      anonymous: true,
      questions: DEFAULT_SURVEY_QUESTIONS.filter((question) => question.id !== 'access'),
    });
    expect(removing.status).toBe(409);
    expect((await call(member, 'POST', '/survey/during/responses', { answers: {} })).status).toBe(
      404,
    );
    const added = await ok<{ survey: { questions: unknown[] } }>(
      workspace.owner,
      'PUT',
      '/survey',
      {
        anonymous: true,
        questions: [
          ...DEFAULT_SURVEY_QUESTIONS,
          { id: 'network', kind: 'scale', text: 'How connected do you feel?' },
        ],
      },
    );
    expect(added.survey.questions).toHaveLength(6);
    const audit = workspace.server.meta.listAudit(workspace.labId, 50).map((event) => event.type);
    expect(audit).toContain('survey.round_opened');
    expect(audit).toContain('survey.updated');
  });
});
