/**
 * The MetaStore's contributions: the first time each person changed each item. Only
 * the first is kept, so the record family grows with people × items, never with edits.
 */
import { ContributionRecordSchema } from '../../shared/schemas/contribution';
import { type CoreState, checked, copy } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type ContributionMethods = Pick<MetaStore, 'recordContribution' | 'listContributions'>;

export function contributionMethods(state: CoreState): ContributionMethods {
  const { contributions } = state.data;
  return {
    async recordContribution(input) {
      state.assertOpen();
      const record = checked(ContributionRecordSchema, input, 'contribution');
      const known = contributions.some(
        (each) => each.itemId === record.itemId && each.userId === record.userId,
      );
      if (known) return false;
      contributions.push(record);
      await state.saved();
      return true;
    },
    listContributions: (labId) => contributions.filter((each) => each.labId === labId).map(copy),
  };
}
