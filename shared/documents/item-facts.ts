/**
 * An item's facts: the fields of its document that lists, boards and ramps show,
 * which the server keeps in the item registry beside the title and status
 * (`server/sync/item-registry-sync.ts`), so that a list of items never opens
 * their documents. An idea's impact and effort place it on the PICK chart; a
 * PDSA cycle's label, parent and dates place it in its idea's ramp; the
 * problem's aim is the overview's sentence.
 */
import type * as Y from 'yjs';
import { Limits } from '../limits';
import type { ItemFacts, ItemKind } from '../schemas/records';
import { type FieldValue, readField } from './item-doc';

/** The fields of each kind kept as facts (names as stored in the document). */
export const FACT_FIELDS: Readonly<Record<ItemKind, readonly string[]>> = {
  idea: ['source', 'impact', 'effort', 'owner'],
  pdsa: ['ideaId', 'label', 'follows', 'startDate', 'endDate', 'scale', 'decision'],
  problem: [
    'aimWhat',
    'aimForWhom',
    'aimBaseline',
    'aimTarget',
    'aimUnit',
    'aimDirection',
    'aimByWhen',
  ],
  drivers: [],
  measure: [],
  note: [],
  fishbone: [],
  process: [],
  workshop: [],
};

export function hasFacts(kind: ItemKind): boolean {
  return FACT_FIELDS[kind].length > 0;
}

function shortened(value: FieldValue): FieldValue {
  return typeof value === 'string' && value.length > Limits.maxFactLength
    ? value.slice(0, Limits.maxFactLength)
    : value;
}

/** The facts of a document of `kind`, read field by field (never the whole document). */
export function readFacts(doc: Y.Doc, kind: ItemKind): ItemFacts {
  const facts: ItemFacts = {};
  for (const name of FACT_FIELDS[kind]) facts[name] = shortened(readField(doc, kind, name));
  return facts;
}

export function sameFacts(a: ItemFacts | undefined, b: ItemFacts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
