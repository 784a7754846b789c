/**
 * Waiting on events with a deadline that fails the benchmark; never fixed sleeps.
 * A condition is re-checked each time the subscribed event fires.
 */
export class BenchTimeoutError extends Error {
  override readonly name = 'BenchTimeoutError';
}

/** Resolves once `check` holds, re-checking whenever `subscribe`'s event fires. */
export async function waitFor(
  description: string,
  check: () => boolean,
  subscribe: (notify: () => void) => () => void,
  timeoutMs: number,
): Promise<void> {
  if (check()) return;
  await new Promise<void>((resolve, reject) => {
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new BenchTimeoutError(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Resolves with the first value `register` reports, or fails after `timeoutMs`. */
export function once<T>(
  description: string,
  register: (resolve: (value: T) => void) => () => void,
  timeoutMs: number,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let unregister: () => void = () => undefined;
    const timer = setTimeout(() => {
      settled = true;
      unregister();
      reject(new BenchTimeoutError(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    unregister = register((value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unregister();
      resolve(value);
    });
    // `register` may have reported at once, before its unregister function existed.
    if (settled) unregister();
  });
}

/** Lets pending I/O callbacks run before continuing (one turn of the event loop). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
