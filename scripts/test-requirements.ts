/**
 * What the test suite needs from the system, and what to do when it is missing.
 * Only Chromium remains (browser tests drive Debian's build through
 * playwright-core); PDFs are read with PDF.js and fonts ship as npm packages.
 * The decision is a pure function of what it is told, so tests can check it.
 */

/** Where Debian installs Chromium; `CHROMIUM_PATH` points elsewhere. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface SystemFacts {
  /** `CHROMIUM_PATH` as set in the environment, if it is. */
  readonly chromiumPathSetting: string | undefined;
  readonly isExecutable: (file: string) => boolean;
  readonly isRoot: boolean;
  /** Debian or a derivative with apt-get on the PATH. */
  readonly hasApt: boolean;
}

export type Preparation =
  | { readonly kind: 'ready'; readonly chromium: string }
  | { readonly kind: 'install'; readonly packages: readonly string[] }
  | { readonly kind: 'stop'; readonly message: string };

/** The Chromium the browser tests launch. */
export function chromiumPath(setting: string | undefined = process.env.CHROMIUM_PATH): string {
  return setting !== undefined && setting !== '' ? setting : DEBIAN_CHROMIUM;
}

/** Decides whether the suite can run, what to install first, or why it must stop. */
export function prepare(facts: SystemFacts): Preparation {
  const chromium = chromiumPath(facts.chromiumPathSetting);
  if (facts.isExecutable(chromium)) return { kind: 'ready', chromium };
  const explicit = chromium !== DEBIAN_CHROMIUM;
  if (!explicit && facts.isRoot && facts.hasApt) return { kind: 'install', packages: ['chromium'] };
  const lines = ['The tests cannot run: the browser tests need Chromium, which is missing.'];
  if (explicit) {
    lines.push(
      `  CHROMIUM_PATH is set to ${chromium}, which is not an executable file.`,
      `  Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`,
    );
  } else {
    lines.push(
      `  Missing: ${DEBIAN_CHROMIUM} (Debian package: chromium).`,
      '  Install it with:  sudo apt-get update && sudo apt-get install --no-install-recommends chromium',
      '  or point CHROMIUM_PATH at another Chromium or Chrome binary.',
    );
  }
  return { kind: 'stop', message: lines.join('\n') };
}
