/**
 * MetaStore contract, personal-data flags: kept in the order recorded, listed per
 * lab, refused when they break the schema, and kept across close and reopen. Run
 * through `describeMetaStoreContract`.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import type { PersonalDataFlagRecord } from '../../shared/schemas/personal-data';
import { NOW } from './meta-store-fixtures';

function aFlag(overrides: Partial<PersonalDataFlagRecord> = {}): PersonalDataFlagRecord {
  return {
    id: 'flag-1',
    labId: 'lab-1',
    itemId: 'item-1',
    place: { type: 'comment', commentId: 'comment-1', part: 'body' },
    userId: 'user-1',
    at: NOW.toISOString(),
    findings: [{ kind: 'nhs_number', start: 4, end: 16 }],
    reason: 'The family asked us to quote it',
    ...overrides,
  };
}

export function describeFlagContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('personal-data flags', () => {
    it('lists each lab’s flags in the order they were recorded', async () => {
      const store = current();
      const first = aFlag();
      const elsewhere = aFlag({ id: 'flag-2', labId: 'lab-2' });
      const second = aFlag({
        id: 'flag-3',
        place: { type: 'field', target: 'fields.description' },
        findings: [
          { kind: 'postcode', start: 0, end: 7 },
          { kind: 'phone', start: 10, end: 23 },
        ],
      });
      expect(await store.recordPersonalDataFlag(first)).toEqual(first);
      await store.recordPersonalDataFlag(elsewhere);
      await store.recordPersonalDataFlag(second);
      expect(store.listPersonalDataFlags('lab-1')).toEqual([first, second]);
      expect(store.listPersonalDataFlags('lab-2')).toEqual([elsewhere]);
      expect(store.listPersonalDataFlags('lab-3')).toEqual([]);
    });

    it('refuses a flag without a reason or findings, changing nothing', async () => {
      const store = current();
      await expect(store.recordPersonalDataFlag(aFlag({ reason: ' ' }))).rejects.toThrow(/flag/);
      await expect(store.recordPersonalDataFlag(aFlag({ findings: [] }))).rejects.toThrow(/flag/);
      expect(store.listPersonalDataFlags('lab-1')).toEqual([]);
    });

    it('keeps flags across close and reopen', async (context) => {
      const store = current();
      const flag = aFlag();
      await store.recordPersonalDataFlag(flag);
      const again = await reopened(context);
      expect(again.listPersonalDataFlags('lab-1')).toEqual([flag]);
    });
  });
}
