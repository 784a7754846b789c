import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ideasByStatus,
  labelOf,
  SOURCE_LABELS,
  summariseIdea,
} from '../../client/features/ideas/idea-model';
import { linkedDrivers } from '../../client/features/ideas/linked-drivers';
import {
  PICK_DESCRIPTIONS,
  PICK_LABELS,
  PICK_QUADRANTS,
  pickQuadrant,
} from '../../shared/documents/pick-quadrant';
import { addRow, fieldText, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { IDEA_STATUSES, KINDS } from '../../shared/documents/item-kinds';
import type { ItemWithRights } from '../../shared/schemas/api-responses';

function ideaItem(id: string, overrides: Partial<ItemWithRights> = {}): ItemWithRights {
  return {
    id,
    labId: 'lab',
    kind: 'idea',
    title: `Idea ${id}`,
    status: 'idea',
    sharing: 'draft',
    order: 1,
    updatedAt: '2026-05-01T10:00:00.000Z',
    updatedBy: null,
    archived: false,
    openComments: 0,
    facts: null,
    rights: 'edit',
    ...overrides,
  };
}

describe('the PICK chart', () => {
  it('places each combination of impact and effort in its box', () => {
    expect(pickQuadrant('low', 'easy')).toBe('possible');
    expect(pickQuadrant('high', 'easy')).toBe('implement');
    expect(pickQuadrant('high', 'hard')).toBe('challenge');
    expect(pickQuadrant('low', 'hard')).toBe('kill');
  });

  it('places nothing until both impact and effort are set to values the idea kind allows', () => {
    expect(pickQuadrant(null, 'easy')).toBeNull();
    expect(pickQuadrant('high', null)).toBeNull();
    expect(pickQuadrant(undefined, undefined)).toBeNull();
    expect(pickQuadrant('medium', 'easy')).toBeNull();
    expect(pickQuadrant('HIGH', 'easy')).toBeNull();
  });

  it('uses exactly the impact and effort options of the idea kind', () => {
    const { impact, effort } = KINDS.idea.fields;
    const options = (spec: typeof impact) => (spec?.type === 'choice' ? spec.options : []);
    const placed = options(impact).flatMap((i) => options(effort).map((e) => pickQuadrant(i, e)));
    expect(new Set(placed)).toEqual(new Set(PICK_QUADRANTS));
  });

  it('names every box in words (never by colour alone), high impact and easy first', () => {
    expect(PICK_QUADRANTS).toEqual(['implement', 'challenge', 'possible', 'kill']);
    expect(PICK_LABELS).toEqual({
      possible: 'Possible',
      implement: 'Implement',
      challenge: 'Challenge',
      kill: 'Kill',
    });
    expect(PICK_DESCRIPTIONS.kill).toBe('low impact, hard to do');
  });
});

describe('change ideas as the list and board show them', () => {
  it('reads the fields from the idea’s document', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'idea', 'Rounding');
    setFieldValue(doc, 'idea', 'impact', 'high');
    setFieldValue(doc, 'idea', 'effort', 'easy');
    setFieldValue(doc, 'idea', 'status', 'testing');
    setFieldValue(doc, 'idea', 'source', 'patient');
    fieldText(doc, 'owner').insert(0, ' Night sister ');
    const idea = summariseIdea(ideaItem('a', { status: 'idea' }), doc);
    expect(idea).toMatchObject({
      status: 'testing',
      impact: 'high',
      effort: 'easy',
      source: 'patient',
      owner: 'Night sister',
      quadrant: 'implement',
      editable: true,
      loaded: true,
    });
    expect(labelOf(SOURCE_LABELS, idea.source)).toBe('Patient idea');
  });

  it('reads the registry’s status and facts when no document is open', () => {
    const facts = { impact: 'low', effort: 'hard', source: 'hunch', owner: ' Matron ' };
    const idea = summariseIdea(ideaItem('b', { status: 'adopted', facts }));
    expect(idea).toMatchObject({
      status: 'adopted',
      impact: 'low',
      effort: 'hard',
      source: 'hunch',
      owner: 'Matron',
      quadrant: 'kill',
      editable: true,
      loaded: true,
    });
    expect(summariseIdea(ideaItem('c', { status: '3 nodes' })).status).toBe('idea');
  });

  it('places nothing while the server has not read an idea’s facts yet', () => {
    const idea = summariseIdea(ideaItem('e', { status: 'testing', facts: null }));
    expect(idea).toMatchObject({ status: 'testing', quadrant: null, loaded: false });
  });

  it('is read-only for people without edit rights', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'idea', 'Rounding');
    expect(summariseIdea(ideaItem('d', { rights: 'read' }), doc).editable).toBe(false);
  });

  it('has one board column per status, in order, including empty ones', () => {
    const ideas = [
      summariseIdea(ideaItem('a', { status: 'testing' })),
      summariseIdea(ideaItem('b', { status: 'idea' })),
      summariseIdea(ideaItem('c', { status: 'testing' })),
    ];
    const columns = ideasByStatus(ideas);
    expect(columns.map((column) => column.status)).toEqual([...IDEA_STATUSES]);
    expect(columns.find((c) => c.status === 'testing')?.ideas.map((i) => i.id)).toEqual(['a', 'c']);
    expect(columns.find((c) => c.status === 'spread')?.ideas).toEqual([]);
  });
});

