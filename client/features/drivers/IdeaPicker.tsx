/**
 * Which change-idea item an idea node stands for: pick one of the lab's change
 * ideas, or create a new one (`POST /api/labs/<lab>/items`) and link it at once.
 */
import { type FormEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import { Limits } from '../../../shared/limits';
import { SelectField, TextField } from '../../lib/form-fields';
import { Link } from '../../lib/navigation';
import { asApiError } from '../../lib/use-api-data';
import { type DriverNode, setNodeIdea } from './driver-graph';
import type { IdeaItems } from './use-idea-items';

export function IdeaPicker(props: {
  doc: Y.Doc;
  node: DriverNode;
  ideas: IdeaItems;
  announce(message: string): void;
  /** Called once linked: the keyboard goes back to the node on the diagram. */
  onLinked(): void;
}) {
  const { doc, node, ideas, announce, onLinked } = props;
  const id = useId();
  const [choice, setChoice] = useState(node.ideaId ?? '');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const current = node.ideaId ? ideas.titles.get(node.ideaId) : undefined;
  const link = (ideaId: string, ideaTitle: string) => {
    setNodeIdea(doc, node.id, ideaId, ideaTitle);
    announce(`This node now stands for the change idea “${ideaTitle}”.`);
    onLinked();
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError('Enter a title for the new change idea');
      return;
    }
    try {
      const item = await ideas.create(title.trim());
      setTitle('');
      setError(undefined);
      setChoice(item.id);
      link(item.id, item.title);
    } catch (failure) {
      setError(`The change idea was not created: ${asApiError(failure).message}`);
    }
  };
  const chosen = ideas.ideas.find((i) => i.id === choice);
  return (
    <div className="driver-idea-picker">
      <p className="nhsuk-body-s" data-testid="driver-idea-link">
        {node.ideaId ? (
          <>
            Stands for the change idea{' '}
            <Link href={`/items/${encodeURIComponent(node.ideaId)}`}>
              {current ?? 'that is not visible to you'}
            </Link>
          </>
        ) : (
          'Not yet linked to one of the lab’s change ideas.'
        )}
      </p>
      {ideas.error && <p className="nhsuk-error-message">{ideas.error}</p>}
      <SelectField
        id={`${id}-idea`}
        label="Change idea"
        placeholder="Choose a change idea"
        value={chosen ? chosen.id : ''}
        choices={ideas.ideas.map((i) => ({ value: i.id, label: i.title }))}
        onChange={setChoice}
      />
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        disabled={!chosen || chosen.id === node.ideaId}
        onClick={() => chosen && link(chosen.id, chosen.title)}
      >
        Use this change idea
      </button>
      <form className="driver-idea-picker__new" onSubmit={create} noValidate>
        <TextField
          id={`${id}-new`}
          label="Title of a new change idea"
          value={title}
          maxLength={Limits.maxTitleLength}
          error={error}
          onChange={setTitle}
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
          Create new change idea
        </button>
      </form>
    </div>
  );
}
