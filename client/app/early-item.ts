/**
 * An item page opened straight from its address asks for the item's summary while
 * the session is still being asked for, and starts its kind's code loading as soon
 * as the kind is known: the page would otherwise wait for one answer after the other.
 * The page takes the early answer once; a failed one is asked again by the page, so
 * a missing or refused item shows the same error as before.
 */
import { Api } from '../../shared/api-routes';
import type { ApiClient } from '../lib/api';
import { preloadItemBody } from './item-kind-code';

type ItemAnswer = Awaited<ReturnType<typeof askForItem>>;

function askForItem(api: ApiClient, itemId: string) {
  return api.call(Api.items.get, { params: { itemId } });
}

let early: { itemId: string; answer: Promise<ItemAnswer> } | null = null;

export function askForItemEarly(api: ApiClient, itemId: string): void {
  if (early?.itemId === itemId) return;
  const answer = askForItem(api, itemId);
  early = { itemId, answer };
  answer.then(
    (data) => void preloadItemBody(data.item.kind),
    // The page asks again and shows whatever goes wrong then.
    () => undefined,
  );
}

/** The item's summary: the early answer the first time, if it came, else a fresh one. */
export async function itemSummary(api: ApiClient, itemId: string): Promise<ItemAnswer> {
  const taken = early?.itemId === itemId ? early.answer : null;
  if (taken) early = null;
  try {
    if (taken) return await taken;
  } catch {
    // Asked before the session was known (or the network failed): ask again now.
  }
  return askForItem(api, itemId);
}
