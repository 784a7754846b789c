/**
 * The glossary is written for a reading age of about 9 to 11 (NHS content style):
 * every definition short, in short sentences of everyday words, and any other
 * quality-improvement word it uses explained in the glossary too.
 */
import { describe, expect, it } from 'vitest';
import { IDEA_STATUS_LABELS, PDSA_DECISION_LABELS } from '../../shared/documents/choice-labels';
import { GLOSSARY, glossaryEntry, KIND_TERMS } from '../../shared/glossary';
import { statusWords } from '../../shared/item-status-words';
import { ITEM_KINDS } from '../../shared/schemas/records';

/**
 * Words of quality improvement, statistics and NHS management that a definition
 * may use only if the glossary explains them (an entry's term contains them).
 */
const JARGON = [
  'pdsa',
  'driver',
  'change idea',
  'pick',
  'run chart',
  'control chart',
  'spc',
  'measure',
  'outcome',
  'balancing',
  'baseline',
  'median',
  'signal',
  'shift',
  'trend',
  'adopt',
  'adapt',
  'abandon',
  'spread',
  'scale',
  'tester',
  'fishbone',
  'process map',
  'node',
  'ramp',
  'aim',
  'facilitator',
  'reviewer',
  // Never used: said in other words.
  'variation',
  'special cause',
  'common cause',
  'iteration',
  'hypothesis',
  'metric',
  'numerator',
  'denominator',
  'intervention',
  'implementation',
  'stakeholder',
  'quadrant',
  'axis',
  'methodology',
  'qi ',
];

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
const words = (text: string) => text.match(/[A-Za-z’']+/g) ?? [];

describe('the glossary', () => {
  it('has one entry per id and per term', () => {
    expect(new Set(GLOSSARY.map((entry) => entry.id)).size).toBe(GLOSSARY.length);
    expect(new Set(GLOSSARY.map((entry) => entry.term.toLowerCase())).size).toBe(GLOSSARY.length);
    for (const entry of GLOSSARY) expect(entry.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('lists its entries A to Z as written, with no sorting when it loads', () => {
    const terms = GLOSSARY.map((entry) => entry.term);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('explains every term the issue names', () => {
    const terms = GLOSSARY.map((entry) => entry.term.toLowerCase());
    for (const wanted of [
      'pdsa cycle',
      'driver diagram',
      'primary driver',
      'secondary driver',
      'change idea',
      'pick chart',
      'run chart',
      'control chart',
      'spc',
      'measure',
      'outcome measure',
      'process measure',
      'balancing measure',
      'aim',
      'baseline',
      'median',
      'signal',
      'shift',
      'trend',
      'adapt',
      'adopt',
      'abandon',
      'scale',
      'tester',
      'fishbone diagram',
      'process map',
      'node',
    ])
      expect(terms).toContain(wanted);
  });

  it('keeps every definition short and plain', () => {
    for (const { term, definition } of GLOSSARY) {
      const all = sentences(definition);
      expect(all.length, term).toBeGreaterThan(0);
      expect(all.length, term).toBeLessThanOrEqual(3);
      for (const sentence of all) {
        expect(words(sentence).length, `${term}: ${sentence}`).toBeLessThanOrEqual(20);
        expect(sentence, term).toMatch(/^[A-Z].*[.]$/);
      }
      expect(words(definition).length, term).toBeLessThanOrEqual(30);
      // Everyday words: nothing longer than "statistical" (spelled out only where SPC is).
      for (const word of words(definition))
        expect(word.length, `${term}: ${word}`).toBeLessThanOrEqual(11);
      // A definition does not lean on its own word to explain it (beyond a name it spells out).
      expect(definition.toLowerCase(), term).not.toContain(`${term.toLowerCase()} is`);
    }
  });

  it('uses no word of the trade that the glossary does not explain', () => {
    const explained = GLOSSARY.map((entry) => entry.term.toLowerCase());
    for (const { term, definition } of GLOSSARY) {
      const text = ` ${definition.toLowerCase()} `;
      for (const jargon of JARGON) {
        if (!text.includes(jargon)) continue;
        const covered = explained.some((known) => known.includes(jargon.trim()));
        expect(covered, `${term} uses “${jargon}”, which the glossary does not explain`).toBe(true);
      }
    }
  });

  it('explains every kind of item but a note, and the words a status is shown in', () => {
    for (const kind of ITEM_KINDS) {
      const term = KIND_TERMS[kind];
      if (kind === 'note') expect(term).toBeNull();
      else expect(term && glossaryEntry(term).term).toBeTruthy();
    }
    expect(statusWords('pdsa', 'adapt', true)).toEqual({ text: 'Decision: adapt', term: 'adapt' });
    expect(statusWords('idea', 'adopted', true)).toEqual({
      text: 'Status: adopted',
      term: 'adopt',
    });
    expect(statusWords('pdsa', 'planned', true)?.text).toBe('Planned, not started');
    // Counts of an item's parts are the team's: a reviewer is not shown "10 nodes".
    expect(statusWords('drivers', '10 nodes', true)).toBeNull();
    expect(statusWords('measure', '3 points', true)).toBeNull();
    expect(statusWords('drivers', '10 nodes', false)?.text).toBe('10 nodes');
    // The same words as the item's own page uses for each choice.
    for (const [code, words] of Object.entries(IDEA_STATUS_LABELS))
      expect(statusWords('idea', code, true)?.text).toBe(`Status: ${words.toLowerCase()}`);
    for (const [code, words] of Object.entries(PDSA_DECISION_LABELS))
      expect(statusWords('pdsa', code, true)?.text).toBe(`Decision: ${words.toLowerCase()}`);
  });
});
