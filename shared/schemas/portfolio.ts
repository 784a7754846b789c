/**
 * The portfolio: every lab on one page for the people who run the programme —
 * site administrators and anyone with the right to create labs (`mayCreateLab`).
 * One row per lab: its phase and topic, when anything last changed, its people by
 * profession, each measure's latest Making Data Count icons, PDSA cycles, the new
 * connections made in it and its evaluation survey's paired results. Survey figures
 * come only from rounds with at least `ANONYMITY_THRESHOLD` answers, whatever the
 * lab chose, and no free text or name ever appears here.
 */
import * as z from 'zod';
import type { MdcIcon } from '../charts/mdc-icons';
import { LAB_PHASES, type LabPhase, type Profession } from '../roles';

export const PortfolioQuerySchema = z.object({
  phase: z.enum(LAB_PHASES).optional(),
  topic: z.string().trim().max(60).optional(),
  /** Words to find in a lab's title or challenge. */
  q: z.string().trim().max(200).optional(),
});
export type PortfolioQuery = z.infer<typeof PortfolioQuerySchema>;

export interface PortfolioMeasure {
  readonly itemId: string;
  readonly title: string;
  /** The chart's icons at its latest point; none for a run chart or too few points. */
  readonly icons: readonly MdcIcon[];
}

export interface PortfolioSurveyQuestion {
  readonly text: string;
  /** The paired change in words (`describeChange`). */
  readonly change: string;
}

export interface PortfolioSurvey {
  readonly before: number;
  readonly after: number;
  readonly paired: number;
  /** Scale questions with a paired comparison; empty while fewer than the threshold answered. */
  readonly questions: readonly PortfolioSurveyQuestion[];
}

export interface PortfolioRow {
  readonly labId: string;
  readonly title: string;
  readonly phase: LabPhase;
  readonly topic: string | null;
  readonly archived: boolean;
  /** The latest change to the lab or any of its items. */
  readonly lastActivity: string;
  /** Members by profession, most first. */
  readonly professions: ReadonlyArray<{ readonly profession: Profession; readonly count: number }>;
  readonly measures: readonly PortfolioMeasure[];
  /** PDSA cycles, and of them those with a decision (adopt, adapt, abandon). */
  readonly pdsa: { readonly total: number; readonly decided: number };
  /** Connections first made in this lab (`shared/network/connections.ts`). */
  readonly newConnections: number;
  /** Null when the lab has no survey. */
  readonly survey: PortfolioSurvey | null;
}
