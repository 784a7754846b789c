import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCategories, addCause, moveCause } from '../../client/features/fishbone/fishbone-edits';
import { readFishbone } from '../../shared/diagrams/fishbone';
import { initItemDoc } from '../../shared/documents/item-doc';

describe('moving a fishbone cause', () => {
  it('moves a cause with its whys to another category, in one transaction', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'fishbone', 'Falls at night');
    const [people, kit] = addCategories(doc, ['People', 'Equipment']);
    if (!people || !kit) throw new Error('no categories');
    const short = addCause(doc, people, 'Short staffed at night');
    addCause(doc, short, 'Sickness');
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    expect(moveCause(doc, short, kit)).toBe(true);
    expect(transactions).toBe(1);
    const [first, second] = readFishbone(doc).categories;
    expect(first?.causes).toEqual([]);
    expect(second?.causes).toEqual([
      {
        id: short,
        label: 'Short staffed at night',
        causes: [expect.objectContaining({ label: 'Sickness' })],
      },
    ]);
    // Already there, or no such cause: nothing is written.
    expect(moveCause(doc, short, kit)).toBe(false);
    expect(moveCause(doc, 'gone', people)).toBe(false);
    expect(transactions).toBe(1);
  });
});
