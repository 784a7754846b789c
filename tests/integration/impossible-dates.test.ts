/**
 * Impossible dates (2026-02-30, 2026-13-01) are refused at every boundary that
 * takes a date, with a clear error that names the field, and change nothing;
 * readers that show a stored date never roll one over into another day.
 * (Archives with impossible dates are refused in export-bad-archives.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../client/features/pdsa/pdsa-words';
import { formatDate as clientFormatDate } from '../../client/lib/dates';
import { formatDate as exportFormatDate } from '../../server/export/format-values';
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from '../../shared/calendar-date';
import { addPerson, type TestPerson } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const IMPOSSIBLE = ['2026-02-30', '2026-13-01', '2025-02-29', '2026-04-31', '2026-00-10'];

describe('impossible dates', () => {
  let workspace: TestWorkspace;
  let admin: TestPerson;
  beforeAll(async () => {
    workspace = await startTestWorkspace();
    admin = await addPerson(workspace.server.meta, 'Ada Admin', { isAdmin: true });
  });
  afterAll(async () => {
    await workspace.stop();
  });

  const send = (method: string, path: string, body: unknown, as = workspace.owner) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${as.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  it('tells real days from impossible ones, leap years included', () => {
    for (const date of IMPOSSIBLE) expect(isCalendarDate(date)).toBe(false);
    for (const date of ['2024-02-29', '2026-12-31', '2026-01-01']) {
      expect(isCalendarDate(date)).toBe(true);
    }
  });

  for (const date of IMPOSSIBLE) {
    it(`refuses ${date} as a lab's dates over the API, naming the field, and changes nothing`, async () => {
      const before = workspace.server.meta.getLab(workspace.labId);
      const patched = await send('PATCH', `/labs/${workspace.labId}`, { endDate: date });
      expect(patched.status).toBe(400);
      const body = (await patched.json()) as { error: { fields: Record<string, string> } };
      expect(body.error.fields).toEqual({ endDate: CALENDAR_DATE_MESSAGE });
      expect(workspace.server.meta.getLab(workspace.labId)).toEqual(before);

      const labsBefore = workspace.server.meta.listLabs().length;
      const created = await send('POST', '/labs', { title: 'Dated lab', startDate: date }, admin);
      expect(created.status).toBe(400);
      expect(((await created.json()) as { error: { fields: unknown } }).error.fields).toEqual({
        startDate: CALENDAR_DATE_MESSAGE,
      });
      expect(workspace.server.meta.listLabs().length).toBe(labsBefore);
    });
  }

  it('accepts a real date, 29 February of a leap year included', async () => {
    const response = await send('PATCH', `/labs/${workspace.labId}`, { startDate: '2028-02-29' });
    expect(response.status).toBe(200);
    expect(workspace.server.meta.getLab(workspace.labId)?.startDate).toBe('2028-02-29');
  });

  it('shows a stored impossible date as it is in every reader, never as another day', () => {
    for (const date of IMPOSSIBLE) {
      expect(exportFormatDate(date)).toBe(date);
      expect(clientFormatDate(date)).toBe(date);
      expect(formatDay(date)).toBe(date);
    }
    expect(exportFormatDate('2026-03-14')).toBe('14 March 2026');
    expect(formatDay('2026-03-14')).toBe('14 March 2026');
  });
});
