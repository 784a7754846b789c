/**
 * Words people read for document rights. Phases, item kinds and sharing states are in
 * `shared/labels.ts`, where the exports read them too.
 */
import type { DocRights } from '../../shared/roles';

export {
  ITEM_KIND_LABELS,
  PHASE_DESCRIPTIONS,
  PHASE_LABELS,
  SHARING_LABELS,
} from '../../shared/labels';

export const RIGHTS_LABELS: Readonly<Record<DocRights, string>> = {
  edit: 'You can edit',
  comment: 'You can comment',
  read: 'Read only',
};
