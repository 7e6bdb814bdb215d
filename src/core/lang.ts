/** The languages the elements speak: bokmål (default), nynorsk and English. */
export const LANGS = ['nb', 'nn', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nb';

/**
 * Maps a BCP 47 tag to one of the supported languages: `no`, `nb-NO` and `no-NO` are bokmål,
 * `nn-NO` nynorsk, any `en-*` English. Anything else gives `undefined`, so the caller picks the fallback.
 */
export function normaliseLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'no' ? 'nb' : LANGS.find((lang) => lang === primary);
}

/**
 * The locales for dates and numbers in each language, best first: Chromium ships no nynorsk date
 * data, and bokmål's month names are nynorsk's too.
 */
export const LOCALES: Readonly<Record<Lang, readonly string[]>> = {
  nb: ['nb-NO', 'no'],
  nn: ['nn-NO', 'nb-NO', 'no'],
  en: ['en-GB', 'en'],
};
