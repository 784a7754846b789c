/**
 * The boundary check bites: run on tests/fixtures/boundaries, a copy of the layout whose
 * files each break one rule of .dependency-cruiser.cjs, it reports every one of them, and
 * nothing else (a feature importing its own files and sync using server/auth/ pass). The same
 * rules, run on the repository by `npm run boundaries`, fail `npm test` on any error.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probes = fileURLToPath(new URL('../fixtures/boundaries/', import.meta.url));

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruiseProbes(): Violation[] {
  const run = spawnSync(
    `${root}node_modules/.bin/depcruise`,
    [
      '--config',
      `${root}.dependency-cruiser.cjs`,
      '--output-type',
      'json',
      'shared',
      'client',
      'server',
    ],
    { cwd: probes, encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

describe('import boundaries', () => {
  it('reports every probe that crosses a boundary', () => {
    const found = cruiseProbes().map(({ rule, from, to }) => ({
      rule: rule.name,
      from,
      // Packages resolve into the repository's node_modules, above the probe folder.
      to: to.replace(/^(\.\.\/)+node_modules\//, 'node_modules/'),
    }));
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: 'shared-no-node-builtins', from: 'shared/reads-files.ts', to: 'fs' },
        {
          rule: 'shared-no-node',
          from: 'shared/opens-sockets.ts',
          to: expect.stringMatching(/^node_modules\/ws\//),
        },
        {
          rule: 'shared-no-dom',
          from: 'shared/renders.ts',
          to: expect.stringMatching(/^node_modules\/react-dom\//),
        },
        {
          rule: 'shared-no-client-or-server',
          from: 'shared/asks-the-store.ts',
          to: 'server/store/item-rows.ts',
        },
        {
          rule: 'features-independent',
          from: 'client/features/ideas/idea-chart.ts',
          to: 'client/features/measures/chart-words.ts',
        },
        {
          rule: 'store-below-api-sync-export',
          from: 'server/store/item-rows.ts',
          to: 'server/api/context.ts',
        },
        {
          rule: 'sync-and-exports-not-api',
          from: 'server/sync/room-access.ts',
          to: 'server/api/context.ts',
        },
        {
          rule: 'sync-and-exports-not-api',
          from: 'server/export/report-access.ts',
          to: 'server/api/context.ts',
        },
        {
          rule: 'auth-below-api-sync-export',
          from: 'server/auth/csrf.ts',
          to: 'server/api/context.ts',
        },
      ]),
    );
    // Nothing else: a feature's own imports and sync's use of server/auth/ pass.
    expect(found).toHaveLength(9);
  });
});
