/**
 * `/labs/<labId>/evaluation`: the lab's evaluation survey. Members answer the round
 * that is open; facilitators also run the rounds, set the questions and read the
 * results.
 */
import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { isRoundOpen, SURVEY_ROUNDS } from '../../shared/schemas/survey';
import { SurveyAdmin } from '../features/evaluation/SurveyAdmin';
import { SurveyAnswerForm } from '../features/evaluation/SurveyAnswerForm';
import { SurveyResultsView } from '../features/evaluation/SurveyResultsView';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import type { SignedIn } from './session';

function Survey({ session, lab }: { session: SignedIn; lab: Lab }) {
  const { api } = session;
  const manage = may(session, lab, 'survey.manage');
  const [loaded, reload] = useApiData(`survey:${lab.id}`, async () => {
    const view = await api.call(Api.survey.view, { params: { labId: lab.id } });
    const results = manage
      ? (await api.call(Api.survey.results, { params: { labId: lab.id } })).results
      : null;
    return { view, results };
  });
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  const { view, results } = loaded.data;
  const open = SURVEY_ROUNDS.filter((round) => isRoundOpen(view.survey.rounds[round]));
  const answering =
    open.length === 0 ? (
      <p className="nhsuk-inset-text" data-testid="survey-closed">
        The survey is not open for answers at the moment.
      </p>
    ) : (
      open.map((round) => (
        <SurveyAnswerForm
          key={round}
          api={api}
          labId={lab.id}
          round={round}
          questions={view.survey.questions}
          anonymous={view.survey.anonymous}
          saved={view.mine[round]}
          onSaved={reload}
        />
      ))
    );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <p className="nhsuk-body-l">
          A few questions before the lab and the same ones after it show what the lab changed for
          the people in it.
        </p>
        {/* Facilitators come here mostly to run the survey and read it; they answer too. */}
        {view.canManage ? (
          <SurveyAdmin api={api} labId={lab.id} survey={view.survey} onChanged={reload} />
        ) : (
          answering
        )}
      </div>
      {results && (
        <div className="nhsuk-grid-column-full">
          <SurveyResultsView results={results} csvHref={`/api/labs/${lab.id}/survey/results.csv`} />
        </div>
      )}
      {view.canManage && <div className="nhsuk-grid-column-two-thirds">{answering}</div>}
    </div>
  );
}

export function SurveyPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Evaluation – ${lab.data.title}` : 'Evaluation');
  return (
    <LabSubPage lab={lab} heading="Lab evaluation">
      {(current) =>
        may(session, current, 'survey.answer') ? (
          <Survey session={session} lab={current} />
        ) : (
          <p>Only the lab’s members can take part in its evaluation.</p>
        )
      }
    </LabSubPage>
  );
}
