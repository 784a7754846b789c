/**
 * What a driver diagram shows of the rest of the lab, live from the lab feed:
 * the change-idea items (titles on idea nodes, their status and PICK box, and
 * the picker: a change idea on the diagram is the same record as in the lab's
 * list), and the lab's SMART aim from its problem statement, which the aim node
 * shows, so the aim is written in one place.
 */

import { useCallback, useMemo } from 'react';
import { Api } from '../../../shared/api-routes';
import { describeAim } from '../../../shared/documents/aim-sentence';
import { type PickQuadrant, pickQuadrant } from '../../../shared/documents/pick-quadrant';
import { canWrite } from '../../../shared/policy';
import type { Item, ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { useLabItems } from '../../lib/lab-items';

export interface IdeaFacts {
  readonly status: string;
  readonly pick: PickQuadrant | null;
}

export interface LabAim {
  /** The problem statement the aim is written in. */
  readonly problemId: string;
  /** The SMART sentence, or null while its parts are not filled in. */
  readonly sentence: string | null;
  /** Whether this person may change the problem statement, and so the aim, from the diagram. */
  readonly editable: boolean;
}

export interface IdeaItems {
  /** Not archived, in the lab's order. */
  readonly ideas: readonly Item[];
  /** Titles of every change idea this person can see, archived ones too. */
  readonly titles: ReadonlyMap<string, string>;
  /** Status and PICK box of every change idea this person can see. */
  readonly facts: ReadonlyMap<string, IdeaFacts>;
  /** The lab's aim, from its first problem statement; null when there is none. */
  readonly aim: LabAim | null;
  readonly error: string | null;
  readonly loading: boolean;
  /** Creates a change idea in the lab; resolves to it (the feed then lists it). */
  create(title: string): Promise<Item>;
}

function firstAim(items: readonly ItemWithRights[]): LabAim | null {
  const problem = items.find((i) => i.kind === 'problem' && !i.archived);
  if (!problem) return null;
  return {
    problemId: problem.id,
    sentence: describeAim(problem.facts ?? {}).sentence,
    editable: canWrite(problem.rights),
  };
}

export function useIdeaItems(api: ApiClient, labId: string): IdeaItems {
  const loaded = useLabItems(labId);
  const items = useMemo(() => (loaded.status === 'ready' ? loaded.data : []), [loaded]);
  const all = useMemo(() => items.filter((i) => i.kind === 'idea'), [items]);
  const create = useCallback(
    async (title: string) =>
      (await api.call(Api.labs.createItem, { params: { labId }, body: { kind: 'idea', title } }))
        .item,
    [api, labId],
  );
  const ideas = useMemo(() => all.filter((i) => !i.archived), [all]);
  const titles = useMemo(() => new Map(all.map((i) => [i.id, i.title])), [all]);
  const facts = useMemo(
    () =>
      new Map(
        all.map((i) => [
          i.id,
          { status: i.status, pick: pickQuadrant(i.facts?.impact, i.facts?.effort) },
        ]),
      ),
    [all],
  );
  const aim = useMemo(() => firstAim(items), [items]);
  return {
    ideas,
    titles,
    facts,
    aim,
    error: loaded.status === 'error' ? loaded.error.message : null,
    loading: loaded.status === 'loading',
    create,
  };
}
