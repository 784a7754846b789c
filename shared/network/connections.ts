/**
 * Connections made through the workspace: two members are connected from the first
 * time they work together — both edit the same item, or one replies to or answers the
 * other's comment, or both are members of the same special interest group and both
 * edit its shared notes. A lab's network shows its members and the ties between them; a
 * tie is new in the lab when its first piece of work together happened in that lab.
 * The counts are what the programme's evaluation measured: new connections per
 * member, and the share that cross professions and regions.
 */
export const INTERACTION_KINDS = ['co_edit', 'reply', 'group_notes'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export interface Interaction {
  readonly a: string;
  readonly b: string;
  readonly at: string;
  /** Where: a lab's id, or a group's for its notes (never new in any lab). */
  readonly labId: string;
  readonly how: InteractionKind;
}

export interface Tie {
  /** The two people, in sorted order. */
  readonly a: string;
  readonly b: string;
  readonly firstAt: string;
  readonly labId: string;
  readonly how: InteractionKind;
}

/** The first interaction of every pair of different people. */
export function tiesFrom(interactions: readonly Interaction[]): Tie[] {
  const first = new Map<string, Tie>();
  for (const each of interactions) {
    if (each.a === each.b) continue;
    const [a, b] = each.a < each.b ? [each.a, each.b] : [each.b, each.a];
    const key = `${a}\u0000${b}`;
    const known = first.get(key);
    if (known === undefined || each.at < known.firstAt) {
      first.set(key, { a, b, firstAt: each.at, labId: each.labId, how: each.how });
    }
  }
  return [...first.values()].sort((x, y) => x.firstAt.localeCompare(y.firstAt));
}

/** Everyone who contributed to an item is tied to everyone else who did, from the later start. */
export function coEditing(
  contributions: ReadonlyArray<{ itemId: string; userId: string; firstAt: string; labId: string }>,
): Interaction[] {
  const byItem = new Map<string, typeof contributions>();
  for (const each of contributions)
    byItem.set(each.itemId, [...(byItem.get(each.itemId) ?? []), each]);
  const interactions: Interaction[] = [];
  for (const people of byItem.values()) {
    for (let i = 0; i < people.length; i += 1) {
      for (let j = i + 1; j < people.length; j += 1) {
        const x = people[i];
        const y = people[j];
        if (!x || !y) continue;
        // ISO times sort as text: the later start is the second.
        const at = [x.firstAt, y.firstAt].sort()[1] ?? x.firstAt;
        interactions.push({ a: x.userId, b: y.userId, at, labId: x.labId, how: 'co_edit' });
      }
    }
  }
  return interactions;
}

/**
 * A group's members who both edited its notes are tied, from the later of the four
 * moments (each joining, each first edit): joining alone ties nobody, and neither
 * does editing by someone who is not (or no longer) a member.
 */
export function groupNotesEditing(
  groupId: string,
  members: ReadonlyArray<{ userId: string; since: string }>,
  editors: ReadonlyArray<{ userId: string; firstAt: string }>,
): Interaction[] {
  const joined = new Map(members.map((member) => [member.userId, member.since]));
  const people: Array<{ userId: string; from: string }> = [];
  for (const editor of editors) {
    const since = joined.get(editor.userId);
    if (since === undefined) continue;
    people.push({ userId: editor.userId, from: [since, editor.firstAt].sort()[1] ?? since });
  }
  const interactions: Interaction[] = [];
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const x = people[i];
      const y = people[j];
      if (!x || !y) continue;
      const at = [x.from, y.from].sort()[1] ?? x.from;
      interactions.push({ a: x.userId, b: y.userId, at, labId: groupId, how: 'group_notes' });
    }
  }
  return interactions;
}

export interface NetworkMember {
  readonly userId: string;
  readonly name: string;
  readonly profession: string;
  readonly region: string | null;
}

export interface NetworkEdge {
  readonly a: string;
  readonly b: string;
  readonly firstAt: string;
  /** First made in this lab. */
  readonly isNew: boolean;
  readonly crossProfession: boolean;
  /** Null when either region is not known. */
  readonly crossRegion: boolean | null;
}

export interface LabNetwork {
  readonly members: readonly NetworkMember[];
  readonly edges: readonly NetworkEdge[];
  readonly newTies: number;
  /** New ties counted for each of their two people, over the members shown. */
  readonly newPerMember: number;
  /** Of the new ties: the share between different professions, and different regions. */
  readonly crossProfessionShare: number | null;
  readonly crossRegionShare: number | null;
  /** New ties made by the end of each month, cumulative. */
  readonly byMonth: ReadonlyArray<{ readonly month: string; readonly total: number }>;
}

export function labNetwork(
  labId: string,
  members: readonly NetworkMember[],
  ties: readonly Tie[],
): LabNetwork {
  const byId = new Map(members.map((member) => [member.userId, member]));
  const edges: NetworkEdge[] = [];
  for (const tie of ties) {
    const a = byId.get(tie.a);
    const b = byId.get(tie.b);
    if (!a || !b) continue;
    edges.push({
      a: tie.a,
      b: tie.b,
      firstAt: tie.firstAt,
      isNew: tie.labId === labId,
      crossProfession: a.profession !== b.profession,
      crossRegion: a.region === null || b.region === null ? null : a.region !== b.region,
    });
  }
  const fresh = edges.filter((edge) => edge.isNew);
  const share = (values: ReadonlyArray<boolean | null>) => {
    const known = values.filter((value): value is boolean => value !== null);
    return known.length === 0 ? null : known.filter(Boolean).length / known.length;
  };
  const months = new Map<string, number>();
  for (const edge of fresh) {
    const month = edge.firstAt.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  let running = 0;
  const byMonth = [...months.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([month, count]) => {
      running += count;
      return { month, total: running };
    });
  return {
    members,
    edges,
    newTies: fresh.length,
    newPerMember: members.length === 0 ? 0 : (2 * fresh.length) / members.length,
    crossProfessionShare: share(fresh.map((edge) => edge.crossProfession)),
    crossRegionShare: share(fresh.map((edge) => edge.crossRegion)),
    byMonth,
  };
}
