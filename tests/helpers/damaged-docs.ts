/**
 * Item documents of every kind, each holding sound content and damage that breaks
 * its kind's schema: what a document stored before the server checked updates (or
 * written into storage by other means) can hold. The damage is made on a second
 * copy that never asked for the section's rich-text type, as a faulty client would.
 */
import * as Y from 'yjs';
import { addRow, fieldText, initItemDoc, section } from '../../shared/documents/item-doc';
import type { ItemKind } from '../../shared/schemas/records';

export interface DamagedDoc {
  /** The whole state, to store as one update. */
  readonly state: Uint8Array;
  /** Text of sound content every reader must still show. */
  readonly kept: readonly string[];
  /** How many problems `shapeProblems` reports. */
  readonly problems: number;
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function sound(kind: ItemKind): Y.Doc {
  const doc = new Y.Doc();
  initItemDoc(doc, kind, `Damaged ${kind}`);
  switch (kind) {
    case 'problem':
      fieldText(doc, 'who').insert(0, 'Older patients on ward 7');
      section(doc, 'description').insert(0, [paragraph('Falls rose over the winter')]);
      break;
    case 'drivers':
      addRow(doc, 'drivers', 'nodes', 'n1', { type: 'aim', label: 'Fewer falls at night' });
      addRow(doc, 'drivers', 'nodes', 'n2', { type: 'primary', label: 'Safe surroundings' });
      addRow(doc, 'drivers', 'edges', 'e1', { from: 'n2', to: 'n1', strength: 'strong' });
      break;
    case 'idea':
      fieldText(doc, 'owner').insert(0, 'Night sister');
      addRow(doc, 'idea', 'drivers', 'l1', { nodeId: 'n2' });
      break;
    case 'pdsa':
      addRow(doc, 'pdsa', 'questions', 'q1', { question: 'Will staff use the checklist?' });
      addRow(doc, 'pdsa', 'tasks', 't1', { what: 'Print the checklist' });
      break;
    case 'measure':
      fieldText(doc, 'unit').insert(0, 'falls');
      addRow(doc, 'measure', 'points', 'p1', { period: '2026-01', value: 3 });
      addRow(doc, 'measure', 'points', 'p2', { period: '2026-02', value: 5 });
      break;
    case 'note':
      section(doc, 'body').insert(0, [paragraph('Met the ward team on Tuesday')]);
      break;
    case 'fishbone':
      fieldText(doc, 'effect').insert(0, 'Falls at night');
      addRow(doc, 'fishbone', 'categories', 'c1', { label: 'Environment' });
      addRow(doc, 'fishbone', 'causes', 'k1', { label: 'Dim lighting', parent: 'c1' });
      break;
    case 'process':
      addRow(doc, 'process', 'lanes', 'l1', { label: 'Porters' });
      addRow(doc, 'process', 'steps', 's1', { type: 'start', label: 'Bed requested', lane: 'l1' });
      break;
    case 'workshop':
      addRow(doc, 'workshop', 'clusters', 'c1', { label: 'Staffing' });
      addRow(doc, 'workshop', 'notes', 'w1', { text: 'Too few staff at night', cluster: 'c1' });
      break;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
  return doc;
}

const KEPT: Record<ItemKind, readonly string[]> = {
  problem: ['Older patients on ward 7'],
  drivers: ['Fewer falls at night', 'Safe surroundings'],
  idea: ['Damaged idea'],
  pdsa: ['Will staff use the checklist?', 'Print the checklist'],
  measure: ['2026-01', '2026-02'],
  note: ['Damaged note'],
  fishbone: ['Dim lighting'],
  process: ['Bed requested'],
  workshop: ['Too few staff at night'],
};

function damage(doc: Y.Doc, kind: ItemKind): number {
  const fields = doc.getMap('fields');
  switch (kind) {
    case 'problem':
      fields.set('what', new Y.Map());
      doc.getArray('text.description').push(['plain string']);
      return 2;
    case 'drivers': {
      const bad = new Y.Map<unknown>();
      bad.set('id', { object: true });
      bad.set('type', 'primary');
      doc.getArray('list.nodes').push(['a string node', bad]);
      return 1;
    }
    case 'idea':
      fields.set('status', 'maybe'); // read as unset, and noticed
      doc.getArray('list.drivers').push([42]);
      return 2;
    case 'pdsa': {
      const row = new Y.Map<unknown>();
      row.set('id', 'q2');
      row.set('question', new Y.Map());
      doc.getArray('list.questions').push([row]);
      doc.getArray('list.tasks').push([new Y.Array()]);
      return 2;
    }
    case 'measure': {
      const row = new Y.Map<unknown>();
      row.set('id', 'p3');
      row.set('value', 'twelve');
      doc.getArray('list.points').push(['12', row]);
      doc.getMap('meta').set('kind', 'note');
      return 2;
    }
    case 'fishbone': {
      const bad = new Y.Map<unknown>();
      bad.set('id', 'k2');
      bad.set('label', 42);
      doc.getArray('list.causes').push([bad]);
      return 1;
    }
    case 'process': {
      const bad = new Y.Map<unknown>();
      bad.set('id', 's2');
      bad.set('type', 'teleport');
      doc.getArray('list.steps').push([bad, 'a string step']);
      return 1;
    }
    case 'workshop': {
      const bad = new Y.Map<unknown>();
      bad.set('id', 'w2');
      bad.set('cluster', 42);
      doc.getArray('list.notes').push([bad]);
      return 1;
    }
    case 'note': {
      const body = doc.getArray<unknown>('text.body');
      const paragraph = body.get(0);
      if (paragraph instanceof Y.XmlElement) paragraph.insert(0, ['loose text' as never]);
      body.push(['not rich text']);
      return 1;
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}

export function damagedDoc(kind: ItemKind): DamagedDoc {
  const good = sound(kind);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(good));
  good.destroy();
  const problems = damage(copy, kind);
  const state = Y.encodeStateAsUpdate(copy);
  copy.destroy();
  return { state, kept: KEPT[kind], problems };
}
