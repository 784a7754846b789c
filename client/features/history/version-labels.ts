/** How versions are named on screen. */
import type { PeopleNames, VersionSummary } from '../../../shared/schemas/history';

const REASONS: Readonly<Record<VersionSummary['reason'], string>> = {
  auto: 'Saved automatically',
  named: 'Named version',
  'before-restore': 'Before a restore',
  restore: 'Restored an earlier version',
  'before-migration': 'Before an upgrade of the item’s format',
  seen: 'Last looked at',
};

export function versionTitle(version: VersionSummary): string {
  return version.name ?? REASONS[version.reason];
}

export function peopleText(ids: readonly string[], names: PeopleNames): string {
  return ids
    .map((id) => names[id] ?? 'Former member')
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}
