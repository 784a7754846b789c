/**
 * The demo lab's thinking surfaces: a fishbone of why patients fall at night
 * (the NHS categories, with a "why?" chain), and a map of how a patient who
 * wants the toilet at night gets help, across the patient, the nurse and the
 * healthcare assistant, with its problems and ideas noted.
 */
import { addRow, fieldText } from '../../shared/documents/item-doc';
import type { DemoItem } from './demo-items';

const CAUSES: ReadonlyArray<readonly [string, string, string]> = [
  ['k-staff', 'c-people', 'Fewer staff at night'],
  ['k-staff-why', 'k-staff', 'Breaks taken at the busiest time'],
  ['k-staff-why2', 'k-staff-why', 'Break rota written for days, not nights'],
  ['k-confused', 'c-people', 'Confusion and delirium at night'],
  ['k-rounds', 'c-methods', 'No set rounds between 22:00 and 06:00'],
  ['k-handover', 'c-methods', 'Falls risk not said at handover'],
  ['k-bell', 'c-equipment', 'Call bell out of reach'],
  ['k-sensor', 'c-equipment', 'Bed sensors broken or not switched on'],
  ['k-light', 'c-environment', 'Dim lighting on the way to the toilet'],
  ['k-floor', 'c-environment', 'Wet floor by the sinks'],
  ['k-socks', 'c-materials', 'Non-slip socks run out'],
  ['k-bp', 'c-measurement', 'Lying and standing BP rarely recorded'],
  ['k-audit', 'c-management', 'Falls reviewed monthly, not daily'],
];

const STEPS: ReadonlyArray<
  readonly [
    string,
    'start' | 'step' | 'decision' | 'wait' | 'handoff' | 'end',
    string,
    string,
    string,
    string,
  ]
> = [
  ['s1', 'start', 'Patient wakes needing the toilet', 'l-patient', '', ''],
  [
    's2',
    'decision',
    'Call bell in reach?',
    'l-patient',
    'Bell often on the floor',
    'Check the bell at handover',
  ],
  ['s3', 'step', 'Presses the call bell', 'l-patient', '', ''],
  [
    's4',
    'wait',
    'Waits for someone to come',
    'l-patient',
    'Waits of 10 minutes or more at 03:00',
    '',
  ],
  ['s5', 'handoff', 'Nurse asks the HCA to help', 'l-nurse', '', ''],
  [
    's6',
    'step',
    'HCA walks the patient to the toilet',
    'l-hca',
    '',
    'Offer the toilet on every round',
  ],
  ['s7', 'end', 'Patient back in bed, bell in reach', 'l-hca', '', ''],
];

export const DEMO_DIAGRAMS: readonly DemoItem[] = [
  {
    id: 'demo-fishbone',
    kind: 'fishbone',
    sharing: 'final',
    title: 'Why patients fall at night',
    build: (doc) => {
      fieldText(doc, 'effect').insert(0, 'Patients fall at night on Ward 7');
      const categories: ReadonlyArray<readonly [string, string]> = [
        ['c-people', 'People'],
        ['c-methods', 'Methods'],
        ['c-equipment', 'Equipment'],
        ['c-environment', 'Environment'],
        ['c-materials', 'Materials'],
        ['c-measurement', 'Measurement'],
        ['c-management', 'Management'],
      ];
      for (const [id, label] of categories) addRow(doc, 'fishbone', 'categories', id, { label });
      for (const [id, parent, label] of CAUSES)
        addRow(doc, 'fishbone', 'causes', id, { label, parent });
    },
  },
  {
    id: 'demo-process',
    kind: 'process',
    sharing: 'final',
    title: 'Getting to the toilet at night',
    build: (doc) => {
      fieldText(doc, 'scope').insert(0, 'From a patient waking at night to being back in bed');
      const lanes: ReadonlyArray<readonly [string, string]> = [
        ['l-patient', 'Patient'],
        ['l-nurse', 'Nurse in charge'],
        ['l-hca', 'Healthcare assistant'],
      ];
      for (const [id, label] of lanes) addRow(doc, 'process', 'lanes', id, { label });
      for (const [id, type, label, lane, problem, idea] of STEPS)
        addRow(doc, 'process', 'steps', id, { type, label, lane, problem, idea });
      addRow(doc, 'process', 'branches', 'b-yes', { from: 's2', to: 's3', label: 'Yes' });
      addRow(doc, 'process', 'branches', 'b-no', {
        from: 's2',
        to: 's6',
        label: 'No: gets up alone',
      });
    },
  },
];
