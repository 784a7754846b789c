/**
 * Each item kind's code, as separate chunks: the item page draws a kind with it
 * (`ItemBody`), and it is fetched as soon as an item's kind is known, before the
 * page that draws it has loaded (`preloadItemBody`). It is here, not in `ItemBody`,
 * so that the fetch does not wait for the item page's own code first.
 */
import type { ItemKind } from '../../shared/schemas/records';
import { lazyComponent } from '../lib/lazy-component';

// Each kind's screen, fetched once, and drawn at once if its code came while the page
// was opening (`lazy-component.ts`).
export const itemKindBodies = {
  drivers: lazyComponent(
    async () => (await import('../features/drivers/DriverDiagram')).DriverDiagram,
  ),
  idea: lazyComponent(async () => (await import('../features/ideas/IdeaEditor')).IdeaEditor),
  ramp: lazyComponent(async () => (await import('../features/pdsa/RampView')).RampView),
  measure: lazyComponent(
    async () => (await import('../features/measures/MeasureEditor')).MeasureEditor,
  ),
  pdsa: lazyComponent(async () => (await import('../features/pdsa/PdsaWorksheet')).PdsaWorksheet),
  problem: lazyComponent(
    async () => (await import('../features/problem/ProblemEditor')).ProblemEditor,
  ),
  fishbone: lazyComponent(
    async () => (await import('../features/fishbone/FishboneItem')).FishboneItem,
  ),
  process: lazyComponent(async () => (await import('../features/process/ProcessItem')).ProcessItem),
  workshop: lazyComponent(
    async () => (await import('../features/workshop/WorkshopBoard')).WorkshopBoard,
  ),
  generic: lazyComponent(
    async () => (await import('../lib/item-fields/GenericItemEditor')).GenericItemEditor,
  ),
};

const BODIES_OF_KIND: Record<ItemKind, ReadonlyArray<{ prefetch(): Promise<unknown> }>> = {
  drivers: [itemKindBodies.drivers],
  idea: [itemKindBodies.idea, itemKindBodies.ramp],
  measure: [itemKindBodies.measure],
  pdsa: [itemKindBodies.pdsa],
  problem: [itemKindBodies.problem],
  fishbone: [itemKindBodies.fishbone],
  process: [itemKindBodies.process],
  workshop: [itemKindBodies.workshop],
  note: [itemKindBodies.generic],
};

/**
 * Starts fetching a kind's code as soon as the kind is known (the item's summary has
 * come), so it loads while the page opens the document rather than after. Resolves
 * once the code has come or failed: a failed fetch is left for the page's body to
 * retry and report.
 */
export async function preloadItemBody(kind: ItemKind): Promise<void> {
  await Promise.all(BODIES_OF_KIND[kind].map((body) => body.prefetch().catch(() => undefined)));
}
