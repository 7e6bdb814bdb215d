/** The consent elements' texts, by language. */
import type { Lang } from '../core/lang.js';
import { enConsent } from './en.js';
import { nbConsent, type ConsentMessages } from './nb.js';
import { nnConsent } from './nn.js';

export const CONSENT_TEXTS: Readonly<Record<Lang, ConsentMessages>> = {
  nb: nbConsent,
  nn: nnConsent,
  en: enConsent,
};
