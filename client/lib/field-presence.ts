/**
 * Who else is in a structured field: each person's awareness state carries the
 * field they are in (`field`), so a form can show "Alex is editing" beside it.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface FieldVisitor {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

export function setActiveField(awareness: Awareness, field: string | null): void {
  awareness.setLocalStateField('field', field);
}

function visitors(awareness: Awareness, field: string): FieldVisitor[] {
  const found: FieldVisitor[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID || state.field !== field) return;
    const user = state.user as { name?: unknown; color?: unknown } | undefined;
    if (typeof user?.name !== 'string') return;
    found.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#425563',
    });
  });
  return found;
}

/** The other people whose cursor is in `field` now. */
export function useFieldVisitors(awareness: Awareness | null, field: string): FieldVisitor[] {
  const [list, setList] = useState<FieldVisitor[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => setList(visitors(awareness, field));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, field]);
  return list;
}

/** Everyone else's field, by field: for views that mark many places at once (a diagram). */
export function useVisitorsByField(
  awareness: Awareness | null,
): ReadonlyMap<string, readonly FieldVisitor[]> {
  const [byField, setByField] = useState<ReadonlyMap<string, readonly FieldVisitor[]>>(new Map());
  useEffect(() => {
    if (!awareness) return;
    const update = () => {
      const next = new Map<string, FieldVisitor[]>();
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: unknown; color?: unknown } | undefined;
        if (clientId === awareness.clientID || typeof state.field !== 'string') return;
        if (typeof user?.name !== 'string') return;
        const color = typeof user.color === 'string' ? user.color : '#425563';
        const list = next.get(state.field) ?? [];
        list.push({ clientId, name: user.name, color });
        next.set(state.field, list);
      });
      setByField(next);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return byField;
}

/** The people in `prefix` or any field inside it (`list.nodes.<id>` and its label). */
export function visitorsUnder(
  byField: ReadonlyMap<string, readonly FieldVisitor[]>,
  prefix: string,
): FieldVisitor[] {
  const found: FieldVisitor[] = [];
  for (const [field, visitors] of byField)
    if (field === prefix || field.startsWith(`${prefix}.`)) found.push(...visitors);
  return found;
}
