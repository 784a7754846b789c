/**
 * What starting Node itself costs on this machine, measured in the same run as the servers'
 * start-up so the two can be read together: an empty script from spawn to exit, and, when
 * the environment sets `NODE_EXTRA_CA_CERTS`, the same with it.
 *
 * Node reads and parses that file of certificates at every start, before any of a program's
 * code runs (a machine sets it to trust a proxy for outbound TLS). Neither server makes an
 * outbound connection in the benchmark, and a server deployed as the README says does not
 * have it, so both start without it (`serverEnvironment`); what it would add to their start
 * is printed beside their figures, not hidden.
 */
import { spawn } from 'node:child_process';
import { median } from './quantiles';

export const EXTRA_CA_CERTS_VARIABLE = 'NODE_EXTRA_CA_CERTS';

export interface NodeStartFigures {
  /** Median spawn-to-exit of `node -e ""` without NODE_EXTRA_CA_CERTS. */
  readonly emptyScriptMs: number;
  /** The same with this environment's NODE_EXTRA_CA_CERTS; null when it does not set one. */
  readonly withExtraCaCertsMs: number | null;
  /** How many of each were timed, alternating. */
  readonly samples: number;
}

/** The environment the servers start with: this one without NODE_EXTRA_CA_CERTS. */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { [EXTRA_CA_CERTS_VARIABLE]: _extraCaCerts, ...rest } = env;
  return rest;
}

function timeEmptyScript(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, ['-e', ''], { env, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - spawnedAt);
      else reject(new Error(`node -e "" exited with ${code}`));
    });
  });
}

/** Times `samples` empty starts of each kind, alternating, so drift in the machine hits both. */
export async function measureNodeStart(samples: number): Promise<NodeStartFigures> {
  const extraCaCerts = process.env[EXTRA_CA_CERTS_VARIABLE];
  const plain: number[] = [];
  const withCerts: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    plain.push(await timeEmptyScript(serverEnvironment()));
    if (extraCaCerts) withCerts.push(await timeEmptyScript(process.env));
  }
  return {
    emptyScriptMs: median(plain),
    withExtraCaCertsMs: withCerts.length > 0 ? median(withCerts) : null,
    samples,
  };
}
