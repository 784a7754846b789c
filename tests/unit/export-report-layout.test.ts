/**
 * The lab report's layout before any format: the order of its chapters, the summary
 * page first, reviewers' comments as threads with what the team did, a single item
 * with its lab, and a note's own headings below the note's.
 */
import { describe, expect, it } from 'vitest';
import { itemReportDocument, labReportDocument } from '../../server/export/report-layout';

import { demoItems, headings, labReport } from '../helpers/demo-report';

describe('the lab report layout', () => {
  it('orders the report: summary, problem and aim, drivers, causes, the process, ideas with their ramps, measures, notes, people', async () => {
    const doc = labReportDocument(labReport(await demoItems()));
    expect(headings(doc.blocks).filter((h) => /^[12] /.test(h))).toEqual([
      '1 Ward 7 falls',
      '2 Summary',
      '2 Problem and aim',
      '2 Driver diagram',
      '2 Causes',
      '2 How the process runs',
      '2 Change ideas and PDSA cycles',
      '2 Measures',
      '2 Notes',
      '2 Who took part',
      "2 Reviewers' comments",
    ]);
    const all = headings(doc.blocks);
    const rounding = all.indexOf('3 Intentional rounding at night with a toilet offer');
    const ramp = [
      '5 Cycle 1: Rounding, cycle 1',
      '5 Cycle 2: Rounding, cycle 2',
      '5 Cycle 2a: Rounding, cycle 2a',
    ];
    const positions = ramp.map((h) => all.indexOf(h));
    expect(rounding).toBeGreaterThan(-1);
    expect(
      positions.every((p, i) => p > rounding && (i === 0 || p > (positions[i - 1] ?? 0))),
    ).toBe(true);
    expect(all.indexOf('3 Call bell within reach, checked at every handover')).toBeGreaterThan(
      positions[2] ?? 0,
    );
    expect(doc.blocks.filter((b) => b.kind === 'chart')).toHaveLength(1);
    expect(
      doc.blocks.some((b) => b.kind === 'table' && b.caption === 'Predictions against results'),
    ).toBe(true);
  });

  it('opens with a summary: the aim, each measure at a glance, the PDSA ramp, learning, next steps and the team', async () => {
    const report = {
      ...labReport(await demoItems()),
      team: [{ name: 'Nia Nurse', profession: 'Nurse' }],
    };
    const blocks = labReportDocument(report).blocks;
    const end = blocks.findIndex(
      (b, i) => i > 0 && b.kind === 'heading' && b.level === 2 && b.text !== 'Summary',
    );
    const summary = blocks.slice(0, end);
    expect(headings(summary).filter((h) => h.startsWith('3 '))).toEqual([
      '3 Aim',
      '3 Measures at a glance',
      '3 PDSA ramp',
      '3 Key learning',
      '3 Next steps',
      '3 The team',
    ]);
    const tables = summary.flatMap((b) => (b.kind === 'table' ? [b] : []));
    expect(tables[0]?.head).toEqual(['Measure', 'Latest', 'Variation', 'Assurance', 'Reading']);
    expect(tables[0]?.rows[0]?.slice(0, 3)).toEqual([
      'Falls per 1,000 occupied bed days',
      '4.1 falls per 1,000 bed days (2026-12)',
      'Special cause improvement',
    ]);
    expect(tables[1]?.head).toEqual([
      'Cycle',
      'Change tested',
      'Prediction',
      'What happened',
      'Decision',
    ]);
    expect(tables[1]?.rows.map((row) => [row[0], row[4]])).toEqual([
      ['1', 'Adapt'],
      ['2', 'Adapt'],
      ['2a', 'Adopt'],
    ]);
    expect(summary).toContainEqual({ kind: 'paragraph', text: 'Nia Nurse (Nurse)' });
  });

  it('lists reviewers’ comments as threads under the item they are on, and what the team did', async () => {
    const items = await demoItems();
    const report = labReport(items);
    const comment = {
      itemId: 'demo-problem',
      profession: 'Patient',
      quote: null,
      status: 'open' as const,
      response: null,
    };
    const doc = labReportDocument({
      ...report,
      comments: [
        {
          ...comment,
          id: 'c1',
          replyTo: null,
          author: 'Pat',
          body: 'Ask families too.',
          quote: 'at night',
          status: 'resolved',
          response: 'We added families to the interviews.',
        },
        {
          ...comment,
          id: 'c2',
          replyTo: 'c1',
          author: 'Nia',
          profession: 'Nurse',
          body: 'Good idea.',
        },
        { ...comment, id: 'c3', replyTo: null, author: 'Sam', body: 'What about weekends?' },
      ],
    });
    const texts = doc.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
    expect(texts).toContain('On Falls on Ward 7: problem and aim');
    expect(texts).toContain('at night');
    // A reply is part of its thread, not a comment of its own.
    const thread = texts.slice(texts.indexOf('Pat (Patient), Resolved'));
    expect(thread.slice(0, 5)).toEqual([
      'Pat (Patient), Resolved',
      'at night',
      'Ask families too.',
      'Reply from Nia (Nurse): Good idea.',
      'We did: We added families to the interviews.',
    ]);
    expect(texts).toContain('Sam (Patient), Open');
    expect(texts.filter((text) => text.includes('Open'))).toHaveLength(1);
    const table = doc.blocks.find((b) => b.kind === 'table' && b.head[1] === 'You said');
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        'Falls on Ward 7: problem and aim',
        'Ask families too. (Pat)',
        'We added families to the interviews.',
      ],
    ]);
  });

  it('exports a single item with its lab for context', async () => {
    const items = await demoItems();
    const measure = items.find((item) => item.kind === 'measure');
    if (!measure) throw new Error('no measure');
    const doc = itemReportDocument({
      lab: labReport(items).lab,
      exportedAt: '2026-11-20T10:00:00Z',
      item: measure,
    });
    expect(doc.title).toBe('Falls per 1,000 occupied bed days');
    expect(headings(doc.blocks)).toEqual([
      '1 Falls per 1,000 occupied bed days',
      '2 Marks on the chart',
      '2 Signals',
      '2 Data',
    ]);
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', style: 'meta' });
    expect(doc.blocks[1]?.kind === 'paragraph' && doc.blocks[1].text).toContain('“Ward 7 falls”');
  });

  it('places a note’s own headings below the note’s heading', async () => {
    const doc = labReportDocument(labReport(await demoItems()));
    const noteHeading = doc.blocks.findIndex(
      (b) => b.kind === 'heading' && b.text === 'Reducing inpatient falls on Ward 7',
    );
    expect(doc.blocks[noteHeading]).toMatchObject({ level: 3 });
    expect(doc.blocks[noteHeading + 1]).toMatchObject({ kind: 'rich', headingBase: 3 });
  });
});
