/**
 * One PDSA cycle as a ramp shows it: the registry's id and title with the facts
 * it keeps of the cycle's fields (label, follows, change idea, dates, scale,
 * decision), so a ramp opens no cycle's document. Pure, so that the ramp's
 * choices are testable.
 */
import type { FieldValue } from '../../../shared/documents/item-doc';
import { compareLabels, labelKey } from '../../../shared/documents/pdsa-ramp';
import type { ItemFacts } from '../../../shared/schemas/records';

export interface CycleSummary {
  readonly id: string;
  readonly title: string;
  readonly label: string;
  readonly follows: string;
  readonly ideaId: string | null;
  readonly startDate: FieldValue;
  readonly endDate: FieldValue;
  readonly scale: string;
  readonly decision: FieldValue;
}

export interface CycleSummaries {
  /** Cycles whose facts are known, in the order given. */
  readonly cycles: readonly CycleSummary[];
  /** Cycles whose facts the server has not read yet. */
  readonly loading: number;
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');

export function summarise(
  items: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly facts: ItemFacts | null;
  }>,
): CycleSummaries {
  const cycles: CycleSummary[] = [];
  let loading = 0;
  for (const item of items) {
    const fields = item.facts;
    if (fields === null) loading += 1;
    else {
      cycles.push({
        id: item.id,
        title: item.title,
        label: text(fields.label),
        follows: text(fields.follows),
        ideaId: typeof fields.ideaId === 'string' ? fields.ideaId : null,
        startDate: fields.startDate ?? null,
        endDate: fields.endDate ?? null,
        scale: text(fields.scale),
        decision: fields.decision ?? null,
      });
    }
  }
  return { cycles, loading };
}

export interface FollowOption {
  readonly label: string;
  readonly title: string;
}

/** A change idea's other cycles that a cycle can follow: one per label, in natural label order. */
export function followOptions(
  cycles: readonly CycleSummary[],
  ideaId: string | null,
): FollowOption[] {
  if (!ideaId) return [];
  const seen = new Set<string>();
  const options: FollowOption[] = [];
  const ofIdea = cycles.filter((cycle) => cycle.ideaId === ideaId && cycle.label.trim() !== '');
  for (const cycle of [...ofIdea].sort((a, b) => compareLabels(a.label, b.label))) {
    const key = labelKey(cycle.label);
    if (seen.has(key)) continue;
    seen.add(key);
    options.push({ label: cycle.label.trim(), title: cycle.title });
  }
  return options;
}
