/**
 * The history API: request bodies (validated with zod where they enter) and the
 * shapes of its answers. Versions name people by id; each answer carries the
 * names of the people it mentions.
 */
import * as z from 'zod';
import type { ItemDiff } from '../history/diff-model';
import type { ItemKind } from './records';

export const VERSION_NAME_MAX = 120;

export const NameVersionBodySchema = z.object({
  name: z.string().trim().min(1, 'Give the version a name').max(VERSION_NAME_MAX),
});

export const RetentionBodySchema = z.object({
  /** Versions taken before this day (YYYY-MM-DD, UTC) are deleted. */
  before: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give a date as YYYY-MM-DD'),
});

export type VersionReason =
  | 'auto'
  | 'named'
  | 'before-restore'
  | 'restore'
  | 'before-migration'
  | 'seen';

export interface VersionSummary {
  readonly id: string;
  readonly at: string;
  readonly name: string | null;
  readonly reason: VersionReason;
  readonly takenBy: string | null;
  /** Who changed the item since the version before. */
  readonly people: readonly string[];
  readonly restoredFrom: string | null;
}

export type PeopleNames = Readonly<Record<string, string>>;

export interface VersionListResponse {
  /** Newest first. */
  readonly versions: readonly VersionSummary[];
  readonly names: PeopleNames;
}

export interface LabVersion extends VersionSummary {
  readonly itemId: string;
  readonly itemTitle: string;
  readonly itemKind: ItemKind;
}

export interface LabVersionsResponse {
  readonly versions: readonly LabVersion[];
  readonly names: PeopleNames;
}

export interface ComparisonResponse {
  readonly kind: ItemKind;
  /** The older side (for a single version, the version itself). */
  readonly from: VersionSummary | null;
  /** The newer side; null for the item as it is now. */
  readonly to: VersionSummary | null;
  readonly diff: ItemDiff;
  readonly names: PeopleNames;
}

export interface ItemChangesSinceSeen {
  readonly itemId: string;
  /** When the person last looked; null if they never have. */
  readonly seenAt: string | null;
  readonly people: readonly string[];
  /** Characters and values changed by others since then. */
  readonly amount: number;
}

export interface LabChangesResponse {
  readonly items: readonly ItemChangesSinceSeen[];
  readonly names: PeopleNames;
}

/** What changed on an item since the person last looked (`GET /items/:itemId/changes`). */
export interface ItemChangesAnswer {
  /** Null until they first look. */
  readonly seenAt: string | null;
  readonly comparison: ComparisonResponse | null;
}
