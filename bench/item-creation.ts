/**
 * Scenario "item creation" (ours only: the baseline has no items): how long
 * `POST /api/labs/<id>/items` takes, one after another, on a server nobody is
 * editing on. The answer (201) comes once the item and its document are durable,
 * so the figure includes the registry's write and the document's first fsync.
 */
import { median, quantileOfSorted } from './quantiles';
import type { ServerProcess } from './server-process';
import { type AdminCredentials, createBenchLab, createNote } from './workspace-access';

export interface ItemCreationFigures {
  readonly items: number;
  readonly medianMs: number;
  readonly p90Ms: number;
}

export async function runItemCreationScenario(
  server: ServerProcess,
  admin: AdminCredentials,
  items: number,
): Promise<ItemCreationFigures> {
  const lab = await createBenchLab(server.httpBase, admin);
  await createNote(server.httpBase, lab, 'Warm-up'); // the first request compiles the route
  const times: number[] = [];
  for (let n = 1; n <= items; n++) {
    const started = performance.now();
    await createNote(server.httpBase, lab, `Item ${n}`);
    times.push(performance.now() - started);
  }
  return {
    items,
    medianMs: median(times),
    p90Ms: quantileOfSorted(
      [...times].sort((a, b) => a - b),
      0.9,
    ),
  };
}
