/**
 * The MetaStore's personal-data flags: each time someone kept text the guardrail took
 * for personal data, with their reason. Append-only: whether a flag still applies is
 * read from the text it points to, never stored (`personal-data-routes.ts`).
 */
import { PersonalDataFlagRecordSchema } from '../../shared/schemas/personal-data';
import { type CoreState, checked, copy } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type FlagMethods = Pick<MetaStore, 'recordPersonalDataFlag' | 'listPersonalDataFlags'>;

export function flagMethods(state: CoreState): FlagMethods {
  const { personalDataFlags } = state.data;
  return {
    async recordPersonalDataFlag(input) {
      state.assertOpen();
      const record = checked(PersonalDataFlagRecordSchema, input, 'personal-data flag');
      personalDataFlags.push(record);
      const result = copy(record);
      await state.saved();
      return result;
    },
    listPersonalDataFlags: (labId) =>
      personalDataFlags.filter((each) => each.labId === labId).map(copy),
  };
}
