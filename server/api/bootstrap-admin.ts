/**
 * The first administrator: from ADMIN_EMAIL and ADMIN_PASSWORD when set, otherwise
 * a one-time set-up link printed at start (its token is kept only as a hash and
 * expires; a new one is made at each start until an admin exists).
 */

import type { UserRecord } from '../../shared/schemas/records';
import { hashPassword } from '../auth/password-hash';
import { hashSecret, newId, newSecret } from '../auth/secrets';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface BootstrapResult {
  /** The set-up path to print, when no admin exists yet. */
  readonly setupPath: string | null;
}

export async function bootstrapAdmin(
  meta: MetaStore,
  config: Config,
  logger: Logger,
  now: () => Date,
  onAdminCreated: (user: UserRecord) => Promise<void>,
): Promise<BootstrapResult> {
  if (meta.hasAdmin()) {
    await meta.setSetupToken(null);
    return { setupPath: null };
  }
  if (config.admin) {
    const existing = meta.findUserByEmail(config.admin.email);
    const passwordHash = await hashPassword(config.admin.password, config.passwordHashCost);
    const user = existing
      ? await meta.updateUser(existing.id, { isAdmin: true, canCreateLabs: true, passwordHash })
      : await meta.createUser({
          id: newId(),
          email: config.admin.email,
          name: config.admin.name,
          profession: 'other',
          passwordHash,
          isAdmin: true,
          canCreateLabs: true,
          createdAt: now().toISOString(),
        });
    if (user) await onAdminCreated(user);
    logger.info('administrator created from ADMIN_EMAIL', { userId: user?.id });
    return { setupPath: null };
  }
  const token = newSecret('il_setup');
  await meta.setSetupToken({
    tokenHash: hashSecret(token),
    expiresAt: new Date(now().getTime() + SETUP_LINK_TTL_MS).toISOString(),
  });
  return { setupPath: `/setup#${token}` };
}
