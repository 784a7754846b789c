/** The places I am signed in, and ending any but this one. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { AccountSession } from '../../../shared/schemas/accounts-api';
import type { ApiClient } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { formatDateTime } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';

export function MySessions(props: {
  api: ApiClient;
  sessions: readonly AccountSession[];
  onChanged(): void;
}) {
  const { api, sessions, onChanged } = props;
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const end = async (session: AccountSession) => {
    setErrors(null);
    try {
      await api.call(Api.account.endSession, { params: { sessionId: session.id } });
      onChanged();
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  const rows = sessions.map((session, index) => ({
    key: session.id,
    cells: [
      session.userAgent ?? 'Unknown browser',
      formatDateTime(session.createdAt),
      session.current ? (
        <strong className="nhsuk-tag nhsuk-tag--green" key="current">
          This session
        </strong>
      ) : (
        <button
          key="end"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
          type="button"
          onClick={() => void end(session)}
        >
          Sign out<span className="nhsuk-u-visually-hidden"> session {index + 1}</span>
        </button>
      ),
    ],
  }));
  return (
    <section aria-labelledby="sessions-heading">
      <h2 className="nhsuk-heading-m" id="sessions-heading">
        Where you are signed in
      </h2>
      <ErrorSummary errors={errors} />
      <DataTable
        captionHidden
        caption="Your sessions"
        headings={['Browser', 'Signed in', 'Action']}
        rows={rows}
        testId="session-table"
      />
    </section>
  );
}
