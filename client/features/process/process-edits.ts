/**
 * Changes to a process map's document: swimlanes, steps in order and a
 * decision's branches are rows (`list.lanes`, `list.steps`, `list.branches`).
 * A step's lane and a branch's ends are ids kept in text columns. Moving a step
 * makes its row again in the new place with the same id and words, in one
 * transaction (a Yjs list cannot move an element). Removing a step removes
 * its branches too.
 */
import * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';
import { readableRows } from '../../../shared/documents/item-shape';
import type { StepType } from '../../../shared/diagrams/process-map';

export function newRowId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

function findRow(doc: Y.Doc, listKey: string, id: string): Y.Map<unknown> | null {
  for (const row of readableRows(doc, listKey)) if (row.get('id') === id) return row;
  return null;
}

export function rowText(doc: Y.Doc, listKey: string, id: string, column: string): Y.Text | null {
  const value = findRow(doc, listKey, id)?.get(column);
  return value instanceof Y.Text ? value : null;
}

/** Replaces the whole of a text column (a lane or a branch's target). */
export function setRowText(doc: Y.Doc, listKey: string, id: string, column: string, value: string) {
  const text = rowText(doc, listKey, id, column);
  if (!text || text.toString() === value) return;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, value);
  });
}

export function setStepType(doc: Y.Doc, id: string, type: StepType): void {
  findRow(doc, 'steps', id)?.set('type', type);
}

export function addLane(doc: Y.Doc): string {
  const id = newRowId();
  addRow(doc, 'process', 'lanes', id, { label: '' });
  return id;
}

export function addStep(doc: Y.Doc, type: StepType, lane: string | null): string {
  const id = newRowId();
  addRow(doc, 'process', 'steps', id, { type, label: '', lane: lane ?? '', problem: '', idea: '' });
  return id;
}

export function addBranch(doc: Y.Doc, from: string, to: string): string {
  const id = newRowId();
  addRow(doc, 'process', 'branches', id, { from, to, label: '' });
  return id;
}

function removeWhere(rows: Y.Array<Y.Map<unknown>>, remove: (row: Y.Map<unknown>) => boolean) {
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row: unknown = rows.get(index);
    if (row instanceof Y.Map && remove(row)) rows.delete(index, 1);
  }
}

const textOf = (value: unknown) => (value instanceof Y.Text ? value.toString() : '');

export function removeStep(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    removeWhere(
      list(doc, 'branches'),
      (r) => textOf(r.get('from')) === id || textOf(r.get('to')) === id,
    );
    removeWhere(list(doc, 'steps'), (r) => r.get('id') === id);
  });
}

export function removeLane(doc: Y.Doc, id: string): void {
  removeWhere(list(doc, 'lanes'), (r) => r.get('id') === id);
}

export function removeBranch(doc: Y.Doc, id: string): void {
  removeWhere(list(doc, 'branches'), (r) => r.get('id') === id);
}

/** Moves a step one place earlier (-1) or later (+1); false at either end. */
export function moveStep(doc: Y.Doc, id: string, by: -1 | 1): boolean {
  const from = list(doc, 'steps')
    .toArray()
    .findIndex((r) => r instanceof Y.Map && r.get('id') === id);
  return from >= 0 && moveStepTo(doc, id, from + by);
}

/**
 * Moves a step to place `to` (0 first), as a copy of its row in one transaction;
 * false when it is not there, `to` is outside the list, or it is there already.
 */
export function moveStepTo(doc: Y.Doc, id: string, to: number): boolean {
  const steps = list(doc, 'steps');
  const rows = steps.toArray();
  const from = rows.findIndex((r) => r instanceof Y.Map && r.get('id') === id);
  const row = rows[from];
  if (from < 0 || to < 0 || to >= rows.length || to === from || !row) return false;
  doc.transact(() => {
    const copy = new Y.Map<unknown>();
    row.forEach((value, key) => {
      copy.set(key, value instanceof Y.Text ? new Y.Text(value.toString()) : value);
    });
    steps.delete(from, 1);
    steps.insert(to, [copy]);
  });
  return true;
}