describe('the drivers a change idea is linked to', () => {
  function diagram(): Y.Doc {
    const doc = new Y.Doc();
    initItemDoc(doc, 'drivers', 'Driver diagram');
    const nodes: Array<[string, string, string, string | null]> = [
      ['aim', 'aim', 'Fewer falls', null],
      ['help', 'primary', 'Patients get help when they need it', null],
      ['risk', 'primary', 'Risks are known', null],
      ['bell', 'secondary', 'Call bell within reach', null],
      ['plan', 'secondary', 'Family knows the mobility plan', null],
      ['i-card', 'idea', 'Mobility card', 'idea-card'],
      ['i-other', 'idea', 'Something else', 'idea-other'],
    ];
    for (const [id, type, label, ideaId] of nodes)
      addRow(doc, 'drivers', 'nodes', id, { type, label, ideaId });
    const edges: Array<[string, string, string]> = [
      ['help', 'aim', 'strong'],
      ['bell', 'help', 'strong'],
      ['plan', 'risk', 'strong'],
      ['plan', 'help', 'weak'],
      ['i-card', 'plan', 'strong'],
      ['bell', 'i-card', 'weak'],
      ['i-other', 'bell', 'strong'],
    ];
    edges.forEach(([from, to, strength], i) => {
      addRow(doc, 'drivers', 'edges', `e${i}`, { from, to, strength });
    });
    return doc;
  }

  const rows = (doc: Y.Doc, list: string) =>
    doc
      .getArray<Y.Map<unknown>>(`list.${list}`)
      .toArray()
      .map((row) => {
        const out: Record<string, string | number | null> = {};
        row.forEach((value, key) => {
          out[key] = value instanceof Y.Text ? value.toString() : (value as string | null);
        });
        return out;
      });

  it('follows the diagram’s links from the idea’s node, either way round, with their strength', () => {
    const doc = diagram();
    const links = linkedDrivers(
      { title: 'Falls drivers', nodes: rows(doc, 'nodes'), edges: rows(doc, 'edges') },
      'idea-card',
      [],
    );
    expect(links).toEqual([
      {
        nodeId: 'plan',
        label: 'Family knows the mobility plan',
        type: 'secondary',
        strength: 'strong',
        diagram: 'Falls drivers',
        feeds: ['Risks are known', 'Patients get help when they need it'],
      },
      {
        nodeId: 'bell',
        label: 'Call bell within reach',
        type: 'secondary',
        strength: 'weak',
        diagram: 'Falls drivers',
        feeds: ['Patients get help when they need it'],
      },
    ]);
  });

  it('adds drivers named in the idea’s own list, and ignores ids the diagram does not have', () => {
    const doc = diagram();
    const links = linkedDrivers(
      { title: 'Falls drivers', nodes: rows(doc, 'nodes'), edges: rows(doc, 'edges') },
      'idea-unlinked',
      ['help', 'missing'],
    );
    expect(links.map((link) => [link.nodeId, link.strength])).toEqual([['help', null]]);
  });
});
