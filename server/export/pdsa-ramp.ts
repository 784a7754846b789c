/**
 * A change idea's PDSA ramp for reports: the shared ramp order
 * (`shared/documents/pdsa-ramp.ts`), with each cycle's depth counted as the
 * number of cycles above it (the screen indents only where the ramp branches).
 */
import { type RampCycle, orderRamp as rampOrder } from '../../shared/documents/pdsa-ramp';

export type { RampCycle };

export interface RampEntry<T extends RampCycle> {
  readonly cycle: T;
  /** 0 for a cycle that starts a line, one more for each cycle it follows. */
  readonly depth: number;
}

export function orderRamp<T extends RampCycle>(cycles: readonly T[]): RampEntry<T>[] {
  const depths = new Map<T, number>();
  // Parents come before their followers in ramp order, so each depth is known in time.
  return rampOrder(cycles).map(({ cycle, parent }) => {
    const depth = parent ? (depths.get(parent) ?? 0) + 1 : 0;
    depths.set(cycle, depth);
    return { cycle, depth };
  });
}
