/**
 * A change idea as the lists, board and PICK chart show it: the registry's
 * title, rights, status and facts (impact, effort, source, owner), or, for an
 * idea whose document this page has open (one changed on the board), the fields
 * read from that document. Words for the stored choice values.
 */
import type * as Y from 'yjs';
import {
  IDEA_EFFORT_LABELS,
  IDEA_IMPACT_LABELS,
  IDEA_SOURCE_LABELS,
  IDEA_STATUS_LABELS,
} from '../../../shared/documents/choice-labels';
import { readFields } from '../../../shared/documents/item-doc';
import { IDEA_STATUSES } from '../../../shared/documents/item-kinds';
import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import { type PickQuadrant, pickQuadrant } from '../../../shared/documents/pick-quadrant';

export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const STATUS_LABELS = IDEA_STATUS_LABELS as Readonly<Record<IdeaStatus, string>>;
export const SOURCE_LABELS = IDEA_SOURCE_LABELS;
export const IMPACT_LABELS = IDEA_IMPACT_LABELS;
export const EFFORT_LABELS = IDEA_EFFORT_LABELS;

export const NOT_SET = 'Not set';

export interface IdeaSummary {
  readonly id: string;
  readonly title: string;
  readonly status: IdeaStatus;
  readonly impact: string | null;
  readonly effort: string | null;
  readonly source: string | null;
  readonly owner: string;
  readonly quadrant: PickQuadrant | null;
  /** May this person change the idea (its status on the board)? */
  readonly editable: boolean;
  /** Whether the fields are known (false: the server has not read them yet). */
  readonly loaded: boolean;
}

export function isIdeaStatus(value: unknown): value is IdeaStatus {
  return typeof value === 'string' && (IDEA_STATUSES as readonly string[]).includes(value);
}

function choice(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function summariseIdea(item: ItemWithRights, doc?: Y.Doc): IdeaSummary {
  const fields = doc ? readFields(doc, 'idea') : item.facts;
  // The registry derives an idea's status from its document (`deriveStatus`).
  const status = doc ? (fields?.status ?? item.status) : item.status;
  const impact = choice(fields?.impact);
  const effort = choice(fields?.effort);
  return {
    id: item.id,
    title: item.title || 'Untitled',
    status: isIdeaStatus(status) ? status : 'idea',
    impact,
    effort,
    source: choice(fields?.source),
    owner: typeof fields?.owner === 'string' ? fields.owner.trim() : '',
    quadrant: pickQuadrant(impact, effort),
    editable: item.rights === 'edit',
    loaded: fields !== null,
  };
}

/** The board's columns: every status, in the order an idea moves through them. */
export function ideasByStatus(
  ideas: readonly IdeaSummary[],
): ReadonlyArray<{ status: IdeaStatus; ideas: IdeaSummary[] }> {
  return IDEA_STATUSES.map((status) => ({
    status,
    ideas: ideas.filter((idea) => idea.status === status),
  }));
}

/** A stored choice as a word, or "Not set". */
export function labelOf(labels: Readonly<Record<string, string>>, value: string | null): string {
  return value === null ? NOT_SET : (labels[value] ?? value);
}
