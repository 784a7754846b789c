/** Contracts of a person's comments across their labs and of personal data flagged in a lab. */
import { OkAnswer, route, shape } from '../api-contract';
import { MyCommentsQuerySchema, MyCommentsResponseSchema } from '../schemas/my-comments';
import { FieldFlagBodySchema, type PersonalDataFlagView } from '../schemas/personal-data';

export const myCommentsRoutes = {
  /** The threads a person took part in, in every lab or one (`lab`). */
  list: route.get('/me/comments', {
    query: MyCommentsQuerySchema,
    answer: MyCommentsResponseSchema,
  }),
};

export const personalDataRoutes = {
  /** Personal data kept in a field on purpose, with the reason. */
  flagField: route.post('/items/:itemId/personal-data-flags', {
    body: FieldFlagBodySchema,
    answer: OkAnswer,
  }),
  flags: route.get('/labs/:labId/personal-data', {
    answer: shape<{ flags: PersonalDataFlagView[] }>(),
  }),
};
