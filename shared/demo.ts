/**
 * The demo workspace created on first start, so that a new user sees the product
 * working. Ids are fixed so the client can link to them.
 */
export const DEMO_DOC_ID = 'demo-ward7-falls';

export const DEMO_TITLE = 'Reducing inpatient falls on Ward 7';

/** Blocks of the demo note: a heading level (0 for a paragraph) and its text. */
export const DEMO_BLOCKS: ReadonlyArray<readonly [level: 0 | 1 | 2, text: string]> = [
  [1, 'Problem statement'],
  [
    0,
    'Between April and September, Ward 7 (acute older people’s medicine, 28 beds) recorded 41 inpatient falls, 6.1 per 1,000 occupied bed days against a trust average of 4.2. Nine falls caused moderate harm, two of them hip fractures.',
  ],
  [
    0,
    'Most falls happen between 22:00 and 06:00, often when a patient gets up alone to use the toilet. Patients, families and staff all describe call bells that are out of reach and a lack of clarity about who needs a lying and standing blood pressure.',
  ],
  [1, 'Aim'],
  [
    0,
    'Reduce inpatient falls on Ward 7 from 6.1 to 4.0 per 1,000 occupied bed days by 31 March, without increasing the use of restrictive measures.',
  ],
  [2, 'How we will know it is an improvement'],
  [
    0,
    'Outcome: falls per 1,000 occupied bed days (monthly). Process: percentage of patients with a completed lying and standing blood pressure within 24 hours of admission (weekly audit of 10 notes). Balancing: use of enhanced observation (1:1) hours.',
  ],
  [1, 'Change ideas to test'],
  [
    0,
    'Intentional rounding at night with a toilet offer; call bell within reach checked at every handover; a patient-held “my mobility” card designed with our patient partners.',
  ],
];

/** The demo lab created with the first administrator. */
export const DEMO_LAB = {
  id: 'demo-lab-ward7',
  title: 'Ward 7 falls improvement lab',
  challenge:
    'How might we reduce inpatient falls on an acute older people’s ward, with patients and families?',
  phase: 'develop',
  startDate: '2026-04-01',
  endDate: '2027-03-31',
  /** The demo's special interest group is on the same topic, so it lists the lab. */
  topic: 'falls',
} as const;
