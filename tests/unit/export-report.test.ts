/**
 * What a lab report says, before any format: the aim as one SMART sentence, the
 * PDSA ramp in order, the driver diagram as an outline, each measure's chart
 * with its signals, items read from their documents (old schemas included), and
 * where a workshop board's clusters and notes went.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import { reportedItems } from '../../server/export/build-report';
import { driverOutline, type OutlineItem, readDiagram } from '../../server/export/driver-diagram';
import { measureChart } from '../../server/export/measure-chart';
import { measurePoints, measureSettings } from '../../server/export/measure-rows';
import { orderRamp } from '../../server/export/pdsa-ramp';
import { readItem } from '../../server/export/read-item';
import { richPlainText } from '../../server/export/rich-text';
import { workshopBlocks } from '../../server/export/workshop-blocks';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import { addRow, initItemDoc } from '../../shared/documents/item-doc';
import { LEGACY_NOTE_BODY } from '../../shared/documents/names';

import { demoItems } from '../helpers/demo-report';

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

describe('a workshop board in a report', () => {
  it('says where each cluster and note went: a change idea, a driver, a cause', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'workshop', 'Night-time workshop');
    // As the server writes them (`workshop-routes.ts`, `workshop-outcomes.ts`).
    addRow(doc, 'workshop', 'clusters', 'c1', {
      label: 'Noise',
      ideaId: 'idea-1',
      driverDiagram: 'd1',
      driverNode: 'n1',
    });
    addRow(doc, 'workshop', 'notes', 'w1', {
      text: 'Doors bang',
      cluster: 'c1',
      causeFishbone: 'f1',
      causeNode: 'k1',
    });
    addRow(doc, 'workshop', 'notes', 'w2', { text: 'Bells' });
    const report = readItem(doc, { id: 'b', kind: 'workshop', title: 'Night-time workshop' });
    if (report.kind !== 'workshop') throw new Error('not read as a workshop board');
    const list = workshopBlocks(report).find((block) => block.kind === 'list');
    expect(list?.kind === 'list' ? outlineText(list.items) : []).toEqual([
      'Noise → became a change idea; added as a driver',
      '  Doors bang → added as a cause',
      'Not grouped',
      '  Bells',
    ]);
  });
});
