/** The texts of every element, in bokmål (default), nynorsk and English. */
import { DEFAULT_LANG, type Lang } from '../core/lang.js';
import type { ErrorCode } from '../core/errors.js';
import { en } from './en.js';
import { nb, type Messages } from './nb.js';
import { nn } from './nn.js';

export type { Messages };
export type MessageKey = keyof Messages;

/** Every language's messages, keyed by language. */
export const MESSAGES: Readonly<Record<Lang, Messages>> = { nb, nn, en };

/** The messages of `lang` (bokmål for anything unknown). */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang] ?? MESSAGES[DEFAULT_LANG];
}

/** `template` with each `{name}` replaced by `values[name]`; the result is text, never markup. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The message key that explains an error with `code` (and HTTP status) to the user. */
export function errorMessageKey(code: ErrorCode, httpStatus?: number): MessageKey {
  switch (code) {
    case 'network':
      return 'errorNetwork';
    case 'timeout':
      return 'errorTimeout';
    case 'invalid-response':
      return 'errorInvalidResponse';
    case 'untrusted-redirect':
      return 'errorUntrustedRedirect';
    case 'invalid-input':
      return 'errorInvalidInput';
    case 'aborted':
      return 'errorAborted';
    case 'http-5xx':
      return 'errorServer';
    case 'http-4xx':
      if (httpStatus === 401 || httpStatus === 403) return 'errorUnauthorized';
      if (httpStatus === 404) return 'errorNotFound';
      if (httpStatus === 429) return 'errorTooManyRequests';
      return 'errorRefused';
  }
}
