import en from './en.json' with { type: 'json' };
import nb from './nb.json' with { type: 'json' };
import nn from './nn.json' with { type: 'json' };
import { cookie } from '../http.js';
import type { PageLanguage } from '../types.js';

/**
 * The texts of the mock's pages, one JSON data file a language. Bokmål is the default and gives the
 * keys every language must have (a missing key fails the type check below); `{name}` marks a value
 * the page fills in (`fill`).
 */
export type PageTexts = typeof nb;
export const TEXTS: Record<PageLanguage, PageTexts> = { nb, nn, en };

export const PAGE_LANGUAGES: readonly PageLanguage[] = ['nb', 'nn', 'en'];

/** Fills the `{name}` marks of a text. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (mark, name: string) => values[name] ?? mark);
}

/** Altinn's language cookie: `altinnPersistentContext=UL=<LCID>` (1044 nb, 2068 nn, 1033 en). */
const COOKIE_LANGUAGES: Record<string, PageLanguage> = { '1044': 'nb', '2068': 'nn', '1033': 'en' };

/**
 * The page's language: the `lang` query parameter (the portal passes it, and the page's own
 * language switch), else Altinn's language cookie, as am.ui reads it, else bokmål.
 */
export function pageLanguage(request: Request, url: URL): PageLanguage {
  const asked = (url.searchParams.get('lang') ?? '').toLowerCase();
  if ((PAGE_LANGUAGES as readonly string[]).includes(asked)) return asked as PageLanguage;
  // The cookie's `=` may come percent-encoded; the rest of it need not be decodable.
  const lcid = /UL(?:=|%3D)(\d+)/i.exec(cookie(request, 'altinnPersistentContext') ?? '');
  return COOKIE_LANGUAGES[lcid?.[1] ?? ''] ?? 'nb';
}

/** A list of names in running text: "A", "A og B", "A, B og C". */
export function joinNames(names: string[], texts: PageTexts): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${texts.and} ${names[names.length - 1]}`;
}
