import { describe, expect, it } from 'vitest';
import { HospitalNumberMasksSchema } from '../../shared/personal-data/hospital-number';
import { isValidNhsNumber, nhsCheckDigit } from '../../shared/personal-data/nhs-number';
import {
  findPersonalData,
  isUkPhoneNumber,
  type PersonalDataKind,
  redactPersonalData,
} from '../../shared/personal-data/rules';

const today = '2026-12-03';
const kinds = (text: string, masks?: string[]): PersonalDataKind[] =>
  findPersonalData(text, { today, hospitalNumberMasks: masks }).map((f) => f.kind);

describe('NHS numbers (modulus 11)', () => {
  it.each([
    '9434765919',
    '943 476 5919',
    '943-476-5919',
    '4010232137',
    '4505577104',
    // Check digit 0 (11 - remainder 0 = 11 becomes 0).
    '5990128088',
  ])('accepts %s, whose check digit is right', (number) => {
    expect(isValidNhsNumber(number)).toBe(true);
  });

  it.each([
    ['9434765918', 'wrong check digit'],
    ['9434765910', 'wrong check digit'],
    ['4010232138', 'wrong check digit'],
    ['1234567890', 'check digit would be 10, never issued'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['94347a5919', 'a letter'],
  ])('refuses %s (%s)', (number) => {
    expect(isValidNhsNumber(number)).toBe(false);
  });

  it('computes the check digit, and none when it would be 10', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('599012808')).toBe(8);
    expect(nhsCheckDigit('123456789')).toBeNull();
  });

  it('flags a valid NHS number in text and not ten digits that fail the check', () => {
    expect(kinds('Patient 943 476 5919 was seen twice')).toEqual(['nhs_number']);
    expect(kinds('Order reference 9434765918 arrived')).toEqual([]);
    expect(kinds('Part of a longer number 194347659190')).toEqual([]);
  });
});

describe('UK postcodes', () => {
  it.each([
    'SW1A 1AA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'EC1A 1BB',
    'ls27ua',
    'W1A 0AX',
  ])('flags %s', (postcode) => {
    expect(kinds(`Lives at ${postcode} near the clinic`)).toEqual(['postcode']);
  });

  it.each(['Q1 1AA', 'SW1A 1CA', 'AB12', '12 1AA', 'ward 7B', 'room 2A'])(
    'does not flag %s',
    (text) => {
      expect(kinds(`See ${text} today`)).toEqual([]);
    },
  );
});

describe('dates of birth', () => {
  it.each([
    'DOB 12/03/1954',
    'D.O.B.: 1954-03-12',
    'born on 3rd March 1990',
    'date of birth is 29/02/2012',
    'dob 01/02/03',
  ])('flags a date next to a birth word: %s', (text) => {
    expect(kinds(text)).toEqual(['date_of_birth']);
  });

  it('flags a full date long ago without a birth word', () => {
    expect(kinds('Mrs X, 12 March 1948, came in')).toEqual(['date_of_birth']);
  });

  it.each([
    ['the cycle starts 12/03/2026', 'a recent date'],
    ['DOB 31/02/1970', 'no 31st of February'],
    ['born 29/02/2023', 'not a leap year'],
    ['DOB 12/13/1980', 'no 13th month'],
    ['born 01/01/2030', 'a birth in the future'],
    ['baseline from 2024-04-01', 'a recent date'],
    ['met on 01/02/03', 'a two-digit year without a birth word'],
  ])('does not flag %s (%s)', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('phone numbers, emails and hospital numbers', () => {
  it.each([
    '07700 900123',
    '+44 7700 900123',
    '+44 (0)20 7946 0018',
    '(0113) 496 0000',
    '0161-496-0999',
  ])('flags the phone number %s', (phone) => {
    expect(kinds(`Call ${phone} please`)).toEqual(['phone']);
  });

  it('does not take short or foreign numbers for UK phones', () => {
    expect(isUkPhoneNumber('0123 45')).toBe(false);
    expect(kinds('We saw 0 to 12345 people')).toEqual([]);
    expect(kinds('12 of 40 patients, 30%')).toEqual([]);
  });

  it('flags email addresses', () => {
    expect(kinds('write to jane.doe@example.nhs.uk today')).toEqual(['email']);
  });

  it('flags hospital numbers only in the formats the lab names', () => {
    expect(kinds('MRN RX123456 seen', ['RX######'])).toEqual(['hospital_number']);
    expect(kinds('MRN RX123456 seen')).toEqual([]);
    expect(kinds('MRN K1234567 seen', ['@#######'])).toEqual(['hospital_number']);
    expect(kinds('MRN RX12345 seen', ['RX######'])).toEqual([]);
  });

  it('reads hospital number formats as a facilitator types them, and refuses bad ones', () => {
    expect(HospitalNumberMasksSchema.parse(' RX######, @####### ')).toEqual([
      'RX######',
      '@#######',
    ]);
    expect(HospitalNumberMasksSchema.parse('')).toEqual([]);
    expect(HospitalNumberMasksSchema.safeParse('RX12').success).toBe(false);
    expect(HospitalNumberMasksSchema.safeParse('(.*)+###').success).toBe(false);
  });
});

describe('several findings', () => {
  it('reports each once, in text order, the more specific rule winning', () => {
    const text = 'Jo (943 476 5919), jo@example.com, LS2 7UA, DOB 01/02/1950';
    const found = findPersonalData(text, { today });
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['nhs_number', '943 476 5919'],
      ['email', 'jo@example.com'],
      ['postcode', 'LS2 7UA'],
      ['date_of_birth', '01/02/1950'],
    ]);
  });

  it('redacts every finding and nothing else', () => {
    expect(redactPersonalData('Jo, 943 476 5919, lives in LS2 7UA. Fine.', { today })).toBe(
      'Jo, [removed], lives in [removed]. Fine.',
    );
  });

  it('finds nothing in ordinary QI text', () => {
    const text =
      'PDSA cycle 2a: test the new checklist on ward 7 for one week; 12 of 40 handovers used it (30%). Run chart shows a shift from week 6.';
    expect(findPersonalData(text, { today })).toEqual([]);
  });
});
