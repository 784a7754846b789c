/**
 * A MetaStore that reports every change to the item registry, whichever code
 * made it (the registry kept from documents, the API, comments, imports): the lab
 * feed listens here, so no caller has to remember to tell it. It wraps any
 * MetaStore implementation unchanged.
 */
import type { MetaStore } from './meta-store';

/** Told the id of an item after its creation or change is stored. */
export type ItemChangeListener = (itemId: string) => void;

const ITEM_WRITES: ReadonlySet<PropertyKey> = new Set<keyof MetaStore>([
  'createItem',
  'updateItem',
]);

export function observeItemChanges(meta: MetaStore, listener: ItemChangeListener): MetaStore {
  // A Proxy rather than a copy of the object, so that a store built as a class (whose
  // methods live on its prototype) is wrapped as well as one built from plain functions.
  return new Proxy(meta, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!ITEM_WRITES.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        const id = result && typeof result === 'object' && 'id' in result ? result.id : null;
        if (typeof id === 'string') listener(id);
        return result;
      };
    },
  });
}
