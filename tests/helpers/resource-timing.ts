/**
 * When the open page's requests started, from the browser's own Resource Timing, beside
 * when its entry script had arrived: a request that started before that was named by
 * the page the server sent (a preload), since the app's code could not have run yet.
 */
import type { Page } from 'playwright-core';

export interface RequestStarts {
  /** When the entry script (`/assets/index-*.js`) had arrived, or null if it was not fetched. */
  readonly entryArrived: number | null;
  /** For each path asked about, the start of every request to it (a path ending in `*`: a prefix). */
  readonly starts: readonly number[][];
}

export async function requestStarts(page: Page, paths: readonly string[]): Promise<RequestStarts> {
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  return (await page.evaluate(`(() => {
    const entries = performance.getEntriesByType('resource');
    const pathOf = (e) => new URL(e.name).pathname;
    const entry = entries.find((e) => /^[/]assets[/]index-[^/]*[.]js$/.test(pathOf(e)));
    const matches = (path, wanted) =>
      wanted.endsWith('*') ? path.startsWith(wanted.slice(0, -1)) : path === wanted;
    const of = (wanted) =>
      entries.filter((e) => matches(pathOf(e), wanted)).map((e) => e.startTime);
    return { entryArrived: entry ? entry.responseEnd : null, starts: ${JSON.stringify(paths)}.map(of) };
  })()`)) as RequestStarts;
}
