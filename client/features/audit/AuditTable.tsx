/** A lab's audit trail, newest first as the server sends it. */
import type { AuditEvent } from '../../../shared/schemas/api-responses';
import { DataTable } from '../../lib/DataTable';
import { formatDateTime } from '../../lib/dates';

/** What happened, in words; unknown future types show their code. */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'auth.password_changed': 'Changed password',
  'auth.setup_completed': 'Set up Improvement Lab',
  'auth.sso_linked': 'Linked an organisation account',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'lab.created': 'Created the lab',
  'lab.updated': 'Changed the lab’s settings',
  'lab.archived': 'Archived the lab',
  'invite.created': 'Created an invitation',
  'invite.revoked': 'Withdrew an invitation',
  'invite.accepted': 'Accepted an invitation',
  'member.role_changed': 'Changed a member’s role',
  'member.removed': 'Removed a member',
  'item.sharing_changed': 'Changed who an item is shared with',
  'export.created': 'Exported the lab',
  'backup.created': 'Backed up the whole server',
  'survey.updated': 'Changed the evaluation survey',
  'survey.round_opened': 'Opened an evaluation survey round',
  'survey.round_closed': 'Closed an evaluation survey round',
  'version.restored': 'Restored an earlier version of an item',
  'history.versions_deleted': 'Deleted old versions',
};

/** Details that name a person carry their id; show the name when it is known. */
const PERSON_KEYS = new Set(['userId']);

function details(event: AuditEvent, names: ReadonlyMap<string, string>): string {
  return Object.entries(event.details)
    .map(([key, value]) => {
      const name = PERSON_KEYS.has(key) && typeof value === 'string' ? names.get(value) : undefined;
      return name ? `person: ${name}` : `${key}: ${String(value)}`;
    })
    .join(', ');
}

export function AuditTable(props: {
  events: readonly AuditEvent[];
  /** User id → name, for people named in details. */
  names: ReadonlyMap<string, string>;
}) {
  const { events, names } = props;
  if (events.length === 0) return <p>Nothing has been recorded yet.</p>;
  return (
    <DataTable
      caption="What happened, newest first"
      headings={['When', 'Who', 'What', 'Details']}
      testId="audit-table"
      rows={events.map((event) => ({
        key: event.id,
        cells: [
          formatDateTime(event.at),
          event.actorName ?? 'Someone not signed in',
          EVENT_LABELS[event.type] ?? event.type,
          details(event, names),
        ],
      }))}
    />
  );
}
