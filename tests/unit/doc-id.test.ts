import { describe, expect, it } from 'vitest';
import { DocIdSchema, isDocId } from '../../shared/doc-id';
import { Limits } from '../../shared/limits';

describe('document ids', () => {
  const longest = 'a'.repeat(Limits.maxDocIdLength);
  const cases = [
    'abc',
    'A-b_9',
    longest,
    `${longest}a`,
    '',
    '../etc',
    'a b',
    'a/b',
    'é',
    'a\n',
    '-',
  ];

  it('isDocId accepts exactly what the schema accepts', () => {
    for (const value of cases) {
      expect([value, isDocId(value)]).toEqual([value, DocIdSchema.safeParse(value).success]);
    }
    expect(cases.filter(isDocId)).toEqual(['abc', 'A-b_9', longest, '-']);
  });
});
