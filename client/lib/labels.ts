/**
 * Words people read for values the API sends as codes: lab phases, item kinds,
 * sharing states and document rights. Role and profession labels live in
 * `shared/roles.ts`.
 */
import type { DocRights, LabPhase, SharingState } from '../../shared/roles';
import type { ItemKind } from '../../shared/schemas/records';

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
};

export const SHARING_LABELS: Readonly<Record<SharingState, string>> = {
  draft: 'Draft',
  open_for_comment: 'Open for comment',
  final: 'Final',
};

export const RIGHTS_LABELS: Readonly<Record<DocRights, string>> = {
  edit: 'You can edit',
  comment: 'You can comment',
  read: 'Read only',
};
