/**
 * The member directory over the real API: opt-in profiles, each visibility choice
 * respected for each role, and no call that lists a field its owner kept off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryEntry, ProfileBody } from '../../shared/schemas/profile';
import { addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const profile = (overrides: Partial<ProfileBody> = {}): ProfileBody => ({
  audience: 'everyone',
  organisation: 'Northshire Hospitals',
  region: 'north_west',
  topics: ['Falls', 'falls', 'frailty'],
  openToConnect: true,
  hideFromNetwork: false,
  shown: {
    profession: true,
    organisation: true,
    region: true,
    topics: true,
    labs: true,
    groups: false,
  },
  ...overrides,
});

describe('member directory', () => {
  let workspace: TestWorkspace;
  let nurse: TestPerson;
  let patient: TestPerson;
  let outsider: TestPerson;

  const call = (person: TestPerson, method: string, path: string, body?: unknown) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const directory = async (person: TestPerson, query = '') => {
    const response = await call(person, 'GET', `/directory${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { people: DirectoryEntry[] }).people;
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    nurse = await addPerson(meta, 'Nia Nurse');
    patient = await addPerson(meta, 'Pat Patient');
    outsider = await addPerson(meta, 'Olu Outsider');
    await addMember(meta, workspace.labId, nurse.user, 'participant');
    await addMember(meta, workspace.labId, patient.user, 'reviewer');
    await addLab(meta, outsider.user);
  });

  afterEach(async () => {
    await workspace.stop();
  });

  it('lists nobody until they choose to be listed', async () => {
    expect(await directory(outsider)).toEqual([]);
    const mine = await (await call(patient, 'GET', '/profile')).json();
    expect(mine.profile.audience).toBe('nobody');
  });

  it("keeps a reviewer's lab-only profile from everyone outside the lab", async () => {
    expect((await call(patient, 'PUT', '/profile', profile({ audience: 'labmates' }))).status).toBe(
      200,
    );
    expect((await directory(nurse)).map((p) => p.name)).toEqual(['Pat Patient']);
    expect(await directory(outsider)).toEqual([]);
    expect(JSON.stringify(await directory(outsider, '?q=pat'))).not.toContain('Pat');
  });

  it('sends only the fields shown, and filters on nothing hidden', async () => {
    const hidden = profile({
      shown: {
        profession: true,
        organisation: false,
        region: false,
        topics: true,
        labs: false,
        groups: false,
      },
    });
    expect((await call(nurse, 'PUT', '/profile', hidden)).status).toBe(200);
    const [entry] = await directory(outsider);
    expect(entry).toEqual({
      userId: nurse.user.id,
      name: 'Nia Nurse',
      profession: 'nurse',
      topics: ['falls', 'frailty'],
      openToConnect: true,
    });
    expect(JSON.stringify(await directory(outsider))).not.toMatch(/Northshire|north_west/);
    expect(await directory(outsider, '?region=north_west')).toEqual([]);
    expect(await directory(outsider, '?q=northshire')).toEqual([]);
    expect((await directory(outsider, '?topic=frailty')).length).toBe(1);
  });

  it('shows labs when asked to, and refuses bad input changing nothing', async () => {
    expect((await call(nurse, 'PUT', '/profile', profile())).status).toBe(200);
    const [entry] = await directory(outsider);
    expect(entry?.labs).toEqual([`Lab ${workspace.labId}`]);
    const bad = await call(nurse, 'PUT', '/profile', { ...profile(), region: 'atlantis' });
    expect(bad.status).toBe(400);
    expect((await call(outsider, 'GET', '/directory?region=atlantis')).status).toBe(400);
    const anonymous = await fetch(`${workspace.url}/api/directory`);
    expect(anonymous.status).toBe(401);
    expect(workspace.server.meta.getProfile(nurse.user.id)?.region).toBe('north_west');
  });
});
