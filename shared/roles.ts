/**
 * Roles, professions, lab phases and item sharing states: the vocabulary of who
 * may do what, named once. See the domain notes: a member's profession (for "who
 * took part") is kept apart from their role in a lab.
 */
export const LAB_ROLES = ['facilitator', 'participant', 'reviewer', 'observer'] as const;
export type LabRole = (typeof LAB_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<LabRole, string>> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  reviewer: 'Reviewer (patient or public)',
  observer: 'Observer',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<LabRole, string>> = {
  facilitator:
    'Runs the lab: members, invitations, sharing, versions, exports and the audit trail.',
  participant: 'Edits the lab’s work and comments on it.',
  reviewer: 'Reads what is shared with them and comments. Cannot change the text.',
  observer: 'Reads the lab’s work.',
};

export const PROFESSIONS = [
  'doctor',
  'nurse',
  'midwife',
  'allied_health_professional',
  'pharmacist',
  'manager',
  'commissioner',
  'analyst',
  'researcher',
  'policymaker',
  'patient',
  'carer',
  'voluntary_sector',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const PROFESSION_LABELS: Readonly<Record<Profession, string>> = {
  doctor: 'Doctor',
  nurse: 'Nurse',
  midwife: 'Midwife',
  allied_health_professional: 'Allied health professional',
  pharmacist: 'Pharmacist',
  manager: 'Manager',
  commissioner: 'Commissioner',
  analyst: 'Analyst',
  researcher: 'Researcher',
  policymaker: 'Policymaker',
  patient: 'Patient',
  carer: 'Carer',
  voluntary_sector: 'Voluntary sector',
  other: 'Other',
};

export const LAB_PHASES = ['understand', 'develop', 'test', 'share'] as const;
export type LabPhase = (typeof LAB_PHASES)[number];

export const SHARING_STATES = ['draft', 'open_for_comment', 'final'] as const;
export type SharingState = (typeof SHARING_STATES)[number];

/** What a sync connection may do with a document. */
export const DOC_RIGHTS = ['edit', 'comment', 'read'] as const;
export type DocRights = (typeof DOC_RIGHTS)[number];
