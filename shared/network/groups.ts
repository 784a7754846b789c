/**
 * Special interest groups' shared rules: the id of a group's notes document (synced
 * at `/sync/<docId>` like an item's, members only), the rich-text fragment it holds,
 * and which labs are on a group's topic.
 */
const NOTES_SUFFIX = '--group-notes';

/** The Y.XmlFragment of the notes document that the editor binds to. */
export const GROUP_NOTES_FIELD = 'notes';

export function groupNotesDocId(groupId: string): string {
  return `${groupId}${NOTES_SUFFIX}`;
}

/** The group a notes document belongs to, or null if `docId` is not one. */
export function groupIdOfNotesDoc(docId: string): string | null {
  return docId.endsWith(NOTES_SUFFIX) ? docId.slice(0, -NOTES_SUFFIX.length) : null;
}

/** A topic as compared: trimmed, lower-case (the directory stores topics that way). */
export function sameTopic(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The labs on a group's topic, not archived, those started from the group first. */
export function labsOnTopic<
  L extends {
    readonly topic?: string | null;
    readonly fromGroupId?: string | null;
    readonly archivedAt: string | null;
    readonly title: string;
  },
>(labs: readonly L[], group: { readonly id: string; readonly topic: string }): L[] {
  const fromGroup = (lab: L) => (lab.fromGroupId === group.id ? 0 : 1);
  return labs
    .filter((lab) => lab.archivedAt === null)
    .filter((lab) => sameTopic(lab.topic, group.topic) || lab.fromGroupId === group.id)
    .sort((x, y) => fromGroup(x) - fromGroup(y) || x.title.localeCompare(y.title));
}
