/** The MetaStore's member profiles for the directory: one per person who made one. */
import { ProfileRecordSchema } from '../../shared/schemas/profile';
import { type CoreState, checked, copy, copyOrNull } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type ProfileMethods = Pick<MetaStore, 'getProfile' | 'saveProfile' | 'listProfiles'>;

export function profileMethods(state: CoreState): ProfileMethods {
  const { profiles } = state.data;
  return {
    getProfile: (userId) => copyOrNull(profiles.find((profile) => profile.userId === userId)),
    async saveProfile(input) {
      state.assertOpen();
      const profile = checked(ProfileRecordSchema, input, 'profile');
      const index = profiles.findIndex((each) => each.userId === profile.userId);
      if (index === -1) profiles.push(profile);
      else profiles[index] = profile;
      const result = copy(profile);
      await state.saved();
      return result;
    },
    listProfiles: () => profiles.map(copy),
  };
}
