/**
 * The code a page will run, named in the page itself. The client loads each page's
 * code on demand, so on its own it learns which chunks an item page needs only once
 * its entry script has downloaded and run (a quarter of a second on a laptop), and
 * then fetches them six at a time. For the pages people usually arrive on from a
 * link, the server adds `<link rel="modulepreload">` for that page's chunks (and its
 * stylesheets) to `index.html`, so they download and compile beside the entry.
 *
 * Only static facts of the build are named: the same for everyone, whoever asks.
 * The chunks come from Vite's manifest; the client's loader finds them already
 * fetched (it skips a chunk a `<link>` already names).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRoute, type Route } from '../shared/page-routes';
import type { ItemKind } from '../shared/schemas/records';
import {
  ENTRY_KEY,
  staticClosure,
  type ViteManifest,
  ViteManifestSchema,
} from '../shared/vite-manifest';

/** The pages people usually open from a link, and the client module each one's code starts at. */
export const PAGE_MODULES: Readonly<Partial<Record<Route['page'], string>>> = {
  'my-labs': 'app/MyLabsPage.tsx',
  lab: 'app/LabPage.tsx',
  item: 'app/ItemPage.tsx',
};

/** A lab's change ideas (`/labs/<id>/ideas`), loaded by the lab's page when it shows them. */
export const IDEAS_MODULE = 'features/ideas/IdeasScreen.tsx';

/**
 * The client module that draws each kind of item (`client/app/item-kind-code.ts`
 * imports the same ones; a unit test holds the two lists together).
 */
export const KIND_MODULES: Readonly<Record<ItemKind, readonly string[]>> = {
  drivers: ['features/drivers/DriverDiagram.tsx'],
  idea: ['features/ideas/IdeaEditor.tsx', 'features/pdsa/RampView.tsx'],
  measure: ['features/measures/MeasureEditor.tsx'],
  pdsa: ['features/pdsa/PdsaWorksheet.tsx'],
  problem: ['features/problem/ProblemEditor.tsx'],
  fishbone: ['features/fishbone/FishboneItem.tsx'],
  process: ['features/process/ProcessItem.tsx'],
  workshop: ['features/workshop/WorkshopBoard.tsx'],
  note: ['lib/item-fields/GenericItemEditor.tsx'],
};

/** What one page adds to `index.html`. */
export interface PagePreload {
  /** Names this set of links: the page, and the item's kind when it is named. */
  readonly key: string;
  /** `<link>` elements, one per line. */
  readonly links: string;
  /** Whether the links depend on who asked (an item's kind is told only to those who may see it). */
  readonly personal: boolean;
}

export interface RoutePreloads {
  /**
   * What the page at `pathname` adds to `index.html`, or null if nothing. On an item's
   * page, `kindOf` names the item's kind when the person asking may see the item.
   */
  forPath(pathname: string, kindOf: (itemId: string) => ItemKind | null): PagePreload | null;
}

const NONE: RoutePreloads = { forPath: () => null };

/** Escapes a file name for an HTML attribute (Vite's names never need it; a manifest might). */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Reads the build's manifest once. Without a usable one (a client built without it,
 * not built yet, or a damaged file) pages are sent as built, and load their code as
 * they always could: naming chunks early is a gain, never a condition.
 */
export function loadRoutePreloads(clientDir: string): RoutePreloads {
  try {
    const raw = readFileSync(path.join(clientDir, '.vite', 'manifest.json'), 'utf8');
    return fromManifest(ViteManifestSchema.parse(JSON.parse(raw)));
  } catch {
    return NONE;
  }
}

function fromManifest(manifest: ViteManifest): RoutePreloads {
  // The entry's own chunks are in `index.html` already.
  const inEntry = new Set(staticClosure(manifest, ENTRY_KEY));
  const entryCss = new Set([...inEntry].flatMap((name) => manifest[name]?.css ?? []));
  const linksOf = (keys: readonly string[]): string[] => {
    const chunks = [...new Set(keys.flatMap((key) => staticClosure(manifest, key)))].filter(
      (name) => !inEntry.has(name),
    );
    const scripts = chunks.map((name) => manifest[name]?.file).filter((f) => f !== undefined);
    const styles = [...new Set(chunks.flatMap((name) => manifest[name]?.css ?? []))].filter(
      (file) => !entryCss.has(file),
    );
    return [
      // Stylesheets as the client's loader would add them: the page shows nothing without them.
      ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${attribute(file)}">`),
      ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${attribute(file)}">`),
    ];
  };
  const built = (key: string, keys: readonly string[], personal: boolean): PagePreload | null => {
    if (keys.some((k) => !manifest[k])) return null;
    const links = linksOf(keys);
    return links.length === 0 ? null : { key, links: links.join('\n    '), personal };
  };
  const byPage = new Map<Route['page'], PagePreload | null>();
  const byKind = new Map<ItemKind, PagePreload | null>();
  const ideas = PAGE_MODULES.lab
    ? built('lab:ideas', [PAGE_MODULES.lab, IDEAS_MODULE], false)
    : null;
  for (const [page, key] of Object.entries(PAGE_MODULES) as Array<[Route['page'], string]>) {
    byPage.set(page, built(page, [key], false));
    if (page !== 'item') continue;
    for (const [kind, keys] of Object.entries(KIND_MODULES) as Array<[ItemKind, string[]]>) {
      byKind.set(kind, built(`${page}:${kind}`, [key, ...keys], true));
    }
  }
  return {
    forPath: (pathname, kindOf) => {
      const route = parseRoute(pathname);
      if (route.page === 'lab' && route.view === 'ideas' && ideas) return ideas;
      const kind = route.page === 'item' ? kindOf(route.itemId) : null;
      return (kind && byKind.get(kind)) || (byPage.get(route.page) ?? null);
    },
  };
}

/** `html` with `preload`'s links added at the end of its `<head>`. */
export function withPreloads(html: string, preload: PagePreload): string {
  const at = html.indexOf('</head>');
  if (at === -1) return html;
  return `${html.slice(0, at)}  ${preload.links}\n  ${html.slice(at)}`;
}
