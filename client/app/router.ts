/** The routes of the client, as a tiny History-API router (no dependency needed). */
import { useEffect, useState } from 'react';
import { GLOSSARY_PATH, parseRoute, type Route } from '../../shared/page-routes';

export { needsSignIn, type Route } from '../../shared/page-routes';

export const paths = {
  myLabs: () => '/',
  signIn: (next?: string) =>
    next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in',
  account: () => '/account',
  notifications: () => '/notifications',
  directory: () => '/directory',
  groups: () => '/groups',
  group: (groupId: string) => `/groups/${groupId}`,
  profile: () => '/profile',
  people: () => '/admin/people',
  portfolio: () => '/portfolio',
  forgotPassword: () => '/forgot-password',
  glossary: () => GLOSSARY_PATH,
  myComments: () => '/my-comments',
  invite: (token: string) => `/invite/${token}`,
  lab: (labId: string) => `/labs/${labId}`,
  labSettings: (labId: string) => `/labs/${labId}/settings`,
  labMembers: (labId: string) => `/labs/${labId}/members`,
  labAudit: (labId: string) => `/labs/${labId}/audit`,
  labIdeas: (labId: string) => `/labs/${labId}/ideas`,
  labReview: (labId: string) => `/labs/${labId}/review`,
  labSurvey: (labId: string) => `/labs/${labId}/evaluation`,
  labNetwork: (labId: string) => `/labs/${labId}/network`,
  labPersonalData: (labId: string) => `/labs/${labId}/personal-data`,
  item: (itemId: string) => `/items/${itemId}`,
  itemHistory: (itemId: string) => `/items/${itemId}/history`,
  /** An item's history page showing one version. */
  itemVersion: (itemId: string, versionId: string) =>
    `/items/${itemId}/history?version=${encodeURIComponent(versionId)}`,
  labVersions: (labId: string) => `/labs/${labId}/versions`,
} as const;

/** The address being shown: path, query and fragment. */
export function currentAddress(): string {
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
}

/** The current route and address, following History-API navigation and back/forward. */
export function useRoute(): { route: Route; address: string } {
  const [address, setAddress] = useState(currentAddress);
  useEffect(() => {
    const update = () => setAddress(currentAddress());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return { route: parseRoute(address.replace(/[?#].*$/, '')), address };
}
