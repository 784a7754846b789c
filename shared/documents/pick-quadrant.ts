/**
 * The PICK chart's four boxes (impact × effort), after IHI practice: Possible
 * (low impact, easy), Implement (high impact, easy), Challenge (high impact,
 * hard) and Kill (low impact, hard). An idea not yet scored on both has no box.
 */
export type PickQuadrant = 'possible' | 'implement' | 'challenge' | 'kill';

/** In reading order of the chart: high impact on top, easy on the left. */
export const PICK_QUADRANTS: readonly PickQuadrant[] = [
  'implement',
  'challenge',
  'possible',
  'kill',
];

export const PICK_LABELS: Readonly<Record<PickQuadrant, string>> = {
  possible: 'Possible',
  implement: 'Implement',
  challenge: 'Challenge',
  kill: 'Kill',
};

export const PICK_DESCRIPTIONS: Readonly<Record<PickQuadrant, string>> = {
  possible: 'low impact, easy to do',
  implement: 'high impact, easy to do',
  challenge: 'high impact, hard to do',
  kill: 'low impact, hard to do',
};

export function pickQuadrant(impact: unknown, effort: unknown): PickQuadrant | null {
  const high = impact === 'high' ? true : impact === 'low' ? false : null;
  const easy = effort === 'easy' ? true : effort === 'hard' ? false : null;
  if (high === null || easy === null) return null;
  if (high) return easy ? 'implement' : 'challenge';
  return easy ? 'possible' : 'kill';
}
