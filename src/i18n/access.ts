/** The access elements' texts, by language. */
import type { Lang } from '../core/lang.js';
import { enAccess } from './en.js';
import { nbAccess, type AccessMessages } from './nb.js';
import { nnAccess } from './nn.js';

export const ACCESS_TEXTS: Readonly<Record<Lang, AccessMessages>> = {
  nb: nbAccess,
  nn: nnAccess,
  en: enAccess,
};
