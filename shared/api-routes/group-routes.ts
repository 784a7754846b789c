/** Contracts of special interest groups: the list, starting one, joining, leaving, requests and labs started from a group. */
import { route, shape } from '../api-contract';
import type { Lab } from '../schemas/api-responses';
import {
  CreateGroupBodySchema,
  type GroupDetail,
  GroupRequestAnswerSchema,
  type GroupSummary,
  SpawnLabBodySchema,
} from '../schemas/group';

const Detail = shape<GroupDetail>();

export const groupRoutes = {
  list: route.get('/groups', {
    answer: shape<{ groups: GroupSummary[]; topics: string[]; mayStart: boolean }>(),
  }),
  create: route.post('/groups', {
    body: CreateGroupBodySchema,
    answer: shape<{ group: GroupSummary }>(),
  }),
  get: route.get('/groups/:groupId', { answer: Detail }),
  join: route.post('/groups/:groupId/join', { answer: Detail }),
  leave: route.post('/groups/:groupId/leave', { answer: Detail }),
  answerRequest: route.post('/groups/:groupId/requests/:userId', {
    body: GroupRequestAnswerSchema,
    answer: Detail,
  }),
  /** A lab started from the group, its members invited. */
  startLab: route.post('/groups/:groupId/labs', {
    body: SpawnLabBodySchema,
    answer: shape<{
      lab: Lab;
      invitations: Array<{ name: string; path: string; emailed: boolean }>;
    }>(),
  }),
};
