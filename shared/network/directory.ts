/**
 * Who sees whom in the member directory, and what of them: the one rule the API
 * applies (the client only shows what it is sent). A person is listed to a viewer
 * when their audience includes the viewer (everyone; or people who share a lab with
 * them); then only the fields they chose to show are sent. Administrators see listed
 * people as anyone does: the directory is not an administration screen.
 */
import type { Profession } from '../roles';
import type { DirectoryEntry, DirectoryQuery, ProfileRecord } from '../schemas/profile';

export interface DirectoryPerson {
  readonly userId: string;
  readonly name: string;
  readonly profession: Profession;
  readonly profile: ProfileRecord;
  /** Titles of the labs the person is a member of. */
  readonly labTitles: readonly string[];
  readonly labIds: readonly string[];
  /** Names of the special interest groups the person is a member of (requests not counted). */
  readonly groupNames?: readonly string[];
}

export function isListedTo(
  person: DirectoryPerson,
  viewerId: string,
  viewerLabIds: ReadonlySet<string>,
): boolean {
  if (person.userId === viewerId) return true;
  switch (person.profile.audience) {
    case 'everyone':
      return true;
    case 'labmates':
      return person.labIds.some((labId) => viewerLabIds.has(labId));
    default:
      return false;
  }
}

export function directoryEntry(person: DirectoryPerson): DirectoryEntry {
  const { profile, name, userId } = person;
  const { shown } = profile;
  return {
    userId,
    name,
    openToConnect: profile.openToConnect,
    ...(shown.profession ? { profession: person.profession } : {}),
    ...(shown.organisation && profile.organisation ? { organisation: profile.organisation } : {}),
    ...(shown.region && profile.region ? { region: profile.region } : {}),
    ...(shown.topics && profile.topics.length > 0 ? { topics: profile.topics } : {}),
    ...(shown.labs && person.labTitles.length > 0 ? { labs: person.labTitles } : {}),
    ...(shown.groups && person.groupNames && person.groupNames.length > 0
      ? { groups: person.groupNames }
      : {}),
  };
}

/** Whether an entry (only what it shows) matches the search and filters. */
export function matchesQuery(entry: DirectoryEntry, query: DirectoryQuery): boolean {
  if (query.profession && entry.profession !== query.profession) return false;
  if (query.region && entry.region !== query.region) return false;
  if (query.topic && !(entry.topics ?? []).includes(query.topic.toLowerCase())) return false;
  if (query.q) {
    const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
    const text = [entry.name, entry.organisation ?? '', ...(entry.topics ?? [])]
      .join(' ')
      .toLowerCase();
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}

/** The directory as `viewerId` sees it, filtered, sorted by name. */
export function directoryFor(
  people: readonly DirectoryPerson[],
  viewerId: string,
  query: DirectoryQuery,
): DirectoryEntry[] {
  const viewerLabIds = new Set(people.find((p) => p.userId === viewerId)?.labIds ?? []);
  return people
    .filter((person) => person.profile.audience !== 'nobody')
    .filter((person) => isListedTo(person, viewerId, viewerLabIds))
    .map(directoryEntry)
    .filter((entry) => matchesQuery(entry, query))
    .sort((a, b) => a.name.localeCompare(b.name));
}
