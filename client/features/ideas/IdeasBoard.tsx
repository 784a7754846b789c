/**
 * The change ideas as a board, one column per status. Cards are links; people
 * who may change an idea move it with the status select on its card (a select,
 * not dragging, so the keyboard does it too). The moved card keeps focus in its
 * new column and the move is announced.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { IDEA_STATUSES } from '../../../shared/documents/item-kinds';
import { Link } from '../../lib/navigation';
import {
  EFFORT_LABELS,
  type IdeaStatus,
  type IdeaSummary,
  IMPACT_LABELS,
  ideasByStatus,
  isIdeaStatus,
  labelOf,
  STATUS_LABELS,
} from './idea-model';
import { PICK_LABELS } from '../../../shared/documents/pick-quadrant';

interface CardProps {
  readonly idea: IdeaSummary;
  readonly itemHref: (id: string) => string;
  readonly takeFocus: boolean;
  onFocused(): void;
  onMove(idea: IdeaSummary, status: IdeaStatus): void;
}

function StatusSelect({ idea, takeFocus, onFocused, onMove }: Omit<CardProps, 'itemHref'>) {
  const id = useId();
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    ref.current?.focus();
    onFocused();
  }, [takeFocus, onFocused]);
  return (
    <div className="nhsuk-form-group app-idea-card__status">
      <label className="nhsuk-label nhsuk-body-s" htmlFor={id}>
        Status<span className="nhsuk-u-visually-hidden"> of {idea.title}</span>
      </label>
      <select
        ref={ref}
        id={id}
        className="nhsuk-select"
        value={idea.status}
        onChange={(event) => {
          if (isIdeaStatus(event.target.value)) onMove(idea, event.target.value);
        }}
      >
        {IDEA_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
    </div>
  );
}

function cardFacts(idea: IdeaSummary): string {
  const facts = [
    `Impact: ${labelOf(IMPACT_LABELS, idea.impact)}.`,
    `Effort: ${labelOf(EFFORT_LABELS, idea.effort)}.`,
    idea.quadrant ? `PICK: ${PICK_LABELS[idea.quadrant]}.` : '',
    idea.owner ? `Owner: ${idea.owner}.` : '',
  ];
  return facts.filter(Boolean).join(' ');
}

function Card(props: CardProps) {
  const { idea, itemHref } = props;
  return (
    <li className="app-idea-card" data-testid="idea-card">
      <Link className="app-idea-card__title" href={itemHref(idea.id)}>
        {idea.title}
      </Link>
      <p className="nhsuk-body-s app-idea-card__facts">{cardFacts(idea)}</p>
      {idea.editable && <StatusSelect {...props} />}
    </li>
  );
}

export function IdeasBoard(props: {
  ideas: readonly IdeaSummary[];
  itemHref: (id: string) => string;
  onStatusChange(id: string, status: IdeaStatus): void;
}) {
  const [moved, setMoved] = useState<{ id: string; message: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const onMove = (idea: IdeaSummary, status: IdeaStatus) => {
    setFocusId(idea.id);
    setMoved({ id: idea.id, message: `“${idea.title}” moved to ${STATUS_LABELS[status]}.` });
    props.onStatusChange(idea.id, status);
  };
  const onFocused = () => setFocusId(null);
  return (
    <>
      <p className="nhsuk-u-visually-hidden" role="status">
        {moved?.message ?? ''}
      </p>
      <div className="app-board" data-testid="idea-board">
        {ideasByStatus(props.ideas).map(({ status, ideas }) => (
          <section
            className="app-board__column"
            key={status}
            aria-labelledby={`board-${status}`}
            data-testid={`board-column-${status}`}
          >
            <h3 className="nhsuk-heading-xs app-board__heading" id={`board-${status}`}>
              {STATUS_LABELS[status]} ({ideas.length})
            </h3>
            {ideas.length === 0 ? (
              <p className="nhsuk-body-s app-board__empty">None</p>
            ) : (
              <ul className="app-board__cards">
                {ideas.map((idea) => (
                  <Card
                    key={idea.id}
                    idea={idea}
                    itemHref={props.itemHref}
                    takeFocus={focusId === idea.id}
                    onFocused={onFocused}
                    onMove={onMove}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
