/**
 * A component whose code is fetched on demand, like React's `lazy`, but drawn at
 * once when its code has already come. React's `lazy` suspends on its first render
 * even then (it learns the module is there a microtask later), and React holds back
 * content revealed behind a Suspense fallback until 300 ms after that fallback was
 * shown (so that content does not pop in piece by piece). A page whose code was
 * fetched early (during the session check, as soon as an item's kind is known, or
 * named in the page itself by the server) then sat idle for that long.
 */
import { type ComponentType, createElement, lazy, useState } from 'react';

export interface LazyComponent<P> {
  readonly Component: ComponentType<P>;
  /**
   * Starts fetching the code (once; a failed fetch is forgotten so that the next
   * call tries again) and resolves once the component can be drawn without waiting.
   */
  prefetch(): Promise<unknown>;
}

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | undefined;
  const prefetch = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const Suspending = lazy(async () => ({ default: await prefetch() }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per lazily loaded component, at module level, as React's `lazy` is.
  function Component(props: P) {
    // Chosen once per mount. Once the `lazy` element has been committed (React can
    // commit it when the code comes while that render is under way), switching to the
    // loaded component at the next render from above would put a different element
    // type in its place, and React would mount the page afresh, losing what it holds
    // (typed text, a "saved" banner, as in a rare failure of the account page's test).
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Suspending, props);
  }
  return { Component, prefetch };
}
