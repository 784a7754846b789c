/** Contracts of the member directory: one's own profile, and the people one may see. */
import { route, shape } from '../api-contract';
import {
  type DirectoryEntry,
  DirectoryQuerySchema,
  ProfileBodySchema,
  type ProfileRecord,
} from '../schemas/profile';

export const directoryRoutes = {
  profile: route.get('/profile', {
    answer: shape<{ profile: ProfileRecord; profession: string }>(),
  }),
  saveProfile: route.put('/profile', {
    body: ProfileBodySchema,
    answer: shape<{ profile: ProfileRecord }>(),
  }),
  search: route.get('/directory', {
    query: DirectoryQuerySchema,
    answer: shape<{ people: DirectoryEntry[] }>(),
  }),
};
