import { describe, expect, it } from 'vitest';
import { findMentions, mentionQueryAt } from '../../shared/mentions';

const people = [
  { id: 'ann', name: 'Ann' },
  { id: 'ann-smith', name: 'Ann Smith' },
  { id: 'bo', name: 'Bo Ng' },
];

describe('findMentions', () => {
  it('finds each mentioned person once, the longest name winning', () => {
    expect(findMentions('@Ann Smith and @bo ng, and @Ann. Again @Ann Smith', people)).toEqual([
      'ann-smith',
      'bo',
      'ann',
    ]);
  });

  it('ignores email addresses, names run on into other words and unknown names', () => {
    expect(findMentions('write to x@Ann.org or @Annabel or @Zed', people)).toEqual([]);
  });
});

describe('mentionQueryAt', () => {
  it('reads the name typed after an @ that starts a word', () => {
    expect(mentionQueryAt('Thanks @Ann S', 13)).toEqual({ start: 7, query: 'Ann S' });
    expect(mentionQueryAt('Thanks @', 8)).toEqual({ start: 7, query: '' });
  });

  it('is null without an @, inside an email address or across a line', () => {
    expect(mentionQueryAt('Thanks', 6)).toBeNull();
    expect(mentionQueryAt('me@exa', 6)).toBeNull();
    expect(mentionQueryAt('@Ann\nmore', 9)).toBeNull();
  });
});
