/**
 * Waiting on events with a deadline that fails the test; never fixed sleeps. The
 * condition is re-checked each time the subscribed event fires.
 */
export async function waitFor(
  description: string,
  check: () => boolean,
  subscribe: (notify: () => void) => () => void,
  timeoutMs = 10_000,
): Promise<void> {
  if (check()) return;
  await new Promise<void>((resolve, reject) => {
    let unsubscribe: () => void = () => undefined;
    const fail = () => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`));
    };
    const timer = setTimeout(fail, timeoutMs); // allowed: a deadline that fails, not a sleep
    unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Resolves with the first emission of `event`, or fails after `timeoutMs`. */
export function once<T>(
  description: string,
  register: (resolve: (value: T) => void) => () => void,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = () => {
      unregister();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`));
    };
    const timer = setTimeout(fail, timeoutMs); // allowed: a deadline that fails, not a sleep
    const unregister = register((value) => {
      clearTimeout(timer);
      unregister();
      resolve(value);
    });
  });
}

/**
 * A `waitFor` subscription that re-checks on every turn of the event loop, for state
 * no event announces (a socket released after its close event). Not a sleep: the
 * check runs as soon as the loop is free, and `waitFor`'s deadline still fails the test.
 */
export function eachTurn(notify: () => void): () => void {
  let timer = setImmediate(function tick() {
    notify();
    timer = setImmediate(tick);
  });
  return () => clearImmediate(timer);
}
