import { describe, expect, it } from 'vitest';
import { type DirectoryPerson, directoryFor } from '../../shared/network/directory';
import { defaultProfile, type ProfileRecord } from '../../shared/schemas/profile';

function person(
  userId: string,
  labIds: string[],
  profile: Partial<ProfileRecord> = {},
): DirectoryPerson {
  return {
    userId,
    name: userId.toUpperCase(),
    profession: 'nurse',
    profile: { ...defaultProfile(userId, '2026-01-01'), ...profile },
    labIds,
    labTitles: labIds.map((id) => `Lab ${id}`),
  };
}

describe('who sees whom in the directory', () => {
  const people = [
    person('ann', ['a'], { audience: 'everyone', organisation: 'Trust A', topics: ['falls'] }),
    person('bob', ['a', 'b'], { audience: 'labmates', region: 'wales' }),
    person('cat', ['b'], { audience: 'nobody', organisation: 'Secret' }),
    person('dan', [], {
      audience: 'everyone',
      organisation: 'Hidden org',
      region: 'london',
      shown: {
        profession: false,
        organisation: false,
        region: true,
        topics: true,
        labs: true,
        groups: false,
      },
    }),
  ];

  it('lists each person only to the audience they chose', () => {
    const names = (viewer: string) => directoryFor(people, viewer, {}).map((e) => e.userId);
    expect(names('ann')).toEqual(['ann', 'bob', 'dan']);
    expect(names('cat')).toEqual(['ann', 'bob', 'dan']);
    expect(names('dan')).toEqual(['ann', 'dan']);
    expect(names('stranger')).toEqual(['ann', 'dan']);
  });

  it('sends only the fields a person chose to show', () => {
    const dan = directoryFor(people, 'ann', {}).find((e) => e.userId === 'dan');
    expect(dan).toEqual({ userId: 'dan', name: 'DAN', openToConnect: false, region: 'london' });
    const ann = directoryFor(people, 'bob', {}).find((e) => e.userId === 'ann');
    expect(ann).toEqual({
      userId: 'ann',
      name: 'ANN',
      openToConnect: false,
      profession: 'nurse',
      organisation: 'Trust A',
      topics: ['falls'],
    });
  });

  it('searches and filters on what is shown only', () => {
    expect(directoryFor(people, 'ann', { q: 'trust' }).map((e) => e.userId)).toEqual(['ann']);
    expect(directoryFor(people, 'ann', { q: 'hidden' })).toEqual([]);
    expect(directoryFor(people, 'ann', { region: 'london' }).map((e) => e.userId)).toEqual(['dan']);
    expect(directoryFor(people, 'ann', { profession: 'nurse' }).map((e) => e.userId)).toEqual([
      'ann',
      'bob',
    ]);
    expect(directoryFor(people, 'ann', { topic: 'Falls' }).map((e) => e.userId)).toEqual(['ann']);
  });
});
