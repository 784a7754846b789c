/** The MetaStore's workshop boards: each board's settings and votes, one record per board. */
import { WorkshopRecordSchema } from '../../shared/schemas/workshop';
import { type CoreState, checked, copy, copyOrNull } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type WorkshopMethods = Pick<MetaStore, 'getWorkshop' | 'saveWorkshop'>;

export function workshopMethods(state: CoreState): WorkshopMethods {
  const { workshops } = state.data;
  return {
    getWorkshop: (itemId) => copyOrNull(workshops.find((each) => each.itemId === itemId)),
    async saveWorkshop(input) {
      state.assertOpen();
      const record = checked(WorkshopRecordSchema, input, 'workshop board');
      const index = workshops.findIndex((each) => each.itemId === record.itemId);
      if (index === -1) workshops.push(record);
      else workshops[index] = record;
      const result = copy(record);
      await state.saved();
      return result;
    },
  };
}
