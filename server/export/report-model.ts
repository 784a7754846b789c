/**
 * What an export says, before any format: a lab's (or one item's) content read
 * out of its documents into plain data. Readers (`read-item.ts`) build it; the
 * layout (`report-layout.ts`) turns it into blocks every renderer draws. Text in
 * here is already cleaned (`cleanText`) but not escaped: escaping belongs to
 * each output format.
 */

import type { JSONContent } from '@tiptap/core';
import type { ChartView } from '../../shared/charts/chart-view';
import type { RuleSet } from '../../shared/charts/index';
import type { Fishbone } from '../../shared/diagrams/fishbone';
import type { ProcessMap } from '../../shared/diagrams/process-map';
import type { Board } from '../../shared/documents/workshop-board';
import type { SurveyResults } from '../../shared/evaluation/survey-results';
import type { LabPhase } from '../../shared/roles';
import type { ReportComment } from '../../shared/schemas/archive';
import type { DriverDiagram } from './driver-diagram';

export type { ReportComment } from '../../shared/schemas/archive';

/** A rich-text section as ProseMirror JSON (a `doc` node), in the editor's schema. */
export type RichDoc = JSONContent;

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface RichSection {
  readonly label: string;
  readonly doc: RichDoc;
}

export interface ListRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, string>>;
}

interface ItemBase {
  readonly id: string;
  readonly title: string;
  /** Labelled values of the structured fields that have one. */
  readonly facts: readonly Fact[];
  /** Non-empty rich-text sections, in the kind's order. */
  readonly sections: readonly RichSection[];
  /**
   * What the document holds that breaks its kind's schema and is left out of the
   * export (`shared/documents/item-shape.ts`); absent or empty for a sound one.
   */
  readonly notices?: readonly string[];
}

export interface ProblemReport extends ItemBase {
  readonly kind: 'problem';
  /** The aim as one SMART sentence, or null when it has not been written yet. */
  readonly aim: string | null;
}

export interface DriversReport extends ItemBase {
  readonly kind: 'drivers';
  readonly diagram: DriverDiagram;
}

export interface IdeaReport extends ItemBase {
  readonly kind: 'idea';
}

export interface PdsaReport extends ItemBase {
  readonly kind: 'pdsa';
  readonly ideaId: string | null;
  readonly label: string;
  readonly follows: string;
  readonly decision: string | null;
  readonly questions: readonly ListRow[];
  readonly tasks: readonly ListRow[];
}

export interface MeasurePoint {
  readonly period: string;
  /** The charted value (numerator ÷ denominator for proportions); null when there is none. */
  readonly value: number | null;
  readonly note: string;
  /** Why the point is left out of the calculations; null when it is included. */
  readonly excluded: string | null;
  /** Why a new segment (re-based centre line) starts here; null when none does. */
  readonly rebase: string | null;
  /** The PDSA cycle the point followed, by its title as the lab names it; null for none. */
  readonly pdsa?: string | null;
  /** For proportions: the counts behind the value (p, p′, u and u′ charts weight by them). */
  readonly numerator?: number;
  readonly denominator?: number;
}

export interface MeasureReport extends ItemBase {
  readonly kind: 'measure';
  readonly unit: string;
  readonly rules: RuleSet;
  readonly points: readonly MeasurePoint[];
  /** Null when there are too few numeric points to draw one. */
  readonly chart: ChartView | null;
}

export interface NoteReport extends ItemBase {
  readonly kind: 'note';
}

export interface FishboneReport extends ItemBase {
  readonly kind: 'fishbone';
  readonly fishbone: Fishbone;
}

export interface ProcessReport extends ItemBase {
  readonly kind: 'process';
  readonly map: ProcessMap;
}

export interface WorkshopReport extends ItemBase {
  readonly kind: 'workshop';
  readonly board: Board;
}

export type ItemReport =
  | ProblemReport
  | DriversReport
  | IdeaReport
  | PdsaReport
  | MeasureReport
  | NoteReport
  | FishboneReport
  | ProcessReport
  | WorkshopReport;

export interface ParticipantCount {
  readonly profession: string;
  readonly count: number;
}

export interface TeamMember {
  readonly name: string;
  readonly profession: string;
}

export interface LabSummary {
  readonly title: string;
  readonly challenge: string;
  readonly phase: LabPhase;
  readonly startDate: string | null;
  readonly endDate: string | null;
}

export interface LabReport {
  readonly lab: LabSummary;
  readonly exportedAt: string;
  /** Items in registry order. */
  readonly items: readonly ItemReport[];
  /** Null when the export was not asked to include them. */
  readonly participants: readonly ParticipantCount[] | null;
  /** The team by name and profession (reviewers only counted); null when not included. */
  readonly team?: readonly TeamMember[] | null;
  readonly comments: readonly ReportComment[] | null;
  /** The evaluation survey's results, anonymous whatever the lab chose; null without answers. */
  readonly survey?: SurveyResults | null;
}

/** One item on its own, with the lab it belongs to for context. */
export interface SingleItemReport {
  readonly lab: LabSummary;
  readonly exportedAt: string;
  readonly item: ItemReport;
  /** The version shown, when the export is of an earlier version rather than now. */
  readonly version?: { readonly name: string; readonly at: string } | null;
}
