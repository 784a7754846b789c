/**
 * Keeps the keyboard focus on what it was on when a redraw replaces that thing's
 * element. React draws an element anew when it moves to another parent (a driver
 * diagram node pushed into the next row of its grid by someone else's change), and
 * the browser then drops the focus to the page: a keyboard or screen reader user
 * would be thrown out of what they were working in.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * After each commit, when the element that had the focus inside `container` has
 * left the page and nothing else has the focus, focuses the element `selector`
 * names (the one that now stands for the same thing); null when nothing does.
 */
export function useKeepFocus(container: RefObject<Element | null>, selector: string | null): void {
  const held = useRef<Element | null>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onFocusIn = (event: Event) => {
      held.current = event.target instanceof Element ? event.target : null;
    };
    const onFocusOut = (event: Event) => {
      const left = event.target;
      // Focus the person moves away leaves its element in the page; a redraw has
      // removed it by the time this runs, and the commit's own check follows.
      queueMicrotask(() => {
        if (held.current === left && left instanceof Element && left.isConnected) {
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
    const left = held.current;
    if (!left || left.isConnected) return;
    held.current = null;
    const active = document.activeElement;
    if (selector === null || (active !== null && active !== document.body)) return;
    container.current?.querySelector<HTMLElement | SVGElement>(selector)?.focus();
  });
}
