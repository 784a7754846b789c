/**
 * A workshop board's state kept by the server (`server/api/routes/workshop-routes.ts`):
 * the facilitator's settings, and the votes, which never go into the board's
 * document (everyone downloads it) until the facilitator reveals their counts.
 * What the document shows of the settings is `BoardState`, written only by the server.
 */
import * as z from 'zod';
import { PICK_EFFORTS, PICK_IMPACTS } from '../documents/item-kinds';
import { PersonalDataAcknowledgementSchema } from './personal-data';

const id = z.string().min(1).max(64);
const isoTime = z.string().min(1);

export const MAX_VOTES_PER_PERSON = 20;
export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_PROMPT_LENGTH = 500;
export const MAX_NOTE_LENGTH = 500;
/** The longest timer a facilitator may start, in minutes. */
export const MAX_TIMER_MINUTES = 180;

export const WorkshopSettingsSchema = z.object({
  prompt: z.string().max(MAX_PROMPT_LENGTH),
  votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  /** Notes show no author to the other participants (the audit trail still names them). */
  anonymous: z.boolean(),
  /** No one but facilitators adds, moves or edits anything. */
  locked: z.boolean(),
  /** When the timer ends; every client counts down to it on its own. */
  timerEndsAt: isoTime.nullable(),
  /** The vote counts are published. */
  revealed: z.boolean(),
});
export type WorkshopSettings = z.infer<typeof WorkshopSettingsSchema>;

export const WorkshopVoteSchema = z.object({
  userId: id,
  /** The note or cluster (row id) voted for. */
  target: id,
});

export const WorkshopRecordSchema = WorkshopSettingsSchema.extend({
  itemId: id,
  labId: id,
  votes: z.array(WorkshopVoteSchema),
});
export type WorkshopRecord = z.infer<typeof WorkshopRecordSchema>;

export function defaultWorkshopSettings(): WorkshopSettings {
  return {
    prompt: '',
    votesPerPerson: DEFAULT_VOTES_PER_PERSON,
    anonymous: false,
    locked: false,
    timerEndsAt: null,
    revealed: false,
  };
}

/** What the board's document holds of the state (meta key `board`): counts only once revealed. */
export const BoardStateSchema = WorkshopSettingsSchema.extend({
  results: z.record(z.string(), z.number().int().min(0)).nullable(),
});
export type BoardState = z.infer<typeof BoardStateSchema>;

export const WorkshopSettingsBodySchema = z
  .object({
    prompt: z.string().max(MAX_PROMPT_LENGTH),
    votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
    anonymous: z.boolean(),
    locked: z.boolean(),
    /** Minutes from now; 0 stops the timer. */
    timerMinutes: z.number().int().min(0).max(MAX_TIMER_MINUTES),
    revealed: z.boolean(),
  })
  .partial()
  .strict();

export const AddNoteBodySchema = z.object({
  text: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  /** "Post anyway": the note looks like it holds personal data and should stay, for this reason. */
  personalData: PersonalDataAcknowledgementSchema.optional(),
});

export const VoteBodySchema = z.object({ target: id });

export const MakeIdeaBodySchema = z.object({
  /** The cluster or note the idea comes from. */
  from: id,
  impact: z.enum(PICK_IMPACTS),
  effort: z.enum(PICK_EFFORTS),
});

/** "Add as a driver": into one of the lab's driver diagrams, under a primary driver or none. */
export const AddDriverBodySchema = z.object({
  from: id,
  diagramId: id,
  /** The primary driver's node id it drives; null adds it unlinked. */
  under: id.nullable(),
});

/** "Add as a cause": into one of the lab's fishbones, under one of its categories. */
export const AddCauseBodySchema = z.object({
  from: id,
  fishboneId: id,
  categoryId: id,
});

/** A diagram a cluster or note may be added to, with the places in it (primaries, categories). */
export interface WorkshopTarget {
  readonly id: string;
  readonly title: string;
  readonly places: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

/** The lab's diagrams the caller may add to (they may edit them). */
export interface WorkshopTargets {
  readonly driverDiagrams: readonly WorkshopTarget[];
  readonly fishbones: readonly WorkshopTarget[];
}

/** What GET /api/items/:id/workshop answers: counts only once revealed, to anyone. */
export interface WorkshopView {
  readonly settings: WorkshopSettings;
  /** The caller's own votes, by target. */
  readonly myVotes: readonly string[];
  readonly votesLeft: number;
  /** How many votes have been cast in all (says nothing of where). */
  readonly votesCast: number;
  readonly results: Readonly<Record<string, number>> | null;
  /** Facilitators change the settings, lock, reveal and start the timer. */
  readonly facilitates: boolean;
}
