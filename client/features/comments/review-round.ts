/** Totals of a review round as `GET /api/labs/:labId/review` answers it. */
import type { ReviewRound } from '../../../shared/schemas/api-responses';

export interface RoundTotals {
  readonly comments: number;
  readonly threads: number;
  readonly resolved: number;
  readonly people: number;
}

export function roundTotals(review: ReviewRound): RoundTotals {
  const sum = (pick: (item: ReviewRound['items'][number]) => number) =>
    review.items.reduce((total, item) => total + pick(item), 0);
  return {
    comments: sum((item) => item.comments),
    threads: sum((item) => item.threads),
    resolved: sum((item) => item.resolved),
    people: review.commenters.length,
  };
}

/** People and comments per profession, in the order professions first appear. */
export function byProfession(
  commenters: ReviewRound['commenters'],
): Array<{ profession: string; people: number; comments: number }> {
  const totals = new Map<string, { people: number; comments: number }>();
  for (const { profession, comments } of commenters) {
    const entry = totals.get(profession) ?? { people: 0, comments: 0 };
    totals.set(profession, { people: entry.people + 1, comments: entry.comments + comments });
  }
  return [...totals].map(([profession, entry]) => ({ profession, ...entry }));
}
