/** Contracts of a workshop board's live session (`server/api/routes/workshop-routes.ts`). */
import { shape, route } from '../api-contract';
import type { Item } from '../schemas/api-responses';
import {
  AddCauseBodySchema,
  AddDriverBodySchema,
  AddNoteBodySchema,
  MakeIdeaBodySchema,
  VoteBodySchema,
  type WorkshopTargets,
  type WorkshopView,
  WorkshopSettingsBodySchema,
} from '../schemas/workshop';

const View = shape<WorkshopView>();

export const workshopRoutes = {
  get: route.get('/items/:itemId/workshop', { answer: View }),
  update: route.patch('/items/:itemId/workshop', {
    body: WorkshopSettingsBodySchema,
    answer: View,
  }),
  addNote: route.post('/items/:itemId/workshop/notes', {
    body: AddNoteBodySchema,
    answer: shape<{ noteId: string }>(),
  }),
  vote: route.post('/items/:itemId/workshop/votes', { body: VoteBodySchema, answer: View }),
  unvote: route.delete('/items/:itemId/workshop/votes/:target', { answer: View }),
  makeIdea: route.post('/items/:itemId/workshop/ideas', {
    body: MakeIdeaBodySchema,
    answer: shape<{ item: Item }>(),
  }),
  targets: route.get('/items/:itemId/workshop/targets', { answer: shape<WorkshopTargets>() }),
  addDriver: route.post('/items/:itemId/workshop/drivers', {
    body: AddDriverBodySchema,
    answer: shape<{ diagramId: string; nodeId: string }>(),
  }),
  addCause: route.post('/items/:itemId/workshop/causes', {
    body: AddCauseBodySchema,
    answer: shape<{ fishboneId: string; causeId: string }>(),
  }),
};
