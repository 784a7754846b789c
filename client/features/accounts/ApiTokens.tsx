/** Personal API tokens: the list (never the secrets), revoking, and making a new one. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { ApiToken } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { formatDate } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';
import { NewTokenForm } from './NewTokenForm';

export function ApiTokens(props: {
  api: ApiClient;
  tokens: readonly ApiToken[];
  onChanged(): void;
}) {
  const { api, tokens, onChanged } = props;
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const revoke = async (token: ApiToken) => {
    setErrors(null);
    try {
      await api.call(Api.tokens.revoke, { params: { tokenId: token.id } });
      onChanged();
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  const rows = tokens.map((token) => ({
    key: token.id,
    cells: [
      token.name,
      formatDate(token.createdAt),
      token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never',
      token.expiresAt ? formatDate(token.expiresAt) : 'Never',
      token.revoked ? (
        <strong className="nhsuk-tag nhsuk-tag--grey" key="status">
          Revoked
        </strong>
      ) : (
        <button
          key="revoke"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
          type="button"
          onClick={() => void revoke(token)}
        >
          Revoke<span className="nhsuk-u-visually-hidden"> token “{token.name}”</span>
        </button>
      ),
    ],
  }));
  return (
    <section aria-labelledby="tokens-heading">
      <h2 className="nhsuk-heading-m" id="tokens-heading">
        Personal API tokens
      </h2>
      <p>
        A token lets a script or another tool use Improvement Lab as you, with your rights in each
        lab. Revoke a token you no longer use.
      </p>
      <ErrorSummary errors={errors} />
      {rows.length > 0 ? (
        <DataTable
          captionHidden
          caption="Your tokens"
          headings={['Name', 'Created', 'Last used', 'Expires', 'Action']}
          rows={rows}
          testId="token-table"
        />
      ) : (
        <p>You have no tokens.</p>
      )}
      <h3 className="nhsuk-heading-s">Create a token</h3>
      <NewTokenForm api={api} onCreated={onChanged} />
    </section>
  );
}
