// Bigram terms for indexed Chinese substring search: every substring of two or more characters is findable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramsOf, matchesQuery, normalizeForSearch, queryTerms, searchTermsOf } from '../../../shared/search/bigrams';

describe('bigram search terms', () => {
  it('normalizes width, case, spaces and punctuation', () => {
    expect(normalizeForSearch('学习 贯彻，ＡＢＣ！')).toBe('学习贯彻abc');
  });

  it('makes the bigrams of a phrase', () => {
    expect(bigramsOf('三会一课')).toEqual(['三会', '会一', '一课']);
    expect(bigramsOf('党')).toEqual(['党']);
    expect(bigramsOf('。')).toEqual([]);
  });

  it('any substring of length ≥ 2 has all its bigrams among the record terms and matches', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'支部委员会议学习党课主题日组织生活民主评议谈心话ABCxyz123'),
          minLength: 2,
          maxLength: 40,
        }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % (text.length - 1);
          const end = start + 2 + (b % (text.length - start - 1));
          const query = text.slice(start, end);
          const terms = new Set(searchTermsOf([text]));
          expect(queryTerms(query).every((t) => terms.has(t))).toBe(true);
          expect(matchesQuery([text], query)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('confirms candidates: bigrams present but not adjacent is not a match', () => {
    const fields = ['学习会议', '议学'];
    const terms = new Set(searchTermsOf(fields));
    expect(queryTerms('会议学').every((t) => terms.has(t))).toBe(true);
    expect(matchesQuery(fields, '会议学')).toBe(false);
  });
});
