import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIM_PARTS,
  aimConflict,
  aimPrompt,
  aimSentence,
  describeAim,
  EMPTY_AIM_PROMPT,
  formatAimDate,
  missingAimParts,
} from '../../shared/documents/aim-sentence';
import { fieldText, initItemDoc, readFields, setFieldValue } from '../../shared/documents/item-doc';

const WARD_7 = {
  aimWhat: 'Inpatient falls',
  aimForWhom: 'patients on Ward 7',
  aimBaseline: 6.1,
  aimTarget: 4,
  aimUnit: 'falls per 1,000 occupied bed days',
  aimDirection: 'decrease',
  aimByWhen: '2027-03-31',
} as const;

describe('the aim sentence', () => {
  it('reads the whole SMART aim as one sentence', () => {
    expect(aimSentence(WARD_7)).toBe(
      'Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027.',
    );
    const aim = describeAim(WARD_7);
    expect(aim.complete).toBe(true);
    expect(aim.missing).toEqual([]);
    expect(aim.prompt).toBeNull();
    expect(aim.conflict).toBeNull();
  });

  it('reads the fields of a real problem document', () => {
    const doc = new Y.Doc();
    initItemDoc(doc, 'problem', 'Falls');
    fieldText(doc, 'aimWhat').insert(0, WARD_7.aimWhat);
    fieldText(doc, 'aimForWhom').insert(0, WARD_7.aimForWhom);
    fieldText(doc, 'aimUnit').insert(0, WARD_7.aimUnit);
    setFieldValue(doc, 'problem', 'aimBaseline', 6.1);
    setFieldValue(doc, 'problem', 'aimTarget', 4);
    setFieldValue(doc, 'problem', 'aimDirection', 'decrease');
    setFieldValue(doc, 'problem', 'aimByWhen', '2027-03-31');
    expect(aimSentence(readFields(doc, 'problem'))).toBe(aimSentence(WARD_7));
  });

  describe('direction wording', () => {
    it('says "Increase" for an aim to increase', () => {
      expect(
        aimSentence({
          aimWhat: 'Patients offered a lying and standing blood pressure check',
          aimDirection: 'increase',
          aimBaseline: 35,
          aimTarget: 90,
          aimUnit: '%',
        }),
      ).toBe(
        'Increase patients offered a lying and standing blood pressure check from 35% to 90%.',
      );
    });

    it('infers the direction from the numbers when none is chosen, and does not ask for it', () => {
      const fields = { aimWhat: 'Falls', aimBaseline: 6, aimTarget: 4 };
      expect(aimSentence(fields)).toBe('Reduce falls from 6 to 4.');
      expect(missingAimParts(fields)).not.toContain('direction');
      expect(aimSentence({ ...fields, aimTarget: 8 })).toBe('Increase falls from 6 to 8.');
    });

    it('says "Improve" when neither a direction nor the numbers say which way', () => {
      expect(aimSentence({ aimWhat: 'Night-time sleep' })).toBe('Improve night-time sleep.');
      expect(missingAimParts({ aimWhat: 'Night-time sleep' })).toContain('direction');
    });

    it('says when the numbers contradict the chosen direction', () => {
      expect(aimConflict({ ...WARD_7, aimTarget: 7 })).toBe(
        'The target (7) is higher than the baseline (6.1), but the aim is to reduce.',
      );
      expect(aimConflict({ ...WARD_7, aimDirection: 'increase' })).toBe(
        'The target (4) is lower than the baseline (6.1), but the aim is to increase.',
      );
      expect(aimConflict({ ...WARD_7, aimTarget: 6.1 })).toContain('the same as the baseline');
    });
  });

  describe('missing parts', () => {
    it('asks for a target to complete the aim', () => {
      const fields = { ...WARD_7, aimTarget: null };
      expect(aimPrompt(missingAimParts(fields))).toBe('Add a target to complete the aim.');
      expect(aimSentence(fields)).toBe(
        'Reduce inpatient falls for patients on Ward 7 from 6.1 falls per 1,000 occupied bed days by 31 March 2027.',
      );
    });

    it('lists several missing parts in the sentence order, with "and" before the last', () => {
      const fields = { ...WARD_7, aimTarget: null, aimByWhen: null, aimForWhom: '  ' };
      expect(missingAimParts(fields)).toEqual(['forWhom', 'target', 'byWhen']);
      expect(describeAim(fields).prompt).toBe(
        'Add who it is for, a target and a date to complete the aim.',
      );
      expect(describeAim(fields).complete).toBe(false);
    });

    it('has no sentence without what will improve, and says how to start when all is empty', () => {
      expect(aimSentence({ ...WARD_7, aimWhat: '' })).toBeNull();
      expect(aimPrompt(missingAimParts({ ...WARD_7, aimWhat: '' }))).toBe(
        'Add what will improve to complete the aim.',
      );
      expect(missingAimParts({})).toEqual([...AIM_PARTS]);
      expect(describeAim({}).prompt).toBe(EMPTY_AIM_PROMPT);
    });

    it('leaves the unit out when there is no number for it to follow', () => {
      expect(aimSentence({ aimWhat: 'Falls', aimUnit: 'per 1,000 bed days' })).toBe(
        'Improve falls.',
      );
      expect(aimSentence({ aimWhat: 'Falls', aimTarget: 4, aimDirection: 'decrease' })).toBe(
        'Reduce falls to 4.',
      );
    });

    it('tidies what people type: spaces, a full stop, a leading "for"', () => {
      expect(
        aimSentence({ aimWhat: '  Inpatient   falls. ', aimForWhom: 'for patients on Ward 7' }),
      ).toBe('Improve inpatient falls for patients on Ward 7.');
    });

    it('keeps an acronym’s capitals at the start of what will improve', () => {
      expect(
        aimSentence({ aimWhat: 'NEWS2 scores recorded on time', aimDirection: 'increase' }),
      ).toBe('Increase NEWS2 scores recorded on time.');
    });
  });

  describe('numbers and dates in British English', () => {
    it('writes thousands with commas and keeps decimals', () => {
      expect(
        aimSentence({
          aimWhat: 'Bed days lost to delayed discharge',
          aimBaseline: 12500,
          aimTarget: 9999.25,
          aimUnit: 'bed days a year',
        }),
      ).toBe('Reduce bed days lost to delayed discharge from 12,500 to 9,999.25 bed days a year.');
    });

    it('writes dates as "31 March 2027" whatever the time zone', () => {
      expect(formatAimDate('2027-03-31')).toBe('31 March 2027');
      expect(formatAimDate('2026-01-01')).toBe('1 January 2026');
    });

    it('shows an impossible date as stored rather than another day', () => {
      expect(formatAimDate('2027-02-30')).toBe('2027-02-30');
      expect(formatAimDate('next spring')).toBe('next spring');
    });
  });
});
