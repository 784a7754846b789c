/**
 * The guardrail over an item's document and in the browser's forms: the findings of
 * one field or rich-text section, every text of a document redacted for an export
 * (fields, sections with formatting, lists' rows, the title; other values left
 * alone), what "Remove it" leaves of a comment, and the plain explanations.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { withoutFindings } from '../../client/lib/personal-data';
import { addRow, fieldText, initItemDoc, readTitle } from '../../shared/documents/item-doc';
import { explainFindings } from '../../shared/personal-data/explain';
import { findInTarget, plainText, redactDocument } from '../../shared/personal-data/doc-text';
import { findPersonalData } from '../../shared/personal-data/rules';

const rules = { today: '2026-12-03', hospitalNumberMasks: ['RX######'] };
const NHS = '943 476 5919';

function paragraph(...runs: Array<[string, Record<string, unknown>?]>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  let at = 0;
  for (const [words, marks] of runs) {
    text.insert(at, words, marks ?? {});
    at += words.length;
  }
  return element;
}

describe('the guardrail over an item’s document', () => {
  it('finds what a field and each paragraph of a section hold, with offsets into each', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'problem', 'Falls');
    fieldText(doc, 'what').insert(0, `Patient ${NHS} fell.`);
    doc
      .getXmlFragment('text.description')
      .insert(0, [
        paragraph(['Nothing here.']),
        paragraph(['Seen as ', {}], ['RX123456', { bold: true }], [' twice.']),
      ]);
    expect(findInTarget(doc, 'fields.what', rules)).toEqual([
      { kind: 'nhs_number', start: 8, end: 20, text: NHS },
    ]);
    expect(findInTarget(doc, 'text.description', rules)).toEqual([
      { kind: 'hospital_number', start: 8, end: 16, text: 'RX123456' },
    ]);
    expect(findInTarget(doc, 'fields.nothing', rules)).toEqual([]);
  });

  it('redacts every text of a document, keeping formatting and other values', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'measure', `Falls of ${NHS}`);
    addRow(doc, 'measure', 'points', 'p1', {
      period: '01/02/2001',
      value: 3,
      note: `Fell: ${NHS}`,
    });
    doc
      .getXmlFragment('text.notes')
      .insert(0, [
        paragraph(['Call ', {}], ['020 7946 0018', { italic: true }], [' or write to a@b.org']),
      ]);
    const count = redactDocument(doc, rules, '[removed]');
    expect(count).toBe(4);
    expect(readTitle(doc)).toBe('Falls of [removed]');
    const row = doc.getArray<Y.Map<unknown>>('list.points').get(0);
    expect(String(row.get('note'))).toBe('Fell: [removed]');
    // A period long ago is the chart's data, never taken for a date of birth.
    expect(String(row.get('period'))).toBe('01/02/2001');
    const text = doc.getXmlFragment('text.notes').get(0) as Y.XmlElement;
    const runs = (text.get(0) as Y.XmlText).toDelta() as Array<{ insert: string }>;
    expect(runs.map((run) => run.insert).join('')).toBe('Call [removed] or write to [removed]');
    expect(findPersonalData(plainText(text.get(0) as Y.XmlText), rules)).toEqual([]);
  });
});

describe('“Remove it” in a comment', () => {
  it.each([
    [`My dad, NHS number ${NHS}, fell.`, 'My dad, NHS number, fell.'],
    [`${NHS} fell twice`, 'fell twice'],
    [`Email a@b.org or call 020 7946 0018 today`, 'Email or call today'],
  ])('%s becomes %s', (text, expected) => {
    expect(withoutFindings(text, findPersonalData(text, rules))).toBe(expected);
  });
});

describe('explanations', () => {
  it('says what each kind is and who will see it, in plain words', () => {
    expect(explainFindings(['nhs_number'], 'comment')).toBe(
      'This looks like an NHS number. Please remove it: comments are seen by the lab team and may be shared.',
    );
    expect(explainFindings(['postcode', 'phone', 'postcode'], 'field')).toBe(
      'This looks like it includes a postcode and a phone number. Please remove them: this text is seen by the lab team and may be shared in reports.',
    );
  });
});
