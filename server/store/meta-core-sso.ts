/**
 * The MetaStore's part in single sign-on: linking an organisation account (issuer and
 * subject) to exactly one person, and the sign-ins under way, each usable once.
 */
import { SsoRequestRecordSchema } from '../../shared/schemas/sso-request';
import { UserRecordSchema } from '../../shared/schemas/records';
import {
  type CoreState,
  checked,
  conflict,
  copy,
  copyOrNull,
  isExpired,
  removeWhere,
} from './meta-core-state';
import type { MetaStore } from './meta-store';

/**
 * At most this many sign-ins wait at once; the oldest gives way. Anyone may start one,
 * so without a bound the records could grow without end.
 */
export const MAX_PENDING_SSO_REQUESTS = 1000;

export type SsoMethods = Pick<MetaStore, 'linkIdentity' | 'createSsoRequest' | 'consumeSsoRequest'>;

export function ssoMethods(state: CoreState): SsoMethods {
  const { users, ssoRequests } = state.data;
  return {
    async linkIdentity(userId, identity) {
      state.assertOpen();
      const user = users.find((each) => each.id === userId);
      if (user === undefined) return null;
      const holder = users.find((each) =>
        each.identities?.some(
          (held) => held.issuer === identity.issuer && held.subject === identity.subject,
        ),
      );
      if (holder && holder.id !== userId) {
        throw conflict('this organisation account is linked to another person');
      }
      // One account per provider: linking again from the same issuer replaces the old one.
      const others = (user.identities ?? []).filter((held) => held.issuer !== identity.issuer);
      const identities = [...others, { issuer: identity.issuer, subject: identity.subject }];
      Object.assign(user, checked(UserRecordSchema, { ...user, identities }, 'user'));
      const result = copy(user);
      await state.saved();
      return result;
    },
    async createSsoRequest(input, now) {
      state.assertOpen();
      const request = checked(SsoRequestRecordSchema, input, 'sign-in request');
      if (ssoRequests.some((each) => each.keyHash === request.keyHash)) {
        throw conflict('a sign-in request with this key already exists');
      }
      removeWhere(ssoRequests, (each) => isExpired(each.expiresAt, now));
      if (ssoRequests.length >= MAX_PENDING_SSO_REQUESTS) {
        ssoRequests.splice(0, ssoRequests.length - MAX_PENDING_SSO_REQUESTS + 1);
      }
      ssoRequests.push(request);
      await state.saved();
    },
    async consumeSsoRequest(keyHash, now) {
      state.assertOpen();
      const request = ssoRequests.find((each) => each.keyHash === keyHash);
      if (request === undefined) return null;
      removeWhere(ssoRequests, (each) => each.keyHash === keyHash);
      await state.saved();
      return isExpired(request.expiresAt, now) ? null : copyOrNull(request);
    },
  };
}
