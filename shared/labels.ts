/**
 * Words people read for values the API sends as codes, shared by the screens and the exports:
 * lab phases, item kinds and sharing states. Role and profession labels live in `roles.ts`;
 * words for item fields' choices in `documents/choice-labels.ts`.
 */
import type { LabPhase, SharingState } from './roles';
import type { ItemKind } from './schemas/records';

export const PHASE_LABELS: Readonly<Record<LabPhase, string>> = {
  understand: 'Understand',
  develop: 'Develop',
  test: 'Test',
  share: 'Share',
};

export const PHASE_DESCRIPTIONS: Readonly<Record<LabPhase, string>> = {
  understand: 'Understanding the problem in depth',
  develop: 'Developing ideas for change',
  test: 'Testing ideas with PDSA cycles',
  share: 'Distilling and sharing what was learned',
};

export const ITEM_KIND_LABELS: Readonly<Record<ItemKind, string>> = {
  problem: 'Problem statement and aim',
  drivers: 'Driver diagram',
  idea: 'Change idea',
  pdsa: 'PDSA cycle',
  measure: 'Measure',
  note: 'Note',
  fishbone: 'Fishbone (cause and effect)',
  process: 'Process map',
  workshop: 'Workshop board',
};

export const SHARING_LABELS: Readonly<Record<SharingState, string>> = {
  draft: 'Draft',
  open_for_comment: 'Open for comment',
  final: 'Final',
};
