/**
 * Every lab in one table: phase, last activity, people by profession, each measure's
 * Making Data Count icons (drawn by `renderIcon`, each with its name in words), PDSA
 * cycles, new connections and the survey's paired results. The page hands in how an
 * icon is drawn and where a lab's page is, so this feature needs no other.
 */
import type { ReactNode } from 'react';
import type { MdcIcon } from '../../../shared/charts/mdc-icons';
import { PHASE_LABELS } from '../../../shared/labels';
import { PROFESSION_LABELS } from '../../../shared/roles';
import type { PortfolioRow } from '../../../shared/schemas/portfolio';
import { Link } from '../../lib/navigation';
import './portfolio.css';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function Measures({
  row,
  renderIcon,
}: {
  row: PortfolioRow;
  renderIcon(icon: MdcIcon): ReactNode;
}) {
  if (row.measures.length === 0) return <>None yet</>;
  return (
    <ul>
      {row.measures.map((measure) => (
        <li key={measure.itemId}>
          <strong>{measure.title}</strong>
          {measure.icons.length === 0 ? (
            <div>Not enough points for icons</div>
          ) : (
            measure.icons.map((icon) => <div key={icon.kind}>{renderIcon(icon)}</div>)
          )}
        </li>
      ))}
    </ul>
  );
}

function Survey({ survey }: { survey: PortfolioRow['survey'] }) {
  if (survey === null) return <>No survey</>;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        {survey.before} before, {survey.after} after, {survey.paired} paired
      </p>
      {survey.questions.length === 0 ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
          Results are shown once 5 people have answered before and after.
        </p>
      ) : (
        <ul>
          {survey.questions.map((question) => (
            <li key={question.text}>
              {question.text} {question.change}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PortfolioTable(props: {
  rows: readonly PortfolioRow[];
  labHref(labId: string): string;
  renderIcon(icon: MdcIcon): ReactNode;
}) {
  if (props.rows.length === 0) return <p>No lab matches these filters.</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it
    <section className="portfolio-table__scroll" aria-label="Labs" tabIndex={0}>
      <table className="portfolio-table" data-testid="portfolio-table">
        <caption className="nhsuk-u-visually-hidden">Every lab, one row each</caption>
        <thead>
          <tr>
            <th scope="col">Lab</th>
            <th scope="col">Phase</th>
            <th scope="col">Last activity</th>
            <th scope="col">People</th>
            <th scope="col">Measures</th>
            <th scope="col">PDSA cycles</th>
            <th scope="col">New connections</th>
            <th scope="col">Survey</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.labId} data-lab={row.labId}>
              <th scope="row">
                <Link href={props.labHref(row.labId)}>{row.title}</Link>
                {row.topic && <div className="nhsuk-body-s">{row.topic}</div>}
                {row.archived && <div className="nhsuk-body-s">Archived</div>}
              </th>
              <td>{PHASE_LABELS[row.phase]}</td>
              <td>{day(row.lastActivity)}</td>
              <td>
                <ul>
                  {row.professions.map((each) => (
                    <li key={each.profession}>
                      {PROFESSION_LABELS[each.profession]}: {each.count}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <Measures row={row} renderIcon={props.renderIcon} />
              </td>
              <td>
                {row.pdsa.total} ({row.pdsa.decided} decided)
              </td>
              <td>{row.newConnections}</td>
              <td>
                <Survey survey={row.survey} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
