/**
 * The texts of every element, in bokmål (default), nynorsk and English. Elements import only the part
 * they show (`common.ts`, `consent.ts`, `access.ts`, `system-user.ts`); this module joins the parts
 * for tests, stories and portals that want every text of a language.
 */
import { DEFAULT_LANG, type Lang } from '../core/lang.js';
import { ACCESS_TEXTS } from './access.js';
import { COMMON_TEXTS } from './common.js';
import { CONSENT_TEXTS } from './consent.js';
import type { Messages } from './nb.js';

export type { AccessMessages, CommonMessages, ConsentMessages, Messages } from './nb.js';
export type MessageKey = keyof Messages;
export { errorMessageKey, format } from './common.js';

const all = (lang: Lang): Messages => ({
  ...COMMON_TEXTS[lang],
  ...CONSENT_TEXTS[lang],
  ...ACCESS_TEXTS[lang],
});

/** Every language's messages, keyed by language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = {
  nb: all('nb'),
  nn: all('nn'),
  en: all('en'),
};

/** The messages of `lang` (bokmål for anything unknown). */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang] ?? MESSAGES[DEFAULT_LANG];
}
