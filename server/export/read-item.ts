/**
 * One item's document read into its report shape, with the typed accessors the
 * client uses. Runs on the DocReader's copy: a document written by an older
 * schema is migrated in the copy first (the stored one is migrated when a room
 * next opens it), and rich-text conversion may repair the copy.
 */
import type * as Y from 'yjs';
import { fishboneFromRows } from '../../shared/diagrams/fishbone';
import { processFromRows } from '../../shared/diagrams/process-map';
import { aimSentence } from '../../shared/documents/aim-sentence';
import { CHOICE_LABELS } from '../../shared/documents/choice-labels';
import {
  type FieldValue,
  readFields,
  readRows,
  readTitle,
  section,
} from '../../shared/documents/item-doc';
import { KINDS } from '../../shared/documents/item-kinds';
import { isSectionDamaged, shapeProblems } from '../../shared/documents/item-shape';
import { migrateItemDoc, needsMigration } from '../../shared/documents/migrate';
import { readBoard } from '../../shared/documents/workshop-board';
import type { ItemKind } from '../../shared/schemas/records';
import { readDiagram } from './driver-diagram';
import { formatField } from './format-values';
import { measureChart } from './measure-chart';
import { measurePoints, measureSettings, type PdsaNames } from './measure-rows';
import type { Fact, ItemReport, ListRow, RichSection } from './report-model';
import { fragmentToRichDoc, isEmptyRich } from './rich-text';
import { cleanText } from './safe-text';

export interface ItemSource {
  readonly id: string;
  readonly kind: ItemKind;
  /** The registry's title, used when the document has none. */
  readonly title: string;
}

/** Fields shown elsewhere than the facts: the aim (as a sentence), links and ramp positions. */
const NOT_FACTS: Partial<Record<ItemKind, readonly string[]>> = {
  problem: [
    'aimWhat',
    'aimForWhom',
    'aimBaseline',
    'aimTarget',
    'aimUnit',
    'aimDirection',
    'aimByWhen',
  ],
  pdsa: ['label', 'follows'],
  // Named in words with the chart itself, as the measure page names it ("chart" is the older
  // run/xmr choice, which a control chart's type would contradict; "rules" would read "Mdc").
  measure: ['chart', 'controlChart', 'rules'],
};

function facts(kind: ItemKind, fields: Record<string, FieldValue>): Fact[] {
  const skip = NOT_FACTS[kind] ?? [];
  return Object.entries(KINDS[kind].fields).flatMap(([name, spec]) => {
    if (spec.type === 'ref' || skip.includes(name)) return [];
    const words = CHOICE_LABELS[kind][name];
    const value = cleanText(formatField(spec.type, fields[name] ?? null, words));
    return value === '' ? [] : [{ label: spec.label, value }];
  });
}

function sections(doc: Y.Doc, kind: ItemKind): RichSection[] {
  return Object.entries(KINDS[kind].sections).flatMap(([name, label]) => {
    // A section holding something other than rich text is left out (and noticed).
    if (isSectionDamaged(doc, name)) return [];
    const rich = fragmentToRichDoc(section(doc, name));
    return isEmptyRich(rich) ? [] : [{ label, doc: rich }];
  });
}

function rows(doc: Y.Doc, kind: ItemKind, listKey: string): ListRow[] {
  const columns = Object.keys(KINDS[kind].lists[listKey]?.columns ?? {});
  return readRows(doc, listKey).map((row) => ({
    id: typeof row.id === 'string' ? row.id : '',
    cells: Object.fromEntries(
      columns.map((column) => {
        const value = row[column];
        return [column, cleanText(value === null || value === undefined ? '' : String(value))];
      }),
    ),
  }));
}

const text = (value: FieldValue | undefined) =>
  typeof value === 'string' ? cleanText(value.trim()) : '';

export function readItem(
  doc: Y.Doc,
  source: ItemSource,
  pdsaNames: PdsaNames = new Map(),
): ItemReport {
  const { kind } = source;
  // Before migrating: migration puts a wrong `meta.kind` right, in this copy only.
  const notices = shapeProblems(doc, kind).map(cleanText);
  if (needsMigration(doc, kind)) migrateItemDoc(doc, kind);
  const fields = readFields(doc, kind);
  const base = {
    id: source.id,
    title: cleanText(readTitle(doc).trim() || source.title),
    facts: facts(kind, fields),
    sections: sections(doc, kind),
    notices,
  };
  switch (kind) {
    case 'problem':
      return { ...base, kind, aim: aimSentence(fields) };
    case 'drivers':
      return { ...base, kind, diagram: cleanDiagram(doc) };
    case 'idea':
      return { ...base, kind };
    case 'pdsa':
      return {
        ...base,
        kind,
        ideaId: typeof fields.ideaId === 'string' ? fields.ideaId : null,
        label: text(fields.label),
        follows: text(fields.follows),
        decision: typeof fields.decision === 'string' ? fields.decision : null,
        questions: rows(doc, kind, 'questions'),
        tasks: rows(doc, kind, 'tasks'),
      };
    case 'measure': {
      const settings = measureSettings(fields);
      const points = measurePoints(readRows(doc, 'points'), settings.recordedAs, pdsaNames);
      const unit = text(fields.unit);
      const chart = measureChart({ ...settings, title: base.title, unit, points });
      return { ...base, kind, unit, rules: settings.rules, points, chart };
    }
    case 'note':
      return { ...base, kind };
    case 'fishbone':
      return {
        ...base,
        kind,
        fishbone: fishboneFromRows(
          text(fields.effect),
          cleanRows(doc, 'categories', ['label']),
          cleanRows(doc, 'causes', ['label', 'parent']),
        ),
      };
    case 'process':
      return {
        ...base,
        kind,
        map: processFromRows(
          text(fields.scope),
          cleanRows(doc, 'lanes', ['label']),
          cleanRows(doc, 'steps', ['label', 'lane', 'problem', 'idea']),
          cleanRows(doc, 'branches', ['from', 'to', 'label']),
        ),
      };
    case 'workshop': {
      const board = readBoard(doc);
      const clean = (value: string) => cleanText(value);
      return {
        ...base,
        kind,
        board: {
          state: { ...board.state, prompt: clean(board.state.prompt) },
          clusters: board.clusters.map((cluster) => ({ ...cluster, label: clean(cluster.label) })),
          notes: board.notes.map((note) => ({
            ...note,
            text: clean(note.text),
            author: clean(note.author),
          })),
        },
      };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown kind ${String(unreachable)}`);
    }
  }
}

/** A list's rows with their text columns made safe to export. */
function cleanRows(doc: Y.Doc, listKey: string, columns: readonly string[]) {
  return readRows(doc, listKey).map((row) => {
    const clean: Record<string, FieldValue> = { ...row };
    for (const column of columns) clean[column] = text(row[column]);
    return clean;
  });
}

function cleanDiagram(doc: Y.Doc) {
  const diagram = readDiagram(readRows(doc, 'nodes'), readRows(doc, 'edges'));
  return {
    nodes: diagram.nodes.map((node) => ({ ...node, label: cleanText(node.label) })),
    edges: diagram.edges,
  };
}
