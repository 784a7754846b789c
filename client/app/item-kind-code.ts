/**
 * Each item kind's code, as separate chunks: the item page draws a kind with it
 * (`ItemBody`), and it is fetched as soon as an item's kind is known, before the
 * page that draws it has loaded (`preloadItemBody`). It is here, not in `ItemBody`,
 * so that the fetch does not wait for the item page's own code first.
 */
import type { ItemKind } from '../../shared/schemas/records';

// Each kind's code, fetched once: the browser keeps the module, so a second import is
// answered from memory.
export const itemKindCode = {
  drivers: () => import('../features/drivers/DriverDiagram'),
  idea: () => import('../features/ideas/IdeaEditor'),
  ramp: () => import('../features/pdsa/RampView'),
  measure: () => import('../features/measures/MeasureEditor'),
  pdsa: () => import('../features/pdsa/PdsaWorksheet'),
  problem: () => import('../features/problem/ProblemEditor'),
  fishbone: () => import('../features/fishbone/FishboneItem'),
  process: () => import('../features/process/ProcessItem'),
  workshop: () => import('../features/workshop/WorkshopBoard'),
  generic: () => import('../lib/item-fields/GenericItemEditor'),
};

const CODE_OF_KIND: Record<ItemKind, ReadonlyArray<() => Promise<unknown>>> = {
  drivers: [itemKindCode.drivers],
  idea: [itemKindCode.idea, itemKindCode.ramp],
  measure: [itemKindCode.measure],
  pdsa: [itemKindCode.pdsa],
  problem: [itemKindCode.problem],
  fishbone: [itemKindCode.fishbone],
  process: [itemKindCode.process],
  workshop: [itemKindCode.workshop],
  note: [itemKindCode.generic],
};

/**
 * Starts fetching a kind's code as soon as the kind is known (the item's summary has
 * come), so it loads while the page opens the document rather than after. A failed
 * fetch is left for the page's own import to retry and report.
 */
export function preloadItemBody(kind: ItemKind): void {
  for (const load of CODE_OF_KIND[kind]) load().catch(() => undefined);
}
