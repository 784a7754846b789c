/**
 * A cluster or note into the lab's diagrams: "Add as a driver" (one of the lab's driver
 * diagrams, under one of its primary drivers or none) and "Add as a cause" (a fishbone
 * and one of its categories), and, once done, "Added as a driver in …" with a link to
 * the diagram. The lists are the diagrams the person may edit (the server's answer);
 * the server writes both ends of the link. Opening a form takes the keyboard to its first
 * field; closing it gives it back to the button that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BoardOutcomes } from '../../../shared/documents/workshop-board';
import type { WorkshopTarget, WorkshopTargets } from '../../../shared/schemas/workshop';
import { Link } from '../../lib/navigation';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

export interface DiagramActions {
  readonly canAddToDiagrams: boolean;
  /** The diagrams the person may add to; null until asked for. */
  readonly targets: WorkshopTargets | null;
  loadTargets(): void;
  /** A lab item's title, from the lab's items (empty when not known). */
  titleOf(itemId: string): string;
  readonly itemHref: (itemId: string) => string;
  addDriver(from: string, diagramId: string, under: string | null, name: string): void;
  addCause(from: string, fishboneId: string, categoryId: string, name: string): void;
}

type Which = 'driver' | 'cause';

const WORDS: Readonly<Record<Which, { readonly button: string; readonly diagram: string }>> = {
  driver: { button: 'Add as a driver', diagram: 'Driver diagram' },
  cause: { button: 'Add as a cause', diagram: 'Fishbone' },
};

function AddForm({
  actions,
  which,
  from,
  name,
  close,
}: {
  actions: DiagramActions;
  which: Which;
  from: string;
  name: string;
  close(): void;
}) {
  const id = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const loaded = actions.targets !== null;
  useEffect(() => {
    if (loaded) fieldset.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, [loaded]);
  const choices: readonly WorkshopTarget[] =
    (which === 'driver' ? actions.targets?.driverDiagrams : actions.targets?.fishbones) ?? [];
  const [chosen, setChosen] = useState('');
  const [place, setPlace] = useState('');
  const target = choices.find((each) => each.id === chosen) ?? choices[0];
  const places = target?.places ?? [];
  const placeId = places.some((each) => each.id === place) ? place : '';
  const { button, diagram } = WORDS[which];
  if (actions.targets === null) return <p className="nhsuk-body-s">Finding the lab’s diagrams…</p>;
  return (
    <fieldset className="workshop__idea-form" ref={fieldset}>
      <legend>
        {button}: {name}
      </legend>
      {target === undefined ? (
        <p className="nhsuk-body-s">
          The lab has no {diagram.toLowerCase()} you may add to. Make one first, or ask a
          facilitator.
        </p>
      ) : (
        <>
          <label className="nhsuk-label" htmlFor={`${id}-diagram`}>
            {diagram}
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-diagram`}
            value={target.id}
            onChange={(event) => setChosen(event.target.value)}
          >
            {choices.map((each) => (
              <option key={each.id} value={each.id}>
                {each.title || '(untitled)'}
              </option>
            ))}
          </select>
          <label className="nhsuk-label" htmlFor={`${id}-place`}>
            {which === 'driver' ? 'Under the primary driver' : 'Category'}
          </label>
          <select
            className="nhsuk-select"
            id={`${id}-place`}
            value={placeId}
            onChange={(event) => setPlace(event.target.value)}
          >
            {which === 'driver' ? (
              <option value="">None: link it later</option>
            ) : (
              <option value="" disabled>
                {places.length === 0 ? 'It has no categories yet' : 'Choose a category'}
              </option>
            )}
            {places.map((each) => (
              <option key={each.id} value={each.id}>
                {each.label || '(no label yet)'}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small"
            disabled={which === 'cause' && placeId === ''}
            onClick={() => {
              close();
              if (which === 'driver') actions.addDriver(from, target.id, placeId || null, name);
              else actions.addCause(from, target.id, placeId, name);
            }}
          >
            {button}
          </button>
        </>
      )}
      <button type="button" className={SMALL} onClick={close}>
        Cancel
      </button>
    </fieldset>
  );
}

function AddedTo({
  actions,
  what,
  itemId,
}: {
  actions: DiagramActions;
  what: string;
  itemId: string;
}) {
  const title = actions.titleOf(itemId);
  return (
    <p className="workshop__outcome">
      Added as {what} in{' '}
      <Link href={actions.itemHref(itemId)}>{title ? `“${title}”` : 'a diagram'}</Link>
    </p>
  );
}

export function DiagramControls({
  actions,
  from,
  name,
  outcomes,
  offer = true,
}: {
  actions: DiagramActions;
  from: string;
  name: string;
  outcomes: BoardOutcomes;
  /** Whether to offer adding it (a note offers it only when asked); the links show anyway. */
  offer?: boolean;
}) {
  const [open, setOpen] = useState<Which | null>(null);
  const openers = useRef<Record<Which, HTMLButtonElement | null>>({ driver: null, cause: null });
  const [returnTo, setReturnTo] = useState<Which | null>(null);
  useEffect(() => {
    if (open !== null || returnTo === null) return;
    openers.current[returnTo]?.focus();
    setReturnTo(null);
  }, [open, returnTo]);
  const offered = (which: Which) =>
    offer && actions.canAddToDiagrams && open === null ? (
      <button
        ref={(button) => {
          openers.current[which] = button;
        }}
        type="button"
        className={SMALL}
        onClick={() => {
          actions.loadTargets();
          setOpen(which);
        }}
      >
        {WORDS[which].button}
        <span className="nhsuk-u-visually-hidden"> ({name})</span>
      </button>
    ) : null;
  // Nothing to link to or offer: no box to lay out.
  if (!outcomes.driver && !outcomes.cause && !(offer && actions.canAddToDiagrams)) return null;
  return (
    <div className="workshop__diagrams">
      {outcomes.driver ? (
        <AddedTo actions={actions} what="a driver" itemId={outcomes.driver.itemId} />
      ) : (
        offered('driver')
      )}
      {outcomes.cause ? (
        <AddedTo actions={actions} what="a cause" itemId={outcomes.cause.itemId} />
      ) : (
        offered('cause')
      )}
      {open && (
        <AddForm
          actions={actions}
          which={open}
          from={from}
          name={name}
          close={() => {
            setReturnTo(open);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
