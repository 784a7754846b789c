/** Problems found in a paste or a file, each with its line, announced when they appear. */
import type { CsvIssue } from '../../../shared/charts/csv';

export function IssueList({ title, issues }: { title: string; issues: readonly CsvIssue[] }) {
  return (
    <div className="nhsuk-error-message measure-issues" role="alert" data-testid="measure-issues">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{title}</p>
      <ul className="nhsuk-list nhsuk-body-s">
        {issues.map((issue) => (
          <li key={`${issue.line}:${issue.message}`}>
            Line {issue.line}: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
