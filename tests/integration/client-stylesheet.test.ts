/**
 * The built client's stylesheets: nothing in them points at another host (NHS.UK
 * frontend's own stylesheet asks a host of its own for the NHS font, which the
 * app's Content-Security-Policy blocks and a self-hosted server must not call),
 * and of NHS.UK frontend only what the client can use is shipped, keeping the
 * classes it builds from strings at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/client-weight';

const require = createRequire(import.meta.url);
const clientDir = path.resolve('dist/client');
const assetsDir = path.join(clientDir, 'assets');

/** Every `url(…)` target in a stylesheet, without its quotes. */
function urlsIn(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((match) => match[2] ?? '');
}

/** The class names of `css` that start with `prefix`. */
function classesIn(css: string, prefix: string): Set<string> {
  const escaped = prefix.replace(/[-]/g, '\\-');
  const pattern = new RegExp(`\\.(${escaped}[\\w-]*)`, 'g');
  return new Set([...css.matchAll(pattern)].map((match) => match[1] ?? ''));
}

const builtStyles = readdirSync(assetsDir)
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ name, css: readFileSync(path.join(assetsDir, name), 'utf8') }));
const entryStyles = pageWeight(clientDir, 'index.html')
  .css.files.map((file) => readFileSync(path.join(clientDir, file), 'utf8'))
  .join('\n');
const wholeToolkit = readFileSync(
  require.resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'),
  'utf8',
);

describe('the built stylesheets', () => {
  it('point at nothing outside this origin: every url() is a path here or inline data', () => {
    expect(builtStyles.length).toBeGreaterThan(0);
    const elsewhere = builtStyles.flatMap(({ name, css }) =>
      urlsIn(css)
        // A scheme (`https:`) or a network path (`//host`) leaves the origin; `data:` does not.
        .filter((target) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target))
        .filter((target) => !target.startsWith('data:'))
        .map((target) => `${name}: ${target}`),
    );
    expect(elsewhere).toEqual([]);
    // The NHS font is licensed: not ours to serve, and never asked of its host.
    expect(entryStyles).not.toMatch(/@font-face/);
    expect(entryStyles).not.toMatch(/Frutiger/);
  });

  it('keep every tag colour and input width, which the client names from strings', () => {
    for (const prefix of ['nhsuk-tag--', 'nhsuk-input--width-']) {
      const offered = classesIn(wholeToolkit, prefix);
      expect(offered.size, prefix).toBeGreaterThan(1);
      expect(classesIn(entryStyles, prefix), prefix).toEqual(offered);
    }
  });

  it('leave out the components and utilities no page uses', () => {
    expect(wholeToolkit).toMatch(/\.nhsuk-hero\b/);
    expect(wholeToolkit).toMatch(/\.nhsuk-pagination\b/);
    expect(wholeToolkit).toMatch(/\.nhsuk-u-padding-top-9\b/);
    expect(entryStyles).not.toMatch(/\.nhsuk-hero\b/);
    expect(entryStyles).not.toMatch(/\.nhsuk-pagination\b/);
    expect(entryStyles).not.toMatch(/\.nhsuk-u-padding-top-9\b/);
    // What the pages do use is still there.
    expect(entryStyles).toMatch(/\.nhsuk-header\b/);
    expect(entryStyles).toMatch(/\.nhsuk-form-group--error\b/);
  });
});
