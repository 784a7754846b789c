/**
 * One entry of the role matrix (`tests/integration/role-matrix.test.ts`): a route,
 * how to call it for each kind of person, and the status each must get.
 */
import { type Expectation, type Fixture, PERSONAS, type Persona } from './role-matrix-fixture';

export interface Case {
  /** `METHOD /path` as the app registers it. */
  route: string;
  variant?: string;
  path: (f: Fixture, who: Persona) => string;
  body?: (f: Fixture, who: Persona) => unknown;
  expect: Expectation;
}

export const all = (status: number): Expectation =>
  Object.fromEntries(PERSONAS.map((p) => [p, status])) as Expectation;
export const signedIn = (status: number): Expectation => ({ ...all(status), anonymous: 401 });
export const ADMIN_ONLY = (status: number): Expectation => ({ ...signedIn(403), admin: status });
/** Lab routes: 401 anonymous, 404 for people outside the lab (no probing), then by role. */
export const lab = (
  observer: number,
  reviewer: number,
  participant: number,
  facilitator: number,
): Expectation => ({
  anonymous: 401,
  nonMember: 404,
  observer,
  reviewer,
  participant,
  facilitator,
  admin: facilitator,
});
