/**
 * The board's one move dialog, opened by a note's "Move…" button: a listbox of the
 * clusters (and "Not grouped"), worked with the arrow keys, Home, End, a letter to
 * jump, and Enter or a click to choose. Escape or Cancel closes it without a move.
 * Either way the keyboard goes back to the note's "Move…" button, in its new cluster
 * when it moved. One dialog for the board, rather than a menu of every cluster on each
 * of 200 cards, keeps the cards small to draw and to lay out.
 */
import { type KeyboardEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import type { BoardCluster } from '../../../shared/documents/workshop-board';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

/** The note being moved, and how the board names it. */
export interface MoveRequest {
  readonly noteId: string;
  readonly name: string;
}

/** The id of a note's "Move…" button, where the keyboard goes back to after the dialog. */
export const moveButtonId = (noteId: string): string => `move-${noteId}`;

/** The note whose dialog is open, and giving the keyboard back to its card once closed. */
export function useMoveRequest() {
  const [request, setRequest] = useState<MoveRequest | null>(null);
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (request !== null || returnTo.current === null) return;
    // After the commit that closed it: a moved card is a new element in its new cluster,
    // so its button is looked up now rather than held from before.
    document.getElementById(moveButtonId(returnTo.current))?.focus();
    returnTo.current = null;
  }, [request]);
  return {
    request,
    open: setRequest,
    close() {
      returnTo.current = request?.noteId ?? null;
      setRequest(null);
    },
  };
}

interface Place {
  readonly id: string | null;
  readonly label: string;
}

const NEXT: Readonly<Record<string, (at: number, last: number) => number>> = {
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/** The next place after `at` whose label starts with `letter`, or `at` when none does. */
function jump(places: readonly Place[], at: number, letter: string): number {
  for (let step = 1; step <= places.length; step += 1) {
    const i = (at + step) % places.length;
    if (places[i]?.label.toLowerCase().startsWith(letter)) return i;
  }
  return at;
}

export function MoveDialog({
  request,
  clusters,
  current,
  choose,
  close,
}: {
  request: MoveRequest;
  clusters: readonly BoardCluster[];
  /** The note's cluster now (null: not grouped), kept live while the dialog is open. */
  current: string | null;
  choose(clusterId: string | null): void;
  close(): void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const listbox = useRef<HTMLDivElement>(null);
  const places: readonly Place[] = [
    { id: null, label: 'Not grouped' },
    ...clusters.map((each) => ({ id: each.id, label: each.label || '(unnamed cluster)' })),
  ];
  // Held by id, so clusters added or renamed by others while it is open do not move it.
  const [activeId, setActiveId] = useState<string | null>(current);
  const at = Math.max(
    0,
    places.findIndex((each) => each.id === activeId),
  );
  const optionId = (i: number) => `${id}-option-${i}`;

  useEffect(() => {
    dialog.current?.showModal();
    listbox.current?.focus();
  }, []);
  useEffect(() => {
    listbox.current?.children[at]?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const onKey = (event: KeyboardEvent) => {
    const last = places.length - 1;
    const next = NEXT[event.key];
    if (next) setActiveId(places[next(at, last)]?.id ?? null);
    else if (event.key === 'Enter' || event.key === ' ') choose(places[at]?.id ?? null);
    else if (event.key.length === 1 && /\S/.test(event.key))
      setActiveId(places[jump(places, at, event.key.toLowerCase())]?.id ?? null);
    else return;
    event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    const option = (event.target as Element).closest('[data-index]');
    const place = places[Number(option?.getAttribute('data-index'))];
    if (place) choose(place.id);
  };

  return (
    <dialog
      ref={dialog}
      className="workshop__move-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Escape: closed by React with the rest of the board, so the keyboard goes back.
        event.preventDefault();
        close();
      }}
    >
      <h2 className="nhsuk-heading-s" id={`${id}-title`}>
        Move {request.name}
      </h2>
      <p className="nhsuk-hint" id={`${id}-hint`}>
        Choose a cluster with the arrow keys and Enter, or click it. Escape closes without moving.
      </p>
      <div
        ref={listbox}
        className="workshop__move-list"
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={optionId(at)}
        onKeyDown={onKey}
        onClick={onClick}
      >
        {places.map((place, i) => (
          <div
            key={place.id ?? ''}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === at}
            data-index={i}
            data-move-to={place.id ?? ''}
            className="workshop__move-option"
          >
            {place.label}
            {place.id === current && <span className="workshop__move-here"> (it is here)</span>}
          </div>
        ))}
      </div>
      <button type="button" className={SMALL} onClick={close}>
        Cancel
      </button>
    </dialog>
  );
}
