/**
 * MetaStore contract, evaluation surveys: one survey per lab, replaced whole, and one
 * set of answers per person and round. Run through `describeMetaStoreContract`.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import type { MetaStore } from '../../server/store/meta-store';
import { defaultSurvey, type SurveyResponseRecord } from '../../shared/schemas/survey';
import { createUsers } from './meta-store-contract-accounts';
import { createLab } from './meta-store-contract-labs';
import { NOW } from './meta-store-fixtures';

function answers(
  labId: string,
  userId: string,
  round: 'before' | 'after',
  access: number,
): SurveyResponseRecord {
  return {
    labId,
    round,
    userId,
    answers: { access, comments: `from ${userId}` },
    submittedAt: NOW.toISOString(),
  };
}

export function describeSurveyContract(
  current: () => MetaStore,
  reopened: (context: TestContext) => Promise<MetaStore>,
): void {
  describe('evaluation surveys', () => {
    it('keeps one survey per lab, replaced whole', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      expect(store.getSurvey(lab.id)).toBeNull();
      const survey = defaultSurvey(lab.id, ownerId, NOW.toISOString());
      expect(await store.saveSurvey(survey)).toEqual(survey);
      const opened = {
        ...survey,
        anonymous: false,
        rounds: { ...survey.rounds, before: { openedAt: NOW.toISOString(), closedAt: null } },
      };
      await store.saveSurvey(opened);
      expect(store.getSurvey(lab.id)).toEqual(opened);
      expect(store.getSurvey('no-such-lab')).toBeNull();
    });

    it('keeps one set of answers per person and round, the latest', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const [otherId = ''] = await createUsers(store, 1);
      await store.saveSurveyResponse(answers(lab.id, ownerId, 'before', 2));
      await store.saveSurveyResponse(answers(lab.id, otherId, 'before', 3));
      await store.saveSurveyResponse(answers(lab.id, ownerId, 'after', 4));
      await store.saveSurveyResponse(answers(lab.id, ownerId, 'before', 1));
      expect(store.listSurveyResponses(lab.id)).toEqual([
        answers(lab.id, ownerId, 'before', 1),
        answers(lab.id, otherId, 'before', 3),
        answers(lab.id, ownerId, 'after', 4),
      ]);
      expect(store.listSurveyResponses('no-such-lab')).toEqual([]);
    });

    it('refuses a survey or answers that break the schema, changing nothing', async () => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const survey = defaultSurvey(lab.id, ownerId, NOW.toISOString());
      await expect(store.saveSurvey({ ...survey, questions: [] })).rejects.toThrow(/survey/);
      await expect(
        store.saveSurveyResponse({ ...answers(lab.id, ownerId, 'before', 2), answers: { a: 9 } }),
      ).rejects.toThrow(/survey response/);
      expect(store.getSurvey(lab.id)).toBeNull();
      expect(store.listSurveyResponses(lab.id)).toEqual([]);
    });

    it('keeps surveys and answers across close and reopen', async (context) => {
      const store = current();
      const { lab, ownerId } = await createLab(store);
      const survey = defaultSurvey(lab.id, ownerId, NOW.toISOString());
      await store.saveSurvey(survey);
      await store.saveSurveyResponse(answers(lab.id, ownerId, 'before', 2));
      await store.saveSurveyResponse(answers(lab.id, ownerId, 'before', 5));
      const again = await reopened(context);
      expect(again.getSurvey(lab.id)).toEqual(survey);
      expect(again.listSurveyResponses(lab.id)).toEqual([answers(lab.id, ownerId, 'before', 5)]);
    });
  });
}
