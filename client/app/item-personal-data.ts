/**
 * The personal-data guard of an item's page: the lab's hospital number formats for
 * the checks in its comment forms and text fields, and "keep it, with a reason"
 * for its fields, recorded for the lab's facilitators.
 */

import { useMemo } from 'react';
import { Api } from '../../shared/api-routes';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import { guardFor, type PersonalDataGuard } from '../lib/personal-data';
import { useLab } from './lab-context';
import type { SignedIn } from './session';

export function useItemPersonalDataGuard(
  session: SignedIn,
  item: ItemWithRights,
): PersonalDataGuard {
  const [lab] = useLab(session.api, item.labId);
  const masks = lab.status === 'ready' ? lab.data.hospitalNumberMasks : null;
  const { api } = session;
  const editable = item.rights === 'edit';
  return useMemo(
    () =>
      guardFor(
        masks ?? [],
        editable
          ? async (target, reason) => {
              await api.call(Api.personalData.flagField, {
                params: { itemId: item.id },
                body: { target, reason },
              });
            }
          : undefined,
      ),
    [masks, api, editable, item.id],
  );
}
