/** The ramp table as HTML (no browser): order, indentation, words for decisions, links. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CycleSummary } from '../../client/features/pdsa/cycle-summary';
import { RampTable } from '../../client/features/pdsa/RampView';

const cycle = (id: string, label: string, follows: string, more: Partial<CycleSummary> = {}) => ({
  id,
  title: `Rounding ${label}`,
  label,
  follows,
  ideaId: 'idea',
  startDate: null,
  endDate: null,
  scale: '',
  decision: null,
  ...more,
});

const render = (cycles: CycleSummary[], counts = { loading: 0 }) =>
  renderToStaticMarkup(
    createElement(RampTable, {
      ideaId: 'idea',
      summaries: { cycles, ...counts },
      itemHref: (id: string) => `/items/${id}`,
    }),
  );

/** Each body row's cells as text, without the narrow-screen column names. */
function rows(html: string): string[][] {
  const body = html.split('<tbody')[1] ?? '';
  return body
    .split('<tr')
    .slice(1)
    .map((row) =>
      row
        .split('<td')
        .slice(1)
        .map((cell) =>
          cell
            .replace(/<span class="nhsuk-table__heading"[^>]*>.*?<\/span>/, '')
            .replace(/<[^>]+>/g, '')
            .replace(/^[^>]*>/, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
    );
}

describe('the PDSA ramp table', () => {
  it('lists only this idea’s cycles in ramp order, with dates, scale, decisions in words and links', () => {
    const html = render([
      cycle('c2b', '2b', '2', { decision: 'abandon' }),
      cycle('c1', '1', '', {
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        scale: 'One patient',
        decision: 'adapt',
      }),
      cycle('c2a', '2a', '2', { decision: 'adopt' }),
      cycle('c2', '2', '1', { startDate: '2026-03-09' }),
      cycle('other', '1', '', { ideaId: 'another idea' }),
      cycle('c9', '9', '8'),
    ]);
    expect(rows(html)).toEqual([
      ['Cycle 1 Rounding 1', 'First cycle', '2 March 2026 to 6 March 2026', 'One patient', 'Adapt'],
      ['Cycle 2 Rounding 2', 'Cycle 1', 'From 9 March 2026', 'Not set', 'Not decided yet'],
      ['↳ Cycle 2a Rounding 2a', 'Cycle 2', 'Not set', 'Not set', 'Adopt'],
      ['↳ Cycle 2b Rounding 2b', 'Cycle 2', 'Not set', 'Not set', 'Abandon'],
      ['Cycle 9 Rounding 9', 'Cycle 8 (not in this ramp)', 'Not set', 'Not set', 'Not decided yet'],
    ]);
    expect(html).toContain('href="/items/c2a"');
    expect(html).not.toContain('/items/other');
    // Branches are indented; the arrow is decoration, the "Follows" column says it in words.
    expect(html).toMatch(/padding-left:1.5rem[\s\S]*aria-hidden="true">↳/);
    expect(html).toContain('nhsuk-tag--green');
  });

  it('says what is still being read, and when there is no cycle', () => {
    expect(render([], { loading: 1 })).toContain(
      'One PDSA cycle of this lab is still being read, so it may be missing here.',
    );
    const partial = render([cycle('c1', '1', '')], { loading: 2 });
    expect(rows(partial)).toHaveLength(1);
    expect(partial).toContain('2 PDSA cycles of this lab are still being read');
    const empty = render([cycle('x', '1', '', { ideaId: 'another idea' })]);
    expect(empty).toContain('No PDSA cycles test this change idea yet.');
    expect(empty).not.toContain('still being read');
  });
});
