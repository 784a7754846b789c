/**
 * A Vite plugin that keeps, of NHS.UK frontend's stylesheet (`client/nhsuk.scss`),
 * only the rules the client's markup can match: the whole toolkit is about 285 KB
 * of CSS, most of it for components and utilities no page shows, and every page
 * pays to parse and match all of it before it is first drawn. PurgeCSS reads the
 * client's sources for the words a class, element or attribute selector needs.
 */
import path from 'node:path';
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const ENTRY = path.join(ROOT, 'client/nhsuk.scss');
/** Where the client spells its class names. */
const SOURCES = [path.join(ROOT, 'client/**/*.{ts,tsx,html}')];

/**
 * Classes the client builds from strings (`nhsuk-tag--${colour}`,
 * `nhsuk-input--width-${width}`): no source spells them whole.
 */
const BUILT_AT_RUN_TIME = [/^nhsuk-tag--/, /^nhsuk-input--width-/];
/** Element selectors all stay: the editor makes elements no source names. */
const ELEMENT = /^[a-z][a-z0-9]*$/;

/** The rules of `css` that markup spelt in the client's sources can match. */
async function keepUsedRules(css: string): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: SOURCES,
    css: [{ raw: css }],
    safelist: { standard: [...BUILT_AT_RUN_TIME, ELEMENT] },
  });
  if (!result) throw new Error('PurgeCSS returned no stylesheet');
  return result.css;
}

export function nhsukCss(): Plugin {
  return {
    name: 'improvement-lab:nhsuk-css',
    apply: 'build',
    async transform(code, id) {
      if (id !== ENTRY) return null;
      return { code: await keepUsedRules(code), map: null };
    },
  };
}
