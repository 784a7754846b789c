/** The few routes of the client, as a tiny History-API router (no dependency needed). */
import { useEffect, useState } from 'react';
import { isDocId } from '../../shared/doc-id';

export type Route = { page: 'home' } | { page: 'document'; docId: string } | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] && isDocId(match[1])) return { page: 'document', docId: match[1] };
  return { page: 'not-found' };
}

export function documentPath(docId: string): string {
  return `/d/${docId}`;
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return route;
}
