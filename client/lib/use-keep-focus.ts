/**
 * Keeps the keyboard focus on what it was on when a redraw replaces that thing's
 * element. React draws an element anew when it moves to another parent (a driver
 * diagram node pushed into the next row of its grid, a workshop note moved to another
 * cluster, a fishbone cause to another category), and the browser then drops the
 * focus to the page: a keyboard or screen reader user would be thrown out of what
 * they were in, whether the move was their own or someone else's.
 */
import { type RefObject, useEffect, useRef } from 'react';

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
 * When the element that had the focus inside `container` leaves the page and nothing
 * else has the focus, focuses what `refindFor` said, when that element took the focus,
 * would stand for it (null: nothing can). Watched with a MutationObserver, so the
 * focus is back before the page is painted, whichever component drew the change, and
 * in browsers that fire no blur when a focused element is removed.
 */
export function useKeepFocus(
  container: RefObject<Element | null>,
  refindFor: (focused: Element) => Refind | null,
): void {
  const latest = useRef(refindFor);
  latest.current = refindFor;
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let held: { element: Element; refind: Refind | null } | null = null;
    const onFocusIn = (event: Event) => {
      const element = event.target;
      held = element instanceof Element ? { element, refind: latest.current(element) } : null;
    };
    const onFocusOut = (event: Event) => {
      const left = event.target;
      // Focus the person moves away leaves its element in the page; one a redraw
      // removed is the observer's to put back.
      queueMicrotask(() => {
        if (held?.element === left && left instanceof Element && left.isConnected) held = null;
      });
    };
    const observer = new MutationObserver(() => {
      const was = held;
      if (!was || was.element.isConnected) return;
      held = null;
      const active = document.activeElement;
      if (active !== null && active !== document.body) return;
      was.refind?.(root)?.focus();
    });
    observer.observe(root, { childList: true, subtree: true });
    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
    };
  }, [container]);
}
