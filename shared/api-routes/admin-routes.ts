/** Contracts of the people page: administrators acting on other accounts. */
import * as z from 'zod';
import { route, shape } from '../api-contract';
import {
  type AdminPerson,
  type PasswordResetLink,
  PasswordResetLinkBodySchema,
} from '../schemas/accounts-api';
import { type MeResponse, UpdateUserAdminBodySchema } from '../schemas/api';

const PersonAnswer = shape<{ person: AdminPerson }>();

export const adminRoutes = {
  people: route.get('/admin/users', {
    query: z.object({ q: z.string().optional() }),
    answer: shape<{ people: AdminPerson[]; total: number }>(),
  }),
  updateRights: route.patch('/admin/users/:userId', {
    body: UpdateUserAdminBodySchema,
    answer: shape<{ user: MeResponse['user'] }>(),
  }),
  deactivate: route.post('/admin/users/:userId/deactivate', { answer: PersonAnswer }),
  reactivate: route.post('/admin/users/:userId/reactivate', { answer: PersonAnswer }),
  unlock: route.post('/admin/users/:userId/unlock', { answer: PersonAnswer }),
  passwordResetLink: route.post('/admin/users/:userId/password-reset', {
    body: PasswordResetLinkBodySchema,
    answer: shape<PasswordResetLink>(),
  }),
};
