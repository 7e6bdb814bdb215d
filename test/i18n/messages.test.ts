import { expect } from '@open-wc/testing';
import { MESSAGES } from '../../src/i18n/index.js';
import { LANGS } from '../../src/core/lang.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('messages', () => {
  const keys = Object.keys(MESSAGES.nb).sort();

  it('has a message table for every language', () => {
    expect(Object.keys(MESSAGES).sort()).to.deep.equal([...LANGS].sort());
  });

  for (const lang of LANGS) {
    it(`${lang}: has every key, each a non-empty text with the same placeholders as bokmål`, () => {
      const table = MESSAGES[lang] as Record<string, unknown>;
      expect(Object.keys(table).sort()).to.deep.equal(keys);
      for (const key of keys) {
        const text = table[key];
        expect(text, `${lang}.${key}`).to.be.a('string').and.not.equal('');
        expect(placeholders(text as string), `${lang}.${key}`).to.deep.equal(
          placeholders((MESSAGES.nb as Record<string, string>)[key]!),
        );
      }
    });
  }

  it('has nynorsk and English texts that are not just copies of bokmål', () => {
    const same = (lang: 'nn' | 'en') =>
      keys.filter(
        (key) =>
          (MESSAGES[lang] as Record<string, string>)[key] ===
          (MESSAGES.nb as Record<string, string>)[key],
      );
    expect(same('en')).to.deep.equal([]);
    // A few words are spelt alike in bokmål and nynorsk; most are not.
    expect(same('nn').length).to.be.below(keys.length / 3);
  });
});
