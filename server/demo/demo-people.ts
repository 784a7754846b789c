/**
 * The demo lab's other members: people from several professions, including a patient
 * and a carer, so the member list, "who took part" and the evaluation survey show
 * what a real lab looks like. They cannot sign in: each password hash is random bytes,
 * which no password produces. Their survey answers are a finished before-and-after
 * round.
 */
import type { LabRole, Profession } from '../../shared/roles';
import { defaultProfile, type ProfileAudience, type Region } from '../../shared/schemas/profile';
import { defaultSurvey } from '../../shared/schemas/survey';
import { unusablePasswordHash } from '../auth/password-hash';
import type { MetaStore } from '../store/meta-store';

interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly profession: Profession;
  readonly role: LabRole;
  /** Scale answers (access, skills, confidence, support) before and after the lab. */
  readonly before: readonly [number, number, number, number];
  readonly after: readonly [number, number, number, number];
  readonly comment: string;
  /** Their directory profile: a patient keeps to the lab, a carer is not listed. */
  readonly audience: ProfileAudience;
  readonly region: Region;
  readonly organisation: string;
  readonly topics: readonly string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'demo-amara',
    name: 'Amara Okafor',
    profession: 'doctor',
    role: 'participant',
    before: [2, 3, 3, 2],
    after: [4, 4, 4, 4],
    comment: 'Meeting the pharmacy team changed how we review night-time sedation.',
    audience: 'everyone',
    region: 'north_west',
    organisation: 'Northshire Hospitals NHS Trust',
    topics: ['falls', 'deprescribing', 'frailty'],
  },
  {
    id: 'demo-ben',
    name: 'Ben Walsh',
    profession: 'nurse',
    role: 'participant',
    before: [2, 2, 2, 3],
    after: [4, 3, 4, 4],
    comment: 'The run chart made the night-shift change visible to everyone.',
    audience: 'everyone',
    region: 'north_west',
    organisation: 'Northshire Hospitals NHS Trust',
    topics: ['falls', 'night shifts'],
  },
  {
    id: 'demo-chloe',
    name: 'Chloe Evans',
    profession: 'pharmacist',
    role: 'participant',
    before: [3, 3, 3, 3],
    after: [4, 4, 3, 4],
    comment: 'More time for the PDSA write-ups, please.',
    audience: 'everyone',
    region: 'midlands',
    organisation: 'Midshire Integrated Care Board',
    topics: ['medicines safety', 'deprescribing'],
  },
  {
    id: 'demo-dev',
    name: 'Dev Patel',
    profession: 'analyst',
    role: 'participant',
    before: [3, 4, 3, 2],
    after: [4, 4, 4, 3],
    comment: 'Good to see the data used on the ward, not only in reports.',
    audience: 'everyone',
    region: 'london',
    organisation: 'Capital Health Analytics',
    topics: ['run charts', 'spc', 'measurement'],
  },
  {
    id: 'demo-eleanor',
    name: 'Eleanor Hughes',
    profession: 'patient',
    role: 'reviewer',
    before: [1, 2, 2, 2],
    after: [3, 3, 3, 4],
    comment: 'I felt listened to: the bedside checklist uses our words.',
    audience: 'labmates',
    region: 'north_west',
    organisation: '',
    topics: ['falls', 'patient voice'],
  },
  {
    id: 'demo-farah',
    name: 'Farah Khan',
    profession: 'manager',
    role: 'participant',
    before: [3, 2, 3, 3],
    after: [3, 3, 4, 3],
    comment: '',
    audience: 'everyone',
    region: 'scotland',
    organisation: 'Glenford Health Board',
    topics: ['leadership', 'falls'],
  },
  {
    id: 'demo-gareth',
    name: 'Gareth Jones',
    profession: 'allied_health_professional',
    role: 'participant',
    before: [2, 3, 2, 2],
    after: [3, 4, 3, 3],
    comment: 'Linking the physio falls screen to the aim helped.',
    audience: 'everyone',
    region: 'wales',
    organisation: 'Bro Hafren University Health Board',
    topics: ['frailty', 'rehabilitation'],
  },
  {
    id: 'demo-helen',
    name: 'Helen Brown',
    profession: 'carer',
    role: 'reviewer',
    before: [2, 1, 2, 3],
    after: [2, 3, 3, 3],
    comment: '',
    audience: 'nobody',
    region: 'south_west',
    organisation: '',
    topics: ['carers'],
  },
];

const SCALE_IDS = ['access', 'skills', 'confidence', 'support'] as const;

/**
 * Which demo items each demo person worked on (by position in the demo's items), so
 * the lab's network shows the ties a real lab makes across professions.
 */
const WORKED_ON: readonly (readonly number[])[] = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
  [0],
  [1, 4],
  [2, 4],
  [],
];

export async function seedDemoPeople(
  meta: MetaStore,
  labId: string,
  at: string,
  itemIds: readonly string[] = [],
): Promise<void> {
  for (const person of DEMO_PEOPLE) {
    if (meta.getUser(person.id) === null) {
      await meta.createUser({
        id: person.id,
        email: `${person.id}@example.org`,
        name: person.name,
        profession: person.profession,
        passwordHash: unusablePasswordHash(),
        isAdmin: false,
        canCreateLabs: false,
        createdAt: at,
      });
    }
    await meta.addMember({ labId, userId: person.id, role: person.role, joinedAt: at });
    if (meta.getProfile(person.id) === null) {
      const profile = defaultProfile(person.id, at);
      await meta.saveProfile({
        ...profile,
        audience: person.audience,
        region: person.region,
        organisation: person.organisation,
        topics: [...person.topics],
        openToConnect: person.audience === 'everyone',
        shown: { ...profile.shown, labs: person.audience === 'everyone' },
      });
    }
  }
  for (const [index, person] of DEMO_PEOPLE.entries()) {
    for (const position of WORKED_ON[index] ?? []) {
      const itemId = itemIds[position];
      if (itemId) await meta.recordContribution({ labId, itemId, userId: person.id, firstAt: at });
    }
  }
  const facilitatorId = meta.listMembers(labId).find((m) => m.role === 'facilitator')?.userId;
  const survey = defaultSurvey(labId, facilitatorId ?? DEMO_PEOPLE[0]?.id ?? labId, at);
  await meta.saveSurvey({
    ...survey,
    rounds: { before: { openedAt: at, closedAt: at }, after: { openedAt: at, closedAt: at } },
  });
  for (const person of DEMO_PEOPLE) {
    for (const round of ['before', 'after'] as const) {
      const values = person[round];
      const answers: Record<string, number | string> = Object.fromEntries(
        SCALE_IDS.map((id, index) => [id, values[index] ?? 3]),
      );
      if (round === 'after' && person.comment) answers.comments = person.comment;
      await meta.saveSurveyResponse({ labId, round, userId: person.id, answers, submittedAt: at });
    }
  }
}
