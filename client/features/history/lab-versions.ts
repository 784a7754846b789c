/** The lab's versions as its page shows them: filtered, then grouped by the day they were taken. */
import type { LabVersion } from '../../../shared/schemas/history';

export interface LabVersionFilter {
  /** One item's versions, or every item's (null). */
  readonly itemId: string | null;
  readonly namedOnly: boolean;
}

export interface VersionDay {
  /** YYYY-MM-DD (UTC, the day a retention date names). */
  readonly day: string;
  readonly versions: readonly LabVersion[];
}

/** Newest day first, each day's versions newest first, as the API lists them. */
export function groupByDay(
  versions: readonly LabVersion[],
  filter: LabVersionFilter,
): VersionDay[] {
  const days: { day: string; versions: LabVersion[] }[] = [];
  for (const version of versions) {
    if (filter.itemId !== null && version.itemId !== filter.itemId) continue;
    if (filter.namedOnly && version.name === null) continue;
    const day = version.at.slice(0, 10);
    const last = days[days.length - 1];
    if (last?.day === day) last.versions.push(version);
    else days.push({ day, versions: [version] });
  }
  return days;
}

/** The items that have versions, by title, for the filter. */
export function itemsWithVersions(
  versions: readonly LabVersion[],
): { readonly id: string; readonly title: string }[] {
  const titles = new Map<string, string>();
  for (const version of versions) titles.set(version.itemId, version.itemTitle || 'Untitled');
  return [...titles]
    .map(([id, title]) => ({ id, title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** How many listed versions a deletion of those taken before `day` (YYYY-MM-DD) removes. */
export function countBefore(versions: readonly LabVersion[], day: string): number {
  const cutoff = `${day}T00:00:00.000Z`;
  return versions.filter((version) => new Date(version.at) < new Date(cutoff)).length;
}
