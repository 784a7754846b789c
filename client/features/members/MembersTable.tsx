/**
 * A lab's members: name, profession and role. Those who manage members change
 * roles and remove people (after a confirmation); the API refuses to leave a lab
 * without a facilitator, and its sentence is shown.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect, useRef, useState } from 'react';
import { type LabRole, PROFESSION_LABELS, ROLE_LABELS } from '../../../shared/roles';
import type { Member } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { DataTable } from '../../lib/DataTable';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';
import { SuccessBanner } from '../../lib/PageStatus';
import { RoleChanger, roleSelectId } from './MemberRow';

export interface MembersTableProps {
  readonly api: ApiClient;
  readonly labId: string;
  readonly members: readonly Member[];
  readonly canManage: boolean;
  onChanged(): void;
}

function RemovalConfirmation(props: { member: Member; onConfirm(): void; onCancel(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="nhsuk-warning-callout" data-testid="removal-confirmation">
      <h3 className="nhsuk-warning-callout__label" ref={heading} tabIndex={-1}>
        <span className="nhsuk-u-visually-hidden">Important: </span>
        Remove {props.member.name} from this lab?
      </h3>
      <p>They will lose access to the lab’s work at once. You can invite them again later.</p>
      <div className="nhsuk-button-group">
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="button"
          onClick={props.onConfirm}
        >
          Yes, remove {props.member.name}
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

export function MembersTable({ api, labId, members, canManage, onChanged }: MembersTableProps) {
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const run = async (action: () => Promise<unknown>, success: string, fieldId?: string) => {
    setErrors(null);
    setDone(null);
    try {
      await action();
      setDone(success);
      onChanged();
    } catch (error) {
      const found = apiFormErrors(error, {});
      setErrors(fieldId ? linkTo(found, fieldId) : found);
    }
  };
  const changeRole = (member: Member, role: LabRole) =>
    run(
      () =>
        api.call(Api.members.changeRole, {
          params: { labId, userId: member.userId },
          body: { role },
        }),
      `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`,
      roleSelectId(member.userId),
    );
  const remove = (member: Member) => {
    setRemoving(null);
    void run(
      () => api.call(Api.members.remove, { params: { labId, userId: member.userId } }),
      `${member.name} has been removed from the lab.`,
    );
  };
  const headings = ['Name', 'Profession', 'Role', ...(canManage ? ['Remove'] : [])];
  const rows = members.map((member) => ({
    key: member.userId,
    cells: [
      member.name,
      PROFESSION_LABELS[member.profession],
      canManage ? (
        <RoleChanger
          key={`${member.userId}:${member.role}`}
          member={member}
          error={errors?.summary.find((p) => p.fieldId === roleSelectId(member.userId))?.text}
          onSave={(role) => void changeRole(member, role)}
        />
      ) : (
        ROLE_LABELS[member.role]
      ),
      ...(canManage
        ? [
            <button
              key="remove"
              className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
              type="button"
              onClick={() => setRemoving(member)}
            >
              Remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
            </button>,
          ]
        : []),
    ],
  }));
  return (
    <section aria-labelledby="members-heading">
      <h2 className="nhsuk-heading-m" id="members-heading">
        Members
      </h2>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary errors={errors} />
      {removing && (
        <RemovalConfirmation
          member={removing}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
      <DataTable
        captionHidden
        caption="People in this lab"
        headings={headings}
        rows={rows}
        testId="member-table"
      />
    </section>
  );
}

/** A refusal about one row's role links the summary to that row's select. */
function linkTo(errors: FormErrors, fieldId: string): FormErrors {
  return { ...errors, summary: errors.summary.map((problem) => ({ ...problem, fieldId })) };
}
