import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphsOf, passageAnchor } from '../../client/features/comments/passages';
import { resolveAnchor } from '../../shared/comment-anchors';
import { initItemDoc, section } from '../../shared/documents/item-doc';

function problemDoc(): Y.Doc {
  const doc = new Y.Doc();
  initItemDoc(doc, 'problem', 'Falls');
  const bold = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [bold]);
  const empty = new Y.XmlElement('paragraph');
  empty.insert(0, [new Y.XmlText('   ')]);
  section(doc, 'description').insert(0, [paragraph, empty]);
  bold.insert(0, 'Falls at ');
  bold.insert(9, 'night', { bold: true });
  bold.insert(14, ' are most harmful.');
  return doc;
}

describe('choosing a passage without a mouse', () => {
  it('lists the non-empty paragraphs of every section as plain text', () => {
    const paragraphs = paragraphsOf(problemDoc(), 'problem');
    expect(paragraphs.map((p) => [p.sectionLabel, p.plain])).toEqual([
      ['Problem description', 'Falls at night are most harmful.'],
    ]);
  });

  it('anchors on the words asked for, or the whole paragraph, and refuses words that are not there', () => {
    const doc = problemDoc();
    const [paragraph] = paragraphsOf(doc, 'problem');
    if (!paragraph) throw new Error('no paragraph');
    const words = passageAnchor(paragraph, ' night are ');
    expect(words).toMatchObject({ target: 'text.description', quote: 'night are' });
    const resolved = words ? resolveAnchor(doc, words) : { detached: true };
    expect(resolved).toMatchObject({ detached: false, from: 9, to: 18 });
    expect(passageAnchor(paragraph, '')?.quote).toBe('Falls at night are most harmful.');
    expect(passageAnchor(paragraph, 'mornings')).toBeNull();
  });
});
