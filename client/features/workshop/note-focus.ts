/**
 * Which control of a workshop note stands for the one that had the focus, once the
 * note is drawn again in another cluster (moved by someone else, or dragged): the same
 * id, else the control at the same place among the card's controls.
 */
import { bySelector, type Refind } from '../../lib/use-keep-focus';

const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]';

export function sameNoteControl(focused: Element): Refind | null {
  if (focused.id) return bySelector(`#${CSS.escape(focused.id)}`);
  const card = focused.closest('[data-note]');
  const noteId = card?.getAttribute('data-note');
  if (!card || !noteId) return null;
  const place = Array.from(card.querySelectorAll(CONTROLS)).indexOf(focused);
  if (place < 0) return null;
  return (container) => {
    const moved = container.querySelector(`[data-note="${CSS.escape(noteId)}"]`);
    return moved?.querySelectorAll<HTMLElement>(CONTROLS).item(place) ?? null;
  };
}
