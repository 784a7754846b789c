import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldText, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { FACT_FIELDS, readFacts, sameFacts } from '../../shared/documents/item-facts';
import { KINDS } from '../../shared/documents/item-kinds';
import { Limits } from '../../shared/limits';
import { ItemFactsSchema, ITEM_KINDS } from '../../shared/schemas/records';

describe('the facts the registry keeps of an item', () => {
  it('names only fields each kind has', () => {
    for (const kind of ITEM_KINDS)
      for (const name of FACT_FIELDS[kind]) expect(KINDS[kind].fields[name]).toBeDefined();
  });

  it('reads a PDSA cycle’s place in its ramp, shortening long text to what the schema allows', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'pdsa', 'Rounding, cycle 2');
    fieldText(doc, 'label').insert(0, '2');
    fieldText(doc, 'follows').insert(0, '1');
    fieldText(doc, 'scale').insert(0, 'x'.repeat(Limits.maxFactLength + 50));
    setFieldValue(doc, 'pdsa', 'ideaId', 'idea-1');
    setFieldValue(doc, 'pdsa', 'startDate', '2026-03-09');
    const facts = readFacts(doc, 'pdsa');
    expect(facts).toMatchObject({
      label: '2',
      follows: '1',
      ideaId: 'idea-1',
      startDate: '2026-03-09',
      endDate: null,
      decision: null,
    });
    expect(String(facts.scale).length).toBe(Limits.maxFactLength);
    expect(ItemFactsSchema.safeParse(facts).success).toBe(true);
  });

  it('compares facts by value', () => {
    expect(sameFacts({ impact: 'high', owner: '' }, { impact: 'high', owner: '' })).toBe(true);
    expect(sameFacts({ impact: 'high' }, { impact: 'low' })).toBe(false);
    expect(sameFacts({ impact: 'high' }, undefined)).toBe(false);
    expect(sameFacts({}, { impact: null })).toBe(false);
  });
});
