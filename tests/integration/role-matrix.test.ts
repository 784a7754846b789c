/**
 * The role matrix: every API route, called by every kind of person, answers the
 * status the policy promises. The list of routes comes from the app itself, so a
 * new route without an entry here fails the suite. The entries are in
 * `tests/helpers/role-matrix-cases-*.ts`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE_CASES } from '../helpers/role-matrix-cases-people';
import { WORK_CASES } from '../helpers/role-matrix-cases-work';
import {
  apiApp,
  makeFixture,
  PERSONAS,
  type Persona,
  preparePasswords,
} from '../helpers/role-matrix-fixture';

const CASES = [...WORK_CASES, ...PEOPLE_CASES];

describe('role matrix: every API route for every kind of person', () => {
  beforeAll(async () => {
    await preparePasswords();
  });

  it('has an entry for every route the API registers', async () => {
    const f = await makeFixture();
    const registered = new Set(
      apiApp(f)
        .routes.filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
    );
    const covered = new Set(CASES.map((c) => c.route));
    expect([...registered].filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !registered.has(route))).toEqual([]);
  });

  for (const testCase of CASES) {
    const name = `${testCase.route}${testCase.variant ? ` (${testCase.variant})` : ''}`;
    it(name, async () => {
      const seen: Partial<Record<Persona, number>> = {};
      for (const who of PERSONAS) {
        const f = await makeFixture();
        const app = apiApp(f);
        const [method] = testCase.route.split(' ');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (who !== 'anonymous') headers.authorization = `Bearer ${f.people[who].token}`;
        const response = await app.request(testCase.path(f, who), {
          method,
          headers,
          ...(testCase.body ? { body: JSON.stringify(testCase.body(f, who)) } : {}),
        });
        seen[who] = response.status;
        // A stream (the notifications' events) ends when its reader goes.
        await response.body?.cancel();
      }
      expect(seen).toEqual(testCase.expect);
    });
  }
});
