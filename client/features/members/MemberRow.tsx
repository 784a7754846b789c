/** One member's role, changeable by those who manage members (select + save). */
import { useState } from 'react';
import { LAB_ROLES, type LabRole, ROLE_LABELS } from '../../../shared/roles';
import type { Member } from '../../../shared/schemas/api-responses';

export const ROLE_CHOICES = LAB_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export function roleSelectId(userId: string): string {
  return `role-${userId}`;
}

export function RoleChanger(props: {
  member: Member;
  error: string | undefined;
  onSave(role: LabRole): void;
}) {
  const { member, error, onSave } = props;
  const [role, setRole] = useState<LabRole>(member.role);
  const id = roleSelectId(member.userId);
  return (
    <form
      className={`app-role-form${error ? ' nhsuk-form-group--error' : ''}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave(role);
      }}
    >
      <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={id}>
        Role of {member.name}
      </label>
      {error && (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        value={role}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          const chosen = ROLE_CHOICES.find((choice) => choice.value === event.target.value);
          if (chosen) setRole(chosen.value);
        }}
      >
        {ROLE_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>{' '}
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
        type="submit"
      >
        Save role<span className="nhsuk-u-visually-hidden"> of {member.name}</span>
      </button>
    </form>
  );
}
