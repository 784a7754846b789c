/**
 * The addresses of the client's pages, parsed without a browser: the client's router
 * reads the current address with it, and the server names the code a page needs
 * in the page it sends (`server/route-preloads.ts`).
 */
import { isDocId } from './doc-id';

/** The glossary page: named here so that term buttons anywhere can link to it. */
export const GLOSSARY_PATH = '/glossary';

export type Route =
  | { readonly page: 'my-labs' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'setup' }
  | { readonly page: 'invite'; readonly token: string }
  /** The lab's overview, or with `view: 'ideas'` its change ideas (`/labs/<id>/ideas`). */
  | { readonly page: 'lab'; readonly labId: string; readonly view?: 'ideas' }
  | { readonly page: 'lab-settings'; readonly labId: string }
  | { readonly page: 'lab-members'; readonly labId: string }
  | { readonly page: 'lab-audit'; readonly labId: string }
  | { readonly page: 'lab-review'; readonly labId: string }
  | { readonly page: 'lab-survey'; readonly labId: string }
  | { readonly page: 'lab-network'; readonly labId: string }
  | { readonly page: 'lab-personal-data'; readonly labId: string }
  /** The versions of all the lab's items, by day; retention for facilitators. */
  | { readonly page: 'lab-versions'; readonly labId: string }
  | { readonly page: 'item'; readonly itemId: string }
  /** An item's versions: view, compare, restore, who wrote what (`/items/<id>/history`). */
  | { readonly page: 'item-history'; readonly itemId: string }
  /** The old `/d/<id>` address of a document, now an item. */
  | { readonly page: 'legacy-document'; readonly itemId: string }
  | { readonly page: 'account' }
  | { readonly page: 'notifications' }
  | { readonly page: 'directory' }
  /** Special interest groups, and one group (`/groups/<id>`). */
  | { readonly page: 'groups' }
  | { readonly page: 'group'; readonly groupId: string }
  | { readonly page: 'profile' }
  | { readonly page: 'admin-people' }
  /** Every lab on one page, for administrators and people who may create labs. */
  | { readonly page: 'portfolio' }
  | { readonly page: 'forgot-password' }
  /** The words of quality improvement explained, open to anyone. */
  | { readonly page: 'glossary' }
  /** The threads I took part in across my labs, with the team's answers. */
  | { readonly page: 'my-comments' }
  | { readonly page: 'reset-password'; readonly token: string }
  | { readonly page: 'not-found' };

const INVITE_TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

const LAB_PAGES = {
  '': 'lab',
  settings: 'lab-settings',
  members: 'lab-members',
  audit: 'lab-audit',
  review: 'lab-review',
  evaluation: 'lab-survey',
  network: 'lab-network',
  'personal-data': 'lab-personal-data',
  versions: 'lab-versions',
} as const;

export function parseRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (path === '/' || path === '') return { page: 'my-labs' };
  if (path === '/sign-in') return { page: 'sign-in' };
  if (path === '/setup') return { page: 'setup' };
  if (path === '/account') return { page: 'account' };
  if (path === '/notifications') return { page: 'notifications' };
  if (path === '/directory') return { page: 'directory' };
  if (path === '/groups') return { page: 'groups' };
  if (path === '/profile') return { page: 'profile' };
  if (path === '/admin/people') return { page: 'admin-people' };
  if (path === '/portfolio') return { page: 'portfolio' };
  if (path === '/forgot-password') return { page: 'forgot-password' };
  if (path === GLOSSARY_PATH) return { page: 'glossary' };
  if (path === '/my-comments') return { page: 'my-comments' };
  const [, first, id = '', rest, extra] = path.split('/');
  if (extra !== undefined) return { page: 'not-found' };
  if (first === 'invite' && rest === undefined && INVITE_TOKEN.test(id)) {
    return { page: 'invite', token: id };
  }
  if (first === 'reset-password' && rest === undefined && INVITE_TOKEN.test(id)) {
    return { page: 'reset-password', token: id };
  }
  if (!isDocId(id)) return { page: 'not-found' };
  if (first === 'labs') {
    const key = rest ?? '';
    if (key === 'ideas') return { page: 'lab', labId: id, view: 'ideas' };
    if (key in LAB_PAGES) return { page: LAB_PAGES[key as keyof typeof LAB_PAGES], labId: id };
  }
  if (first === 'items' && rest === undefined) return { page: 'item', itemId: id };
  if (first === 'groups' && rest === undefined) return { page: 'group', groupId: id };
  if (first === 'items' && rest === 'history') return { page: 'item-history', itemId: id };
  if (first === 'd' && rest === undefined) return { page: 'legacy-document', itemId: id };
  return { page: 'not-found' };
}

/** Whether a route shows anything only to a signed-in person. */
export function needsSignIn(route: Route): boolean {
  switch (route.page) {
    case 'sign-in':
    case 'setup':
    case 'invite':
    case 'forgot-password':
    case 'reset-password':
    case 'glossary':
    case 'not-found':
      return false;
    case 'my-labs':
    case 'lab':
    case 'lab-settings':
    case 'lab-members':
    case 'lab-audit':
    case 'lab-review':
    case 'lab-survey':
    case 'lab-network':
    case 'lab-personal-data':
    case 'lab-versions':
    case 'item':
    case 'item-history':
    case 'legacy-document':
    case 'account':
    case 'notifications':
    case 'directory':
    case 'groups':
    case 'group':
    case 'profile':
    case 'admin-people':
    case 'portfolio':
    case 'my-comments':
      return true;
    default: {
      const unreachable: never = route;
      throw new Error(`unknown route ${JSON.stringify(unreachable)}`);
    }
  }
}
