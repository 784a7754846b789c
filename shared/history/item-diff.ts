/**
 * Compares two snapshots of one item document by walking its structs once: a
 * character (or row, block, value) visible in both snapshots is the same, in the
 * newer only inserted, in the older only deleted. No text diff is guessed; Yjs's
 * struct ids say exactly what changed, and the authorship says who did it. The
 * document must hold the content of both snapshots (a document with garbage
 * collection off, into which the history's content was applied).
 */
import * as Y from 'yjs';
import { KINDS, type FieldSpec } from '../documents/item-kinds';
import { FIELDS_MAP, listName, META_MAP, MetaKey, sectionName } from '../documents/names';
import type { ItemKind } from '../schemas/records';
import type { Authorship } from './authorship';
import type {
  BlockDiff,
  Change,
  FieldDiff,
  ItemDiff,
  ListDiff,
  RowDiff,
  SectionDiff,
  Segment,
  Value,
} from './diff-model';
import { visibilityBoundary, visibleAt } from './snapshots';

/** What the walk reads of a shared type: its list of structs, or its map of entries. */
type Sequence = { readonly _start: Y.Item | null };
type Keyed = { readonly _map: Map<string, Y.Item> };

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

class Walk {
  inserted = 0;
  deleted = 0;
  values = 0;
  readonly people = new Set<string>();

  constructor(
    private readonly before: Y.Snapshot,
    private readonly after: Y.Snapshot,
    private readonly authorship: Authorship,
  ) {}

  change(client: number, clock: number): Change | null {
    const old = visibleAt(this.before, client, clock);
    const now = visibleAt(this.after, client, clock);
    if (old && now) return 'same';
    if (now) return 'ins';
    if (old) return 'del';
    return null;
  }

  itemChange(item: Y.Item): Change | null {
    return this.change(item.id.client, item.id.clock);
  }

  private by(change: Change, client: number, clock: number): string | null {
    return change === 'del'
      ? this.authorship.deleterOf(client, clock)
      : this.authorship.authorOf(client, clock);
  }

  /** The first clock after `clock` at which a character's change or author may differ. */
  private boundary(client: number, clock: number): number {
    return Math.min(
      visibilityBoundary(this.before, client, clock),
      visibilityBoundary(this.after, client, clock),
      this.authorship.boundary(client, clock),
    );
  }

