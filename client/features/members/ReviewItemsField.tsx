/**
 * For a reviewer invitation: review every item the lab opens for comment, or only
 * the items ticked here. Loads the lab's items itself.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect, useId, useState } from 'react';
import type { Item } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';

export interface ReviewItemsFieldProps {
  readonly api: ApiClient;
  readonly labId: string;
  readonly selected: ReadonlySet<string>;
  onChange(selected: ReadonlySet<string>): void;
}

export function ReviewItemsField({ api, labId, selected, onChange }: ReviewItemsFieldProps) {
  const [items, setItems] = useState<readonly Item[]>([]);
  const id = useId();
  useEffect(() => {
    let cancelled = false;
    api
      .call(Api.labs.items, { params: { labId } })
      .then((result) => !cancelled && setItems(result.items.filter((item) => !item.archived)))
      .catch(() => undefined); // Without the list, the invitation simply covers the whole lab.
    return () => {
      cancelled = true;
    };
  }, [api, labId]);
  if (items.length === 0) return null;
  const toggle = (itemId: string) => {
    const next = new Set(selected);
    if (next.has(itemId)) next.delete(itemId);
    else next.add(itemId);
    onChange(next);
  };
  return (
    <fieldset className="nhsuk-fieldset nhsuk-form-group" aria-describedby={`${id}-hint`}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        Items to review (optional)
      </legend>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        Leave all unticked to let the reviewer see every item you open for comment. Tick items to
        limit the invitation to them.
      </div>
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
        {items.map((item) => (
          <div className="nhsuk-checkboxes__item" key={item.id}>
            <input
              className="nhsuk-checkboxes__input"
              id={`${id}-${item.id}`}
              type="checkbox"
              checked={selected.has(item.id)}
              onChange={() => toggle(item.id)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${item.id}`}>
              {item.title}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
