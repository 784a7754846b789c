import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addRow,
  deriveStatus,
  fieldText,
  initItemDoc,
  readFields,
  readRows,
  readSchemaVersion,
  readTitle,
  section,
  setFieldValue,
} from '../../shared/documents/item-doc';
import { KINDS } from '../../shared/documents/item-kinds';
import { migrateItemDoc, needsMigration } from '../../shared/documents/migrate';
import {
  DOCUMENT_SCHEMA_VERSION,
  FIELDS_MAP,
  LEGACY_NOTE_BODY,
} from '../../shared/documents/names';
import { ITEM_KINDS } from '../../shared/schemas/records';

describe('item documents', () => {
  it('creates every text field of every kind as a Y.Text, once', () => {
    for (const kind of ITEM_KINDS) {
      const doc = new Y.Doc();
      initItemDoc(doc, kind, 'Title');
      const texts = Object.entries(KINDS[kind].fields).filter(([, spec]) => spec.type === 'text');
      for (const [name] of texts) expect(fieldText(doc, name)).toBeInstanceOf(Y.Text);
      const before = Y.encodeStateVector(doc);
      initItemDoc(doc, kind);
      expect(Y.encodeStateVector(doc)).toEqual(before);
      expect(readTitle(doc)).toBe('Title');
      expect(readSchemaVersion(doc)).toBe(DOCUMENT_SCHEMA_VERSION);
    }
  });

  it('validates choice, number, date and reference fields and reads bad stored values as null', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'pdsa', 'Cycle 1');
    setFieldValue(doc, 'pdsa', 'decision', 'adapt');
    setFieldValue(doc, 'pdsa', 'startDate', '2026-10-05');
    expect(() => setFieldValue(doc, 'pdsa', 'decision', 'maybe')).toThrow(/not a valid Decision/);
    expect(() => setFieldValue(doc, 'pdsa', 'startDate', '5 Oct')).toThrow();
    expect(() => setFieldValue(doc, 'pdsa', 'objective', 'typed')).toThrow();
    expect(() => setFieldValue(doc, 'pdsa', 'nonsense', 1)).toThrow(/no field/);
    doc.getMap(FIELDS_MAP).set('asPlanned', 'perhaps'); // written by a buggy or hostile client
    const fields = readFields(doc, 'pdsa');
    expect(fields).toMatchObject({
      decision: 'adapt',
      startDate: '2026-10-05',
      asPlanned: null,
      objective: '',
    });
  });

  it('keeps rows with text columns and derives each kind’s status', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'pdsa', 'Cycle 1');
    addRow(doc, 'pdsa', 'questions', 'q1', { question: 'Will it work?', prediction: 'Yes' });
    expect(readRows(doc, 'questions')).toEqual([
      { id: 'q1', question: 'Will it work?', prediction: 'Yes', result: '', learning: '' },
    ]);
    expect(deriveStatus(doc, 'pdsa')).toBe('planned');
    setFieldValue(doc, 'pdsa', 'startDate', '2026-10-05');
    expect(deriveStatus(doc, 'pdsa')).toBe('testing');
    setFieldValue(doc, 'pdsa', 'decision', 'abandon');
    expect(deriveStatus(doc, 'pdsa')).toBe('abandon');
    const idea = new Y.Doc();
    initItemDoc(idea, 'idea', 'Call bells');
    setFieldValue(idea, 'idea', 'status', 'spread');
    expect(deriveStatus(idea, 'idea')).toBe('spread');
    const problem = new Y.Doc();
    initItemDoc(problem, 'problem', 'Falls');
    setFieldValue(problem, 'problem', 'aimTarget', 30);
    expect(deriveStatus(problem, 'problem')).toBe('draft');
    setFieldValue(problem, 'problem', 'aimByWhen', '2027-03-31');
    expect(deriveStatus(problem, 'problem')).toBe('aim set');
  });

  it('migrates a version 1 note: body moved to its section, kind and version set, text kept', () => {
    const old = new Y.Doc();
    old.getMap('meta').set('title', 'Old note');
    old.getMap('meta').set('schemaVersion', 1);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Written before item kinds existed.')]);
    old.getXmlFragment(LEGACY_NOTE_BODY).insert(0, [paragraph]);
    const stored = Y.encodeStateAsUpdate(old);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    expect(needsMigration(doc, 'note')).toBe(true);
    migrateItemDoc(doc, 'note');
    expect(needsMigration(doc, 'note')).toBe(false);
    expect(readSchemaVersion(doc)).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(readTitle(doc)).toBe('Old note');
    expect(section(doc, 'body').toString()).toContain('Written before item kinds existed.');
    expect(doc.getXmlFragment(LEGACY_NOTE_BODY).length).toBe(0);
    const before = Y.encodeStateVector(doc);
    migrateItemDoc(doc, 'note');
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
