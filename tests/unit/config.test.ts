import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_HASH_COST } from '../../server/auth/password-hash';
import { ConfigError, loadConfig } from '../../server/config';
import { SyncLimits } from '../../shared/limits';

describe('configuration from the environment', () => {
  it('has sensible defaults', () => {
    const config = loadConfig({}, '/srv/lab');
    expect(config).toMatchObject({
      port: 8787,
      dataDir: path.resolve('/srv/lab/data'),
      demo: true,
    });
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(
      /PORT="70000"[\s\S]*LOG_LEVEL="loud"/,
    );
  });

  it('takes the sync limits from SYNC_* settings, defaulting to shared/limits.ts', () => {
    expect(loadConfig({}).sync).toEqual(SyncLimits);
    const config = loadConfig({
      SYNC_MESSAGES_PER_SECOND: '50',
      SYNC_MESSAGE_BURST: '400',
      SYNC_BYTES_PER_SECOND: '65536',
      SYNC_MAX_BUFFERED_BYTES: '1048576',
      SYNC_MAX_SOCKETS_PER_ACCOUNT: '16',
      SYNC_PING_INTERVAL_MS: '10000',
    });
    expect(config.sync).toEqual({
      ...SyncLimits,
      messagesPerSecond: 50,
      messageBurst: 400,
      bytesPerSecond: 65536,
      maxBufferedBytes: 1048576,
      maxSocketsPerAccount: 16,
      pingIntervalMs: 10000,
    });
    expect(() => loadConfig({ SYNC_MESSAGES_PER_SECOND: '0' })).toThrow(
      /SYNC_MESSAGES_PER_SECOND="0"/,
    );
    expect(() => loadConfig({ SYNC_PING_INTERVAL_MS: '5' })).toThrow(/SYNC_PING_INTERVAL_MS="5"/);
  });
});

describe('TRUST_PROXY and PASSWORD_HASH_COST', () => {
  it('trusts no proxy and hashes at OWASP cost (N = 2^17) by default', () => {
    const config = loadConfig({});
    expect(config.trustProxy).toBe(0);
    expect(config.passwordHashCost).toBe(17);
    expect(DEFAULT_PASSWORD_HASH_COST).toBe(17);
  });

  it('reads TRUST_PROXY as true, false or a number of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('stops on a TRUST_PROXY or PASSWORD_HASH_COST it cannot use, naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY="yes please"/);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY="11"/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '8' })).toThrow(/PASSWORD_HASH_COST="8"/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '30' })).toThrow(/PASSWORD_HASH_COST="30"/);
  });

  it('keeps data under DATA_DIR unless DATABASE_URL is set, in schema public by default', () => {
    expect(loadConfig({}).database).toBeNull();
    expect(loadConfig({ DATABASE_URL: 'postgres://lab@db:5432/lab' }).database).toEqual({
      url: 'postgres://lab@db:5432/lab',
      schema: 'public',
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgresql://db/lab', DATABASE_SCHEMA: 'ward_7' }).database,
    ).toEqual({ url: 'postgresql://db/lab', schema: 'ward_7' });
  });

  it('stops on a DATABASE_URL or DATABASE_SCHEMA it cannot use, naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/lab' })).toThrow(/DATABASE_URL="mysql/);
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://db/lab', DATABASE_SCHEMA: 'x; drop' }),
    ).toThrow(/DATABASE_SCHEMA="x; drop"/);
    expect(() => loadConfig({ DATABASE_SCHEMA: 'Upper' })).toThrow(/DATABASE_SCHEMA="Upper"/);
  });

  it('takes email settings from SMTP_URL and MAIL_FROM, both or neither', () => {
    expect(loadConfig({}).mail).toBeNull();
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:pw@mail.example.org:587',
        MAIL_FROM: 'Lab <lab@example.org>',
      }).mail,
    ).toEqual({ url: 'smtp://user:pw@mail.example.org:587', from: 'Lab <lab@example.org>' });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(
      /SMTP_URL and MAIL_FROM/,
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@b.org' })).toThrow(
      /SMTP_URL/,
    );
  });

  it('takes single sign-on from the OIDC_ variables: all three or none, https unless local', () => {
    expect(loadConfig({}).oidc).toBeNull();
    const oidc = {
      OIDC_ISSUER: 'https://login.example.org/tenant',
      OIDC_CLIENT_ID: 'lab',
      OIDC_CLIENT_SECRET: 'secret',
    };
    expect(
      loadConfig({ ...oidc, OIDC_ALLOWED_DOMAINS: ' NHS.net, @example.org ,', OIDC_NAME: 'NHS' })
        .oidc,
    ).toEqual({
      issuer: 'https://login.example.org/tenant',
      clientId: 'lab',
      clientSecret: 'secret',
      allowedDomains: ['nhs.net', 'example.org'],
      name: 'NHS',
    });
    expect(loadConfig(oidc).oidc?.allowedDomains).toEqual([]);
    expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: 'lab' })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/,
    );
    expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'http://login.example.org' })).toThrow(
      /OIDC_ISSUER must start with https/,
    );
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9000' }).oidc?.issuer).toBe(
      'http://127.0.0.1:9000',
    );
    expect(() => loadConfig({ ...oidc, OIDC_ALLOWED_DOMAINS: 'not a domain' })).toThrow(
      /OIDC_ALLOWED_DOMAINS/,
    );
  });
});
