/**
 * Anchors made in the browser are the ones the server and every other client
 * read: the same bytes as `shared/comment-anchors.ts`, round trips that keep the
 * position, quotes the API accepts, and a passage that is detached only once its
 * words are gone (in a field, and in a rich-text section across paragraphs).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  anchorFromPositions,
  clipQuote,
  decodePosition,
  encodePosition,
  fieldAnchor,
} from '../../client/features/comments/anchor-codec';
import { isDetached, textOffset } from '../../client/features/comments/passage-state';
import { createAnchor } from '../../shared/comment-anchors';
import { AnchorSchema, MAX_QUOTE_LENGTH } from '../../shared/comments';

const FIELD = 'Patients fall at night when the call bell is out of reach.';

function fieldDoc(): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc();
  const text = new Y.Text();
  doc.getMap('fields').set('what', text);
  text.insert(0, FIELD);
  return { doc, text };
}

/** A section as Tiptap stores it: paragraphs (XmlElement) holding XmlText. */
function sectionDoc(paragraphs: string[]): { doc: Y.Doc; texts: Y.XmlText[] } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('text.description');
  const texts = paragraphs.map((words) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    text.insert(0, words);
    paragraph.insert(0, [text]);
    fragment.push([paragraph]);
    return text;
  });
  return { doc, texts };
}

function sectionAnchor(start: [Y.XmlText, number], end: [Y.XmlText, number], quote: string) {
  return anchorFromPositions({
    target: 'text.description',
    start: Y.createRelativePositionFromTypeIndex(start[0], start[1], 0),
    end: Y.createRelativePositionFromTypeIndex(end[0], end[1], -1),
    quote,
  });
}

describe('encoding positions', () => {
  it('is byte for byte what shared/comment-anchors.ts writes', () => {
    const { text } = fieldDoc();
    const shared = createAnchor(text, 'fields.what', 5, 9);
    expect(encodePosition(Y.createRelativePositionFromTypeIndex(text, 5))).toBe(shared.start);
    expect(encodePosition(Y.createRelativePositionFromTypeIndex(text, 9, -1))).toBe(shared.end);
    expect(fieldAnchor(text, 'what', 5, 9)).toEqual(shared);
  });

  it('round-trips to the same position, which follows the text as it is edited', () => {
    const { doc, text } = fieldDoc();
    const at = FIELD.indexOf('call bell');
    const decoded = decodePosition(encodePosition(Y.createRelativePositionFromTypeIndex(text, at)));
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    const resolved = Y.createAbsolutePositionFromRelativePosition(decoded, doc);
    expect(resolved?.type).toBe(text);
    expect(resolved?.index).toBe(at);
    text.insert(0, 'On Ward 7, ');
    expect(Y.createAbsolutePositionFromRelativePosition(decoded, doc)?.index).toBe(at + 11);
  });

  it('reads garbage as no position rather than throwing', () => {
    expect(decodePosition('not base64 at all!')).toBeNull();
    expect(decodePosition('')).toBeNull();
    expect(decodePosition('AQ==')).toBeNull();
  });
});

describe('quotes', () => {
  it('are kept as written, and clipped to what the API accepts', () => {
    expect(clipQuote('the call\n bell ')).toBe('the call\n bell ');
    const long = clipQuote('word '.repeat(400));
    expect(long.length).toBe(MAX_QUOTE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });

  it('make anchors that pass the API schema', () => {
    const { texts } = sectionDoc(['x'.repeat(1500)]);
    const [text] = texts;
    if (!text) throw new Error('no paragraph');
    const anchor = sectionAnchor([text, 0], [text, 1500], 'x'.repeat(1500));
    expect(AnchorSchema.safeParse(anchor).success).toBe(true);
  });
});

describe('detached passages', () => {
  it('a field passage stays attached while edited around, and detaches once deleted', () => {
    const { doc, text } = fieldDoc();
    const from = FIELD.indexOf('the call bell');
    const anchor = fieldAnchor(text, 'what', from, from + 'the call bell'.length);
    text.insert(0, 'Sadly, ');
    text.insert(text.length, ' Often.');
    expect(isDetached(doc, anchor)).toBe(false);
    text.delete(from + 7, 'the call bell'.length);
    expect(isDetached(doc, anchor)).toBe(true);
    expect(anchor.quote).toBe('the call bell');
  });

  it('a field passage detaches when the field itself is replaced', () => {
    const { doc, text } = fieldDoc();
    const anchor = fieldAnchor(text, 'what', 0, 8);
    doc.getMap('fields').set('what', new Y.Text('Something else'));
    expect(isDetached(doc, anchor)).toBe(true);
  });

  it('a section passage across two paragraphs stays attached until its words are gone', () => {
    const { doc, texts } = sectionDoc(['Patients fall at night.', 'The call bell is far away.']);
    const [first, second] = texts;
    if (!first || !second) throw new Error('no paragraphs');
    const anchor = sectionAnchor([first, 9], [second, 13], 'fall at night. The call bell');
    expect(isDetached(doc, anchor)).toBe(false);
    first.insert(0, 'Older ');
    expect(isDetached(doc, anchor)).toBe(false);
    first.delete(6 + 9, first.length - 6 - 9);
    second.delete(0, 13);
    expect(isDetached(doc, anchor)).toBe(true);
  });

  it('a section passage detaches when its paragraph is deleted', () => {
    const { doc, texts } = sectionDoc(['Keep this.', 'The call bell is far away.']);
    const [, second] = texts;
    if (!second) throw new Error('no paragraph');
    const anchor = sectionAnchor([second, 0], [second, 13], 'The call bell');
    expect(isDetached(doc, anchor)).toBe(false);
    doc.getXmlFragment('text.description').delete(1, 1);
    expect(isDetached(doc, anchor)).toBe(true);
  });

  it('says nothing is detached while the text it points into has not arrived yet', () => {
    const { doc, texts } = sectionDoc(['The call bell is far away.']);
    const [text] = texts;
    if (!text) throw new Error('no paragraph');
    const anchor = sectionAnchor([text, 0], [text, 13], 'The call bell');
    const loading = new Y.Doc();
    expect(isDetached(loading, anchor)).toBe(false);
    Y.applyUpdate(loading, Y.encodeStateAsUpdate(doc));
    expect(isDetached(loading, anchor)).toBe(false);
    text.delete(0, 13);
    Y.applyUpdate(loading, Y.encodeStateAsUpdate(doc));
    expect(isDetached(loading, anchor)).toBe(true);
  });

  it('an anchor whose positions cannot be read is detached, never an error', () => {
    const { doc } = sectionDoc(['Words.']);
    expect(
      isDetached(doc, { target: 'text.description', start: '!!', end: '!!', quote: 'Words' }),
    ).toBe(true);
  });
});

describe('textOffset', () => {
  it('counts the characters before a position in document order', () => {
    const { doc, texts } = sectionDoc(['abc', 'defg', 'hi']);
    const fragment = doc.getXmlFragment('text.description');
    const [a, b, c] = texts;
    if (!a || !b || !c) throw new Error('no paragraphs');
    expect(textOffset(fragment, a, 2)).toBe(2);
    expect(textOffset(fragment, b, 1)).toBe(4);
    expect(textOffset(fragment, c, 0)).toBe(7);
    expect(textOffset(fragment, fragment, 2)).toBe(7);
    expect(textOffset(fragment, new Y.Doc().getText('elsewhere'), 0)).toBeNull();
  });
});