  /**
   * The characters of a Y.Text or Y.XmlText as segments, run by run: within a struct,
   * characters change status or author only where a snapshot, a deletion or an
   * author's range begins or ends.
   */
  text(type: Sequence): Segment[] {
    const out: Array<{ text: string; change: Change; by: string | null }> = [];
    for (let item = type._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentString)) continue;
      const chars = item.content.str;
      const { client, clock } = item.id;
      let i = 0;
      while (i < chars.length) {
        const end = Math.min(chars.length, this.boundary(client, clock + i) - clock);
        const change = this.change(client, clock + i);
        if (change !== null) {
          const by = this.by(change, client, clock + i);
          const run = chars.slice(i, end);
          if (change === 'ins') this.inserted += run.length;
          if (change === 'del') this.deleted += run.length;
          if (change !== 'same' && by) this.people.add(by);
          const last = out[out.length - 1];
          if (last && last.change === change && last.by === by) last.text += run;
          else out.push({ text: run, change, by });
        }
        i = Math.max(end, i + 1);
      }
    }
    return out;
  }

  /** The entry of `key` in a map as it was at a snapshot (the newest entry visible then). */
  entry(map: Keyed, key: string, side: 'before' | 'after'): Y.Item | null {
    const snapshot = side === 'before' ? this.before : this.after;
    let item: Y.Item | null = map._map.get(key) ?? null;
    while (item !== null && !visibleAt(snapshot, item.id.client, item.id.clock)) item = item.left;
    return item;
  }

  field(map: Keyed, key: string, spec: FieldSpec): FieldDiff {
    const old = this.entry(map, key, 'before');
    const now = this.entry(map, key, 'after');
    const textOf = (item: Y.Item | null) =>
      item?.content instanceof Y.ContentType ? item.content.type : null;
    if (spec.type === 'text') {
      const [oldText, newText] = [textOf(old), textOf(now)];
      let segments: Segment[];
      if (oldText === newText) segments = oldText ? this.text(oldText) : [];
      else
        segments = [...(oldText ? this.text(oldText) : []), ...(newText ? this.text(newText) : [])];
      return {
        key,
        label: spec.label,
        type: 'text',
        segments,
        changed: segments.some((segment) => segment.change !== 'same'),
      };
    }
    const value = (item: Y.Item | null): Value => {
      const content = item?.content.getContent()[0];
      return typeof content === 'string' || typeof content === 'number' ? content : null;
    };
    const before = value(old);
    const after = value(now);
    const changed = before !== after;
    const by = changed && now ? this.authorship.authorOf(now.id.client, now.id.clock) : null;
    if (changed) {
      this.values += 1;
      if (by) this.people.add(by);
    }
    return { key, label: spec.label, type: 'value', before, after, changed, by };
  }

  blocks(type: Sequence, depth: number, detail: string | null, out: BlockDiff[]): void {
    for (let item = type._start; item !== null; item = item.right) {
      if (!(item.content instanceof Y.ContentType)) continue;
      const change = this.itemChange(item);
      if (change === null) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlText) {
        out.push({ type: 'paragraph', depth, detail, change, segments: this.text(child) });
      } else if (child instanceof Y.XmlElement) {
        const name = child.nodeName;
        if (TEXT_BLOCKS.has(name)) {
          const segments: Segment[] = [];
          for (let part = child._start; part !== null; part = part.right) {
            if (part.content instanceof Y.ContentType && part.content.type instanceof Y.XmlText)
              segments.push(...this.text(part.content.type));
          }
          const level = child.getAttribute('level');
          const blockDetail = name === 'heading' && level !== undefined ? String(level) : detail;
          out.push({ type: name, depth, detail: blockDetail, change, segments });
        } else {
          const inList = name === 'bulletList' || name === 'orderedList';
          this.blocks(child, inList ? depth + 1 : depth, inList ? name : detail, out);
        }
      }
    }
  }

  row(item: Y.Item, columns: Readonly<Record<string, FieldSpec>>): RowDiff | null {
    const change = this.itemChange(item);
    if (change === null || !(item.content instanceof Y.ContentType)) return null;
    const map = item.content.type;
    const idEntry = this.entry(map, 'id', change === 'del' ? 'before' : 'after');
    const id = String(idEntry?.content.getContent()[0] ?? '');
    const cells = Object.entries(columns).map(([key, spec]) => this.field(map, key, spec));
    return { id, change, cells, changed: change !== 'same' || cells.some((cell) => cell.changed) };
  }
}

/** The changes from `before` to `after` in an item of `kind`, held by `doc`. */
export function diffItem(
  doc: Y.Doc,
  kind: ItemKind,
  before: Y.Snapshot,
  after: Y.Snapshot,
  authorship: Authorship,
): ItemDiff {
  const walk = new Walk(before, after, authorship);
  const spec = KINDS[kind];
  const meta = doc.getMap(META_MAP);
  const titleOf = (side: 'before' | 'after') => {
    const value = walk.entry(meta, MetaKey.Title, side)?.content.getContent()[0];
    return typeof value === 'string' ? value : '';
  };
  const fieldsMap = doc.getMap(FIELDS_MAP);
  const fields = Object.entries(spec.fields).map(([key, field]) =>
    walk.field(fieldsMap, key, field),
  );
  const sections: SectionDiff[] = Object.entries(spec.sections).map(([key, label]) => {
    const blocks: BlockDiff[] = [];
    walk.blocks(doc.getXmlFragment(sectionName(key)), 0, null, blocks);
    const changed = blocks.some(
      (block) => block.change !== 'same' || block.segments.some((s) => s.change !== 'same'),
    );
    return { key, label, blocks, changed };
  });
  const lists: ListDiff[] = Object.entries(spec.lists).map(([key, listSpec]) => {
    const rows: RowDiff[] = [];
    const array = doc.getArray(listName(key));
    for (let item = array._start; item !== null; item = item.right) {
      const row = walk.row(item, listSpec.columns);
      if (row) rows.push(row);
    }
    for (const row of rows) if (row.change !== 'same') walk.values += 1;
    return { key, label: listSpec.label, rows, changed: rows.some((row) => row.changed) };
  });
  const title = { before: titleOf('before'), after: titleOf('after') };
  if (title.before !== title.after) walk.values += 1;
  return {
    title,
    fields,
    sections,
    lists,
    summary: {
      inserted: walk.inserted,
      deleted: walk.deleted,
      values: walk.values,
      people: [...walk.people].sort(),
    },
  };
}
