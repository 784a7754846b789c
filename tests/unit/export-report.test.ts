/**
 * What a lab report says, before any format: the aim as one SMART sentence, the
 * PDSA ramp in order, the driver diagram as an outline, each measure's chart
 * with its signals, and items read from their documents (old schemas included).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import type { Block } from '../../server/export/blocks';
import { readItems, reportedItems } from '../../server/export/build-report';
import { createDocReader } from '../../server/export/doc-reader';
import { driverOutline, type OutlineItem, readDiagram } from '../../server/export/driver-diagram';
import { measureChart } from '../../server/export/measure-chart';
import { measurePoints, measureSettings } from '../../server/export/measure-rows';
import { orderRamp } from '../../server/export/pdsa-ramp';
import { readItem } from '../../server/export/read-item';
import { itemReportDocument, labReportDocument } from '../../server/export/report-layout';
import type { ItemReport, LabReport } from '../../server/export/report-model';
import { richPlainText } from '../../server/export/rich-text';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import { initItemDoc } from '../../shared/documents/item-doc';
import { LEGACY_NOTE_BODY } from '../../shared/documents/names';

async function demoItems(): Promise<ItemReport[]> {
  const store = createMemoryDocStore();
  for (const item of DEMO_ITEMS) await store.append(item.id, buildDemoDoc(item).update).durable;
  return readItems(createDocReader(store), DEMO_ITEMS);
}

function labReport(items: ItemReport[]): LabReport {
  return {
    lab: {
      title: 'Ward 7 falls',
      challenge: 'How might we reduce falls at night?',
      phase: 'test',
      startDate: '2026-09-01',
      endDate: null,
    },
    exportedAt: '2026-11-20T10:00:00.000Z',
    items,
    participants: [{ profession: 'Nurse', count: 2 }],
    comments: [],
  };
}

const headings = (blocks: readonly Block[]) =>
  blocks.flatMap((block) => (block.kind === 'heading' ? [`${block.level} ${block.text}`] : []));

const outlineText = (items: readonly OutlineItem[], depth = 0): string[] =>
  items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.text}`,
    ...outlineText(item.children, depth + 1),
  ]);

describe('the aim as a SMART sentence', () => {
  // The sentence itself is built by shared/documents/aim-sentence.ts, as on screen.
  it('is read from the problem statement’s fields', () => {
    const doc = new Y.Doc();
    const problem = DEMO_ITEMS.find((item) => item.kind === 'problem');
    if (!problem) throw new Error('no problem in the demo');
    Y.applyUpdate(doc, buildDemoDoc(problem).update);
    const report = readItem(doc, problem);
    expect(report.kind === 'problem' && report.aim).toBe(
      'Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027.',
    );
  });

  it('is absent until "what will improve" is filled in', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'problem', 'Empty');
    const report = readItem(doc, { id: 'p', kind: 'problem', title: 'Empty' });
    expect(report.kind === 'problem' && report.aim).toBeNull();
  });
});

describe('the PDSA ramp', () => {
  const cycle = (label: string, follows: string) => ({ label, follows });

  it('puts each cycle after the one it follows, siblings in natural order', () => {
    const cycles = [
      cycle('10', ''),
      cycle('2b', '2'),
      cycle('2', '1'),
      cycle('3', '2'),
      cycle('1', ''),
      cycle('2a', '2'),
      cycle('x', 'missing'),
    ];
    expect(orderRamp(cycles).map(({ cycle: c, depth }) => `${depth}:${c.label}`)).toEqual([
      '0:1',
      '1:2',
      '2:2a',
      '2:2b',
      '2:3',
      '0:10',
      '0:x',
    ]);
  });

  it('matches labels without regard to case or spaces, and lists unlabelled cycles last', () => {
    const ordered = orderRamp([cycle('', ''), cycle('B', ' a '), cycle('A', '')]);
    expect(ordered.map(({ cycle: c, depth }) => `${depth}:${c.label}`)).toEqual([
      '0:A',
      '1:B',
      '0:',
    ]);
  });

  it('shows every cycle even when their links loop', () => {
    const ordered = orderRamp([cycle('a', 'b'), cycle('b', 'a'), cycle('c', 'c')]);
    expect(ordered.map(({ cycle: c }) => c.label).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('the driver diagram outline', () => {
  it('reads aim → primary → secondary → change ideas with strong and weak links', async () => {
    const items = await demoItems();
    const drivers = items.find((item) => item.kind === 'drivers');
    if (drivers?.kind !== 'drivers') throw new Error('no driver diagram in the demo');
    const lines = outlineText(driverOutline(drivers.diagram));
    expect(lines[0]).toBe('Aim: Reduce falls to 4.0 per 1,000 bed days by March');
    expect(lines).toContain(
      '  Primary driver: Patients can get help when they need it (strong link)',
    );
    expect(lines).toContain('    Secondary driver: Call bell always within reach (strong link)');
    expect(lines).toContain('      Change idea: “My mobility” card (weak link)');
    // A driver under two parents appears under both, with each link's strength.
    expect(lines).toContain(
      '    Secondary driver: Toilet needs met before patients get up alone (weak link)',
    );
    expect(lines).toContain(
      '    Secondary driver: Toilet needs met before patients get up alone (strong link)',
    );
  });

  it('cuts loops and lists nodes linked to nothing', () => {
    const diagram = readDiagram(
      [
        { id: 'a', type: 'aim', label: 'Aim', ideaId: null },
        { id: 'p', type: 'primary', label: 'P', ideaId: null },
        { id: 's', type: 'secondary', label: 'S', ideaId: null },
        { id: 'lonely', type: 'idea', label: 'Lonely idea', ideaId: null },
      ],
      [
        { from: 'p', to: 'a', strength: 'strong' },
        { from: 's', to: 'p', strength: 'weak' },
        { from: 'p', to: 's', strength: 'strong' },
      ],
    );
    expect(outlineText(driverOutline(diagram))).toEqual([
      'Aim: Aim',
      '  Primary driver: P (strong link)',
      '    Secondary driver: S (weak link)',
      'Not linked to the aim',
      '  Change idea: Lonely idea',
    ]);
  });
});

describe('items read from their documents', () => {
  it('reads every demo item with its facts, sections, rows and chart', async () => {
    const items = await demoItems();
    const problem = items.find((item) => item.kind === 'problem');
    expect(problem?.kind === 'problem' && problem.aim).toMatch(/^Reduce inpatient falls/);
    expect(problem?.facts.map((fact) => fact.label)).toContain('What is the problem?');
    expect(problem?.facts.map((fact) => fact.label)).not.toContain('Baseline');

    const cycle = items.find((item) => item.kind === 'pdsa' && item.label === '2a');
    if (cycle?.kind !== 'pdsa') throw new Error('no cycle 2a');
    expect(cycle.follows).toBe('2');
    expect(cycle.ideaId).toBe('demo-idea-rounding');
    expect(cycle.decision).toBe('adopt');
    expect(cycle.questions[0]?.cells.result).toBe('93% completed');
    expect(cycle.sections.map((s) => s.label)).toEqual([
      'Observations',
      'Summary of learning',
      'Next cycle',
    ]);

    const measure = items.find((item) => item.kind === 'measure');
    if (measure?.kind !== 'measure' || !measure.chart) throw new Error('no measure chart');
    expect(measure.points).toHaveLength(12);
    expect(measure.chart.points).toHaveLength(12);
    expect(measure.chart.summary).toMatch(
      /^Run chart, IHI rules of Falls per 1,000 occupied bed days: 12 points/,
    );
    expect(measure.chart.signals.map((signal) => signal.rule)).toEqual([
      'shift',
      'too_few_runs',
      'shift',
    ]);
    expect(measure.chart.points[9]?.note).toBe('Rounding cycle 2');
  });

  it('charts a measure with its own settings: XmR, proportions, exclusions with reasons, re-basing', () => {
    const settings = measureSettings({
      chart: 'xmr',
      rules: null,
      baseline: 2.5,
      recordedAs: 'proportions',
      direction: 'up',
      target: 0.9,
    });
    expect(settings).toEqual({
      rules: 'mdc',
      controlChart: 'xmr',
      baseline: null,
      recordedAs: 'proportions',
      direction: 'up',
      target: 0.9,
    });
    expect(measureSettings({}).rules).toBe('ihi');
    const points = measurePoints(
      [
        { period: 'w1', numerator: 8, denominator: 10, note: 'Start' },
        {
          period: 'w2',
          numerator: 7,
          denominator: 10,
          excluded: 'yes',
          excludedReason: 'Audit incomplete',
        },
        { period: 'w3', numerator: 9, denominator: 0 },
        { period: 'w4', numerator: 6, denominator: 10, excluded: 'yes', excludedReason: ' ' },
        { period: 'w5', numerator: 9, denominator: 10, rebaseReason: 'New checklist' },
        { period: 'w6', numerator: 10, denominator: 10 },
      ],
      settings.recordedAs,
    );
    expect(points.map((p) => p.value)).toEqual([0.8, 0.7, null, 0.6, 0.9, 1]);
    expect(points.map((p) => p.excluded)).toEqual([
      null,
      'Audit incomplete',
      null,
      null,
      null,
      null,
    ]);
    expect(points[4]?.rebase).toBe('New checklist');
    const chart = measureChart({ ...settings, title: 'Checklist used', unit: '', points });
    if (!chart) throw new Error('no chart');
    expect(chart.rules).toBe('mdc');
    expect(chart.points.map((p) => p.period)).toEqual(['w1', 'w2', 'w4', 'w5', 'w6']);
    expect(chart.points[1]?.cls).toBe('excluded');
    // A new segment from w5: its centre comes from its own points.
    expect(chart.points[3]?.centre).toBeCloseTo(0.95);
    expect(chart.points[0]?.centre).toBeCloseTo(0.7);
    expect(chart.summary).toContain('5 points from w1 to w6, 1 excluded from the calculations.');
  });

  it('reads a note written before item kinds (schema version 1) from its legacy body', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Old note');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Written long ago')]);
    doc.getXmlFragment(LEGACY_NOTE_BODY).insert(0, [paragraph]);
    const note = readItem(doc, { id: 'n', kind: 'note', title: 'Registry title' });
    expect(note.title).toBe('Old note');
    expect(note.sections.map((s) => richPlainText(s.doc))).toEqual(['Written long ago']);
  });

  it('leaves archived items out of reports, and drafts unless asked for', async () => {
    const meta = createMemoryMetaStore();
    const at = new Date().toISOString();
    const base = {
      labId: 'lab',
      kind: 'note' as const,
      status: 'draft',
      createdAt: at,
      updatedAt: at,
      updatedBy: null,
    };
    await meta.createItem({
      ...base,
      id: 'shared',
      title: 'Shared',
      sharing: 'final',
      order: 2,
      archivedAt: null,
    });
    await meta.createItem({
      ...base,
      id: 'draft',
      title: 'Draft',
      sharing: 'draft',
      order: 1,
      archivedAt: null,
    });
    await meta.createItem({
      ...base,
      id: 'gone',
      title: 'Gone',
      sharing: 'final',
      order: 0,
      archivedAt: at,
    });
    const ids = (drafts: boolean) =>
      reportedItems(meta, 'lab', { drafts, comments: false, participants: false }).map((i) => i.id);
    expect(ids(false)).toEqual(['shared']);
    expect(ids(true)).toEqual(['draft', 'shared']);
  });
});

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
