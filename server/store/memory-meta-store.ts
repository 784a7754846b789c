/**
 * A MetaStore held in memory: the reference behaviour of the interface, for tests
 * and demos. Nothing survives the process; writes complete after a microtask.
 */
import { emptyMetaData, type MetaData, MetaDataSchema } from '../../shared/schemas/records';
import { createMetaDataCore } from './meta-data-core';
import type { MetaStore } from './meta-store';

/** Starts from a validated copy of `initial`, or from empty metadata. */
export function createMemoryMetaStore(initial?: MetaData): MetaStore {
  const data = initial === undefined ? emptyMetaData() : MetaDataSchema.parse(initial);
  return createMetaDataCore(data, { write: async () => undefined });
}
