/**
 * Moving between pages without a reload (History API) and links that do so,
 * kept apart from the route table so that features can link without knowing it.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useEffect } from 'react';

export { GLOSSARY_PATH } from '../../shared/page-routes';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Follows a same-site link in the page, leaving new-tab and other modified clicks alone. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
    return;
  }
  event.preventDefault();
  navigate(path);
}

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) followLink(event, href);
      }}
    />
  );
}

/** Replaces the current address with `to` once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/**
 * A `?next=` value made safe: only a path on this site (never `//host` or a
 * scheme), so that a crafted sign-in link cannot send someone elsewhere.
 */
export function safeNextPath(next: string | null, origin: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  try {
    const url = new URL(next, origin);
    if (url.origin !== origin) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
