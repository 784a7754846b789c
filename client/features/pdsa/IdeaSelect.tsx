/**
 * "Change idea tested": a select of the lab's change ideas, storing the chosen
 * idea's item id in the cycle's `ideaId` reference field.
 */
import { useId } from 'react';
import { setFieldValue } from '../../../shared/documents/item-doc';
import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import type { Loaded } from '../../lib/use-api-data';
import { presenceHandlers, useVisitorNote } from './FieldVisitors';
import { fieldKey, type StageProps, valueField } from './stage-props';

export type LabItems = Loaded<readonly ItemWithRights[]>;

export function ideasOf(items: LabItems): readonly ItemWithRights[] {
  return items.status === 'ready' ? items.data.filter((item) => item.kind === 'idea') : [];
}

/** The chosen idea's title for reading, or why there is none. */
export function ideaTitle(items: LabItems, ideaId: string | null): string {
  if (!ideaId) return 'Not chosen yet';
  if (items.status === 'loading') return 'Loading…';
  const idea = ideasOf(items).find((item) => item.id === ideaId);
  // Not shared with this person (a draft, or outside a reviewer's invitation).
  if (!idea) return 'A change idea that has not been shared with you';
  return idea.title || 'Untitled change idea';
}

export function IdeaSelect({ stage, items }: { stage: StageProps; items: LabItems }) {
  const id = useId();
  const awareness = stage.provider.awareness;
  const key = fieldKey('ideaId');
  const note = useVisitorNote(awareness, key);
  const stored = valueField(stage.doc, 'ideaId');
  const value = typeof stored === 'string' ? stored : '';
  const ideas = ideasOf(items);
  const known = ideas.some((idea) => idea.id === value);
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        Change idea tested
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        The change idea this cycle tests. Change ideas are added on the lab’s page.
        {note && <span className="y-field__visitors"> {note}</span>}
      </div>
      {items.status === 'error' && (
        <p className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> The lab’s change ideas could not
          be loaded: {items.error.message}
        </p>
      )}
      <select
        className="nhsuk-select"
        id={id}
        value={value}
        aria-describedby={`${id}-hint${items.status === 'error' ? ` ${id}-error` : ''}`}
        onChange={(event) => setFieldValue(stage.doc, 'pdsa', 'ideaId', event.target.value || null)}
        {...presenceHandlers(awareness, key)}
      >
        <option value="">
          {items.status === 'loading' ? 'Loading change ideas…' : 'Choose a change idea'}
        </option>
        {value && !known && <option value={value}>{ideaTitle(items, value)}</option>}
        {ideas.map((idea) => (
          <option key={idea.id} value={idea.id}>
            {idea.title || 'Untitled change idea'}
          </option>
        ))}
      </select>
    </div>
  );
}
