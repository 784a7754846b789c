/**
 * On the lab overview: when a round of the lab's evaluation survey is open and I have
 * not answered it, a short invitation to answer, linking to the survey.
 */
import { Api } from '../../../shared/api-routes';
import { isRoundOpen, SURVEY_ROUNDS } from '../../../shared/schemas/survey';
import type { ApiClient } from '../../lib/api';
import { Link } from '../../lib/navigation';
import { useApiData } from '../../lib/use-api-data';

export function SurveyPrompt(props: { api: ApiClient; labId: string; href: string }) {
  const { api, labId, href } = props;
  const [loaded] = useApiData(`survey-prompt:${labId}`, () =>
    api.call(Api.survey.view, { params: { labId } }),
  );
  // Nothing to say while loading or if the survey cannot be read: it is an invitation only.
  if (loaded.status !== 'ready') return null;
  const { survey, mine } = loaded.data;
  const waiting = SURVEY_ROUNDS.some(
    (round) => isRoundOpen(survey.rounds[round]) && mine[round] === null,
  );
  if (!waiting) return null;
  const scales = survey.questions.filter((question) => question.kind === 'scale').length;
  return (
    <div className="nhsuk-inset-text" data-testid="survey-prompt">
      <p className="nhsuk-body">
        The lab’s evaluation survey is open.{' '}
        <Link href={href}>Answer {scales} short questions</Link> to show what the lab changes for
        the people in it.
      </p>
    </div>
  );
}
