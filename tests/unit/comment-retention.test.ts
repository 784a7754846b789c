/** When a lab counts as closed, for the retention of reviewers' comments. */
import { describe, expect, it } from 'vitest';
import { labClosedAt } from '../../server/api/comment-retention';
import type { LabRecord } from '../../shared/schemas/records';

const lab = (overrides: Partial<LabRecord>): LabRecord => ({
  id: 'lab',
  title: 'Falls',
  challenge: '',
  phase: 'share',
  startDate: null,
  endDate: null,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'owner',
  archivedAt: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('when a lab closes', () => {
  it('is open with neither an end date nor an archive', () => {
    expect(labClosedAt(lab({}), at('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('closes at the end of its end date (UTC), not before', () => {
    const ending = lab({ endDate: '2026-06-30' });
    expect(labClosedAt(ending, at('2026-06-30T23:59:59Z'))).toBeNull();
    expect(labClosedAt(ending, at('2026-07-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-07-01T00:00:00.000Z',
    );
  });

  it('closes when archived, or at its end date if that came first', () => {
    const archived = lab({ archivedAt: '2026-05-10T12:00:00Z', endDate: '2026-06-30' });
    expect(labClosedAt(archived, at('2026-08-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-05-10T12:00:00.000Z',
    );
    const ended = lab({ archivedAt: '2026-09-01T00:00:00Z', endDate: '2026-06-30' });
    expect(labClosedAt(ended, at('2026-10-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-07-01T00:00:00.000Z',
    );
  });
});
