import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { followOptions, summarise } from '../../client/features/pdsa/cycle-summary';
import {
  AS_PLANNED_OPTIONS,
  choiceLabel,
  cycleName,
  DECISION_OPTIONS,
  dateRange,
  decisionTagClass,
  formatDay,
} from '../../client/features/pdsa/pdsa-words';
import { fragmentNodes, plainText } from '../../client/features/pdsa/rich-text-nodes';
import { syncServerUrl as syncEndpoint } from '../../client/lib/background-doc';
import type { ItemFacts } from '../../shared/schemas/records';
import { PDSA_DECISIONS } from '../../shared/documents/item-kinds';
import { SYNC_PATH_PREFIX } from '../../shared/protocol';

describe('PDSA words', () => {
  it('names every decision in words, with a distinct tag, and "Not decided yet" otherwise', () => {
    const labels = PDSA_DECISIONS.map((decision) => choiceLabel(DECISION_OPTIONS, decision));
    expect(labels).toEqual(['Adopt', 'Adapt', 'Abandon']);
    expect(new Set(PDSA_DECISIONS.map(decisionTagClass)).size).toBe(3);
    expect(choiceLabel(DECISION_OPTIONS, null)).toBe('Not decided yet');
    expect(choiceLabel(DECISION_OPTIONS, 'spread')).toBe('Not decided yet');
    expect(decisionTagClass('spread')).toBe('nhsuk-tag nhsuk-tag--grey');
    expect(choiceLabel(AS_PLANNED_OPTIONS, 'no')).toBe('No');
    expect(choiceLabel(AS_PLANNED_OPTIONS, null)).toBe('Not recorded yet');
  });

  it('writes dates as calendar days in NHS.UK style, whatever the time zone', () => {
    expect(formatDay('2026-03-01')).toBe('1 March 2026');
    expect(formatDay('not a date')).toBe('');
    expect(formatDay(null)).toBe('');
    expect(dateRange('2026-03-03', '2026-03-09')).toBe('3 March 2026 to 9 March 2026');
    expect(dateRange('2026-03-03', '2026-03-03')).toBe('3 March 2026');
    expect(dateRange('2026-03-03', null)).toBe('From 3 March 2026');
    expect(dateRange(null, '2026-03-09')).toBe('Until 9 March 2026');
    expect(dateRange(null, null)).toBe('Not set');
  });

  it('names a cycle by its label, else by its title', () => {
    expect(cycleName(' 2a ', 'Rounding, cycle 2a')).toBe('Cycle 2a');
    expect(cycleName('', 'Rounding')).toBe('Rounding');
    expect(cycleName('', ' ')).toBe('Untitled cycle');
  });
});

describe('cycle summaries for the ramp and the "follows" choice', () => {
  const items: Array<{ id: string; title: string; facts: ItemFacts | null }> = [
    {
      id: 'c1',
      title: 'Rounding 1',
      facts: { label: '1', follows: '', ideaId: 'idea-a', decision: 'adapt' },
    },
    {
      id: 'c2',
      title: 'Rounding 2',
      facts: { label: '2', follows: '1', ideaId: 'idea-a', startDate: '2026-03-01' },
    },
    { id: 'c3', title: 'Other idea', facts: { label: '1', follows: '', ideaId: 'idea-b' } },
    { id: 'c4', title: 'Not read yet', facts: null },
    { id: 'c6', title: 'Rounding again', facts: { label: '1 ', follows: '', ideaId: 'idea-a' } },
  ];

  it('counts the cycles whose facts the server has not read yet and reads the rest', () => {
    const summary = summarise(items);
    expect(summary.loading).toBe(1);
    expect(summary.cycles.map((cycle) => cycle.id)).toEqual(['c1', 'c2', 'c3', 'c6']);
    expect(summary.cycles[1]).toMatchObject({
      label: '2',
      follows: '1',
      ideaId: 'idea-a',
      startDate: '2026-03-01',
      endDate: null,
      scale: '',
      decision: null,
    });
    expect(summarise([{ id: 'new', title: '', facts: null }]).loading).toBe(1);
  });

  it('offers the same idea’s other cycles once per label, in label order, and none without an idea', () => {
    const { cycles } = summarise(items);
    expect(followOptions(cycles, 'idea-a')).toEqual([
      { label: '1', title: 'Rounding 1' },
      { label: '2', title: 'Rounding 2' },
    ]);
    expect(followOptions(cycles, null)).toEqual([]);
  });

  it('connects to the sync endpoint of the page’s own site', () => {
    const path = SYNC_PATH_PREFIX.replace(/\/$/, '');
    expect(syncEndpoint({ protocol: 'https:', host: 'lab.example.org' })).toBe(
      `wss://lab.example.org${path}`,
    );
    expect(syncEndpoint({ protocol: 'http:', host: '127.0.0.1:8787' })).toBe(
      `ws://127.0.0.1:8787${path}`,
    );
  });
});

describe('rich text for readers', () => {
  it('reads paragraphs, headings, lists, marks and safe links without changing the document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('text.observations');
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Night shift')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('Bay B')]);
    item.insert(0, [inner]);
    list.insert(0, [item]);
    fragment.insert(0, [heading, paragraph, list]);
    text.insert(0, 'Patients slept ');
    text.insert(15, 'better', { bold: {} });
    text.insert(21, ' (log)', { link: { href: 'https://example.org/log' } });
    text.insert(27, ' x', { link: { href: 'javascript:alert(1)' } });
    const before = Y.encodeStateVector(doc);

    const nodes = fragmentNodes(fragment);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(nodes.map((node) => (node.kind === 'element' ? node.name : 'text'))).toEqual([
      'heading',
      'paragraph',
      'bulletList',
    ]);
    expect(nodes[0]).toMatchObject({ level: 2 });
    const runs = nodes[1]?.kind === 'element' ? nodes[1].children : [];
    expect(runs).toEqual([
      { kind: 'text', text: 'Patients slept ', marks: [], href: null },
      { kind: 'text', text: 'better', marks: ['bold'], href: null },
      { kind: 'text', text: ' (log)', marks: ['link'], href: 'https://example.org/log' },
      { kind: 'text', text: ' x', marks: ['link'], href: null },
    ]);
    expect(plainText(nodes)).toBe('Night shiftPatients slept better (log) xBay B');
    expect(plainText(fragmentNodes(doc.getXmlFragment('text.empty')))).toBe('');
  });
});
