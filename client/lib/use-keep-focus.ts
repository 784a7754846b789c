/**
 * Keeps the keyboard focus on what it was on when a redraw replaces that thing's
 * element. React draws an element anew when it moves to another parent (a driver
 * diagram node pushed into the next row of its grid, a workshop note moved to another
 * cluster, by someone else's change), and the browser then drops the focus to the
 * page: a keyboard or screen reader user would be thrown out of what they were in.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/** Finds, inside the container, the element that now stands for the one that had the focus. */
export type Refind = (container: Element) => HTMLElement | SVGElement | null;

/** A `Refind` by a CSS selector. */
export const bySelector =
  (selector: string): Refind =>
  (container) =>
    container.querySelector<HTMLElement | SVGElement>(selector);

const CONTROLS = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * For records drawn with `attribute` holding their id (a note's card, a cause's row):
 * the record itself when it had the focus, else the control with the same id, else
 * (ids made by `useId` change when React draws anew) the control at the same place
 * among the record's controls.
 */
export function sameControlIn(attribute: string): (focused: Element) => Refind | null {
  return (focused) => {
    const record = focused.closest(`[${attribute}]`);
    const recordId = record?.getAttribute(attribute);
    if (!record || !recordId) return null;
    const recordSelector = `[${attribute}="${CSS.escape(recordId)}"]`;
    if (record === focused) return bySelector(recordSelector);
    const byId = focused.id ? bySelector(`#${CSS.escape(focused.id)}`) : null;
    const place = Array.from(record.querySelectorAll(CONTROLS)).indexOf(focused);
    return (container) =>
      byId?.(container) ??
      (place < 0
        ? null
        : (container
            .querySelector(recordSelector)
            ?.querySelectorAll<HTMLElement>(CONTROLS)
            .item(place) ?? null));
  };
}

/**
 * After each commit, when the element that had the focus inside `container` has left
 * the page and nothing else has the focus, focuses what `refindFor` said, when that
 * element took the focus, would stand for it (null: nothing can).
 */
export function useKeepFocus(
  container: RefObject<Element | null>,
  refindFor: (focused: Element) => Refind | null,
): void {
  const held = useRef<{ element: Element; refind: Refind | null } | null>(null);
  const latest = useRef(refindFor);
  latest.current = refindFor;
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onFocusIn = (event: Event) => {
      const element = event.target;
      held.current =
        element instanceof Element ? { element, refind: latest.current(element) } : null;
    };
    const onFocusOut = (event: Event) => {
      const left = event.target;
      // Focus the person moves away leaves its element in the page; a redraw has
      // removed it by the time this runs, and the commit's own check came first.
      queueMicrotask(() => {
        if (held.current?.element === left && left instanceof Element && left.isConnected) {
          held.current = null;
        }
      });
    };
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
  useLayoutEffect(() => {
    const root = container.current;
    const was = held.current;
    if (!root || !was || was.element.isConnected) return;
    held.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    was.refind?.(root)?.focus();
  });
}
