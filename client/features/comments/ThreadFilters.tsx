/** Which threads to show: by status, and by the profession of the person who started them. */
import { useId } from 'react';
import { professionLabel } from './CommentView';
import { STATUS_FILTERS, type StatusFilter, type ThreadFilter } from './threads';

const STATUS_LABELS: Readonly<Record<StatusFilter, string>> = {
  all: 'Open and resolved',
  open: 'Open',
  resolved: 'Resolved',
};

export function ThreadFilters(props: {
  filter: ThreadFilter;
  professions: readonly string[];
  onChange(filter: ThreadFilter): void;
}) {
  const { filter, professions, onChange } = props;
  const statusId = useId();
  const professionId = useId();
  return (
    <div className="comment-filters">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={statusId}>
          Show
        </label>
        <select
          className="nhsuk-select"
          id={statusId}
          value={filter.status}
          onChange={(event) => {
            const status = STATUS_FILTERS.find((s) => s === event.target.value);
            if (status) onChange({ ...filter, status });
          }}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={professionId}>
          From
        </label>
        <select
          className="nhsuk-select"
          id={professionId}
          value={filter.profession}
          onChange={(event) => onChange({ ...filter, profession: event.target.value })}
        >
          <option value="">Everyone</option>
          {professions.map((profession) => (
            <option key={profession} value={profession}>
              {professionLabel(profession)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
