/**
 * A lab's evaluation survey: members answer it before and after the lab; its
 * facilitators choose the questions and anonymity, open and close each round, and
 * read the results (`shared/evaluation/survey-results.ts`) on screen or as CSV.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { surveyResults } from '../../../shared/evaluation/survey-results';
import { mayInLab } from '../../../shared/policy';
import {
  defaultSurvey,
  isRoundOpen,
  SURVEY_ROUND_LABELS,
  SURVEY_ROUNDS,
  type SurveyAnswersBody,
  SurveyAnswersBodySchema,
  type SurveyRecord,
  type SurveyRound,
  SurveyRoundStateBodySchema,
  SurveySettingsBodySchema,
} from '../../../shared/schemas/survey';
import { type ApiContext, type AppEnv, audit, requireLab } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { renderSurveyCsv } from '../survey-csv';
import { readJson } from '../validate';

function roundOf(value: string): SurveyRound {
  const round = SURVEY_ROUNDS.find((each) => each === value);
  if (round === undefined) throw Errors.notFound('That survey round');
  return round;
}

/** The lab's survey as stored, or the default one it would start with. */
function currentSurvey(c: ApiContext, labId: string, userId: string): SurveyRecord {
  const { meta, now } = c.get('deps');
  return meta.getSurvey(labId) ?? defaultSurvey(labId, userId, now().toISOString());
}

/** Answers checked against the questions: known ids, a number for a scale, text for text. */
function checkedAnswers(survey: SurveyRecord, body: SurveyAnswersBody) {
  const fields: Record<string, string> = {};
  const answers: Record<string, number | string> = {};
  for (const [id, answer] of Object.entries(body.answers)) {
    const question = survey.questions.find((each) => each.id === id);
    if (question === undefined) fields[id] = 'there is no such question';
    else if (question.kind === 'scale' && typeof answer !== 'number')
      fields[id] = 'choose a number on the scale';
    else if (question.kind === 'text' && typeof answer !== 'string')
      fields[id] = 'write the answer as text';
    else if (answer !== '') answers[id] = answer;
  }
  if (Object.keys(fields).length > 0) {
    throw new ApiError(400, 'invalid_request', 'Check the answers.', fields);
  }
  return answers;
}

/**
 * Once people have answered, a question they answered may be reworded but not
 * removed or turned into another kind: their answers would lose their meaning.
 */
function keepsAnsweredQuestions(c: ApiContext, before: SurveyRecord, after: SurveyRecord) {
  const answered = new Set(
    c
      .get('deps')
      .meta.listSurveyResponses(before.labId)
      .flatMap((response) => Object.keys(response.answers)),
  );
  for (const question of before.questions) {
    if (!answered.has(question.id)) continue;
    const kept = after.questions.find((each) => each.id === question.id);
    if (kept === undefined || kept.kind !== question.kind) {
      throw new ApiError(
        409,
        'question_answered',
        `People have answered “${question.text}”: it can be reworded but not removed or changed to another kind.`,
      );
    }
  }
}

export function surveyRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:labId/survey', (c) => {
    const { auth, lab, role } = requireLab(c, c.req.param('labId'), 'survey.answer');
    const survey = currentSurvey(c, lab.id, auth.user.id);
    const mine = c
      .get('deps')
      .meta.listSurveyResponses(lab.id)
      .filter((response) => response.userId === auth.user.id);
    const answersFor = (round: SurveyRound) =>
      mine.find((response) => response.round === round)?.answers ?? null;
    return reply(c, Api.survey.view, {
      survey: {
        anonymous: survey.anonymous,
        questions: survey.questions,
        rounds: survey.rounds,
      },
      mine: { before: answersFor('before'), after: answersFor('after') },
      canManage: mayInLab(auth.actor, role, 'survey.manage'),
    });
  });

  routes.put('/:labId/survey', async (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'survey.manage');
    const body = await readJson(c, SurveySettingsBodySchema);
    const { meta, now } = c.get('deps');
    const before = currentSurvey(c, lab.id, auth.user.id);
    const next: SurveyRecord = {
      ...before,
      anonymous: body.anonymous,
      questions: body.questions,
      updatedAt: now().toISOString(),
      updatedBy: auth.user.id,
    };
    keepsAnsweredQuestions(c, before, next);
    const saved = await meta.saveSurvey(next);
    await audit(c, 'survey.updated', lab.id, {
      questions: saved.questions.length,
      anonymous: saved.anonymous,
    });
    return reply(c, Api.survey.save, { survey: saved });
  });

  routes.post('/:labId/survey/:round/state', async (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'survey.manage');
    const round = roundOf(c.req.param('round'));
    const { open } = await readJson(c, SurveyRoundStateBodySchema);
    const { meta, now } = c.get('deps');
    const survey = currentSurvey(c, lab.id, auth.user.id);
    const at = now().toISOString();
    const state = survey.rounds[round];
    const next = open
      ? { openedAt: state.openedAt ?? at, closedAt: null }
      : { openedAt: state.openedAt, closedAt: state.openedAt === null ? null : at };
    const saved = await meta.saveSurvey({
      ...survey,
      rounds: { ...survey.rounds, [round]: next },
      updatedAt: at,
      updatedBy: auth.user.id,
    });
    await audit(c, open ? 'survey.round_opened' : 'survey.round_closed', lab.id, { round });
    return reply(c, Api.survey.setRoundState, { survey: saved });
  });

  routes.post('/:labId/survey/:round/responses', async (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'survey.answer');
    const round = roundOf(c.req.param('round'));
    const body = await readJson(c, SurveyAnswersBodySchema);
    const { meta, now } = c.get('deps');
    const survey = meta.getSurvey(lab.id);
    if (survey === null || !isRoundOpen(survey.rounds[round])) {
      throw new ApiError(
        409,
        'round_closed',
        `The survey “${SURVEY_ROUND_LABELS[round]}” is not open for answers.`,
      );
    }
    const answers = checkedAnswers(survey, body);
    await meta.saveSurveyResponse({
      labId: lab.id,
      round,
      userId: auth.user.id,
      answers,
      submittedAt: now().toISOString(),
    });
    return reply(c, Api.survey.answer, { answers });
  });

  const results = (c: ApiContext, labId: string) => {
    const { auth, lab } = requireLab(c, labId, 'survey.manage');
    const { meta } = c.get('deps');
    const survey = currentSurvey(c, lab.id, auth.user.id);
    const nameOf = (userId: string) => meta.getUser(userId)?.name ?? 'Former member';
    return {
      lab,
      results: surveyResults(
        survey,
        meta.listSurveyResponses(lab.id),
        meta.listMembers(lab.id).length,
        nameOf,
      ),
    };
  };

  routes.get('/:labId/survey/results', (c) => {
    return reply(c, Api.survey.results, { results: results(c, c.req.param('labId')).results });
  });

  routes.get('/:labId/survey/results.csv', (c) => {
    const { lab, results: found } = results(c, c.req.param('labId'));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="evaluation-${lab.id}.csv"`);
    return c.body(renderSurveyCsv(found));
  });

  return routes;
}
