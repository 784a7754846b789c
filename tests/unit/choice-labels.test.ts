/** Every stored choice of every kind has words people read, the same on screen and in exports. */
import { describe, expect, it } from 'vitest';
import { CHOICE_LABELS } from '../../shared/documents/choice-labels';
import { KINDS } from '../../shared/documents/item-kinds';
import { PHASE_LABELS } from '../../shared/labels';
import { LAB_PHASES } from '../../shared/roles';

/** Shown by the chart's name in words ("Run chart, IHI rules"), never as a fact of their own. */
const NAMED_BY_THE_CHART = new Set(['chart', 'rules', 'controlChart']);

describe('words for stored choices', () => {
  for (const [kind, spec] of Object.entries(KINDS)) {
    const fields = [
      ...Object.entries(spec.fields),
      ...Object.values(spec.lists).flatMap((list) => Object.entries(list.columns)),
    ];
    for (const [name, field] of fields) {
      if (field.type !== 'choice' || NAMED_BY_THE_CHART.has(name)) continue;
      it(`${kind}.${name}: every option has words`, () => {
        const words = CHOICE_LABELS[kind as keyof typeof CHOICE_LABELS][name] ?? {};
        for (const option of field.options) expect(words[option], option).toMatch(/^[A-Z]/);
      });
    }
  }

  it('every lab phase has words', () => {
    for (const phase of LAB_PHASES) expect(PHASE_LABELS[phase]).toMatch(/^[A-Z]/);
  });
});
