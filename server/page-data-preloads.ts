/**
 * The API answers every visit to a page asks for first, named in the response that
 * sends the page (a `Link` header of `rel=preload; as=fetch`), so the browser fetches
 * them beside the page's code instead of once that code has downloaded and run: the
 * session, on an item's page the item's summary, and on a lab's overview or ideas the
 * lab. The app asks for them while its entry script is evaluated
 * (`client/app/early-requests.ts`), before the page's load event, after which a
 * browser no longer hands out what it preloaded.
 *
 * Each is named as the app's API client fetches it (the same address, `fetch` with
 * the page's own credentials: `crossorigin` here), so the browser gives the app the
 * preloaded answer instead of asking again. They depend on the address alone, never
 * on who asks, and each is authorised when it arrives as any other request.
 */
import { API_PREFIX, routePath } from '../shared/api-contract';
import { Api } from '../shared/api-routes';
import { parseRoute } from '../shared/page-routes';

/** What the page at `pathname` asks the API for first, as the client's API client asks. */
export function pageDataPaths(pathname: string): string[] {
  const paths = [API_PREFIX + routePath(Api.auth.me.path)];
  const route = parseRoute(pathname);
  if (route.page === 'item') {
    paths.push(API_PREFIX + routePath(Api.items.get.path, { itemId: route.itemId }));
  }
  if (route.page === 'lab') {
    paths.push(API_PREFIX + routePath(Api.labs.get.path, { labId: route.labId }));
  }
  return paths;
}

/** The `Link` header that asks the browser to fetch `paths` as the page's API client will. */
export function preloadLinkHeader(paths: readonly string[]): string {
  return paths.map((p) => `<${p}>; rel=preload; as=fetch; crossorigin`).join(', ');
}
