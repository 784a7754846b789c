/**
 * The MetaStore's evaluation surveys: one survey per lab (its questions, anonymity
 * and the state of its two rounds) and each person's answers per round.
 */
import { SurveyRecordSchema, SurveyResponseRecordSchema } from '../../shared/schemas/survey';
import { type CoreState, checked, copy, copyOrNull } from './meta-core-state';
import type { MetaStore } from './meta-store';

export type SurveyMethods = Pick<
  MetaStore,
  'getSurvey' | 'saveSurvey' | 'saveSurveyResponse' | 'listSurveyResponses'
>;

export function surveyMethods(state: CoreState): SurveyMethods {
  const { surveys, surveyResponses } = state.data;
  return {
    getSurvey: (labId) => copyOrNull(surveys.find((survey) => survey.labId === labId)),
    async saveSurvey(input) {
      state.assertOpen();
      const survey = checked(SurveyRecordSchema, input, 'survey');
      const index = surveys.findIndex((each) => each.labId === survey.labId);
      // Replaced in place, so the record keeps its position (and its row in PostgreSQL).
      if (index === -1) surveys.push(survey);
      else surveys[index] = survey;
      const result = copy(survey);
      await state.saved();
      return result;
    },
    async saveSurveyResponse(input) {
      state.assertOpen();
      const response = checked(SurveyResponseRecordSchema, input, 'survey response');
      const index = surveyResponses.findIndex(
        (each) =>
          each.labId === response.labId &&
          each.round === response.round &&
          each.userId === response.userId,
      );
      if (index === -1) surveyResponses.push(response);
      else surveyResponses[index] = response;
      const result = copy(response);
      await state.saved();
      return result;
    },
    listSurveyResponses: (labId) =>
      surveyResponses.filter((response) => response.labId === labId).map(copy),
  };
}
