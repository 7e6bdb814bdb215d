/** What every element says, in every language, and the helpers every element uses for texts. */
import type { ErrorCode } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import { enCommon } from './en.js';
import { nbCommon, type CommonMessages } from './nb.js';
import { nnCommon } from './nn.js';

/** What every element says, by language. */
export const COMMON_TEXTS: Readonly<Record<Lang, CommonMessages>> = {
  nb: nbCommon,
  nn: nnCommon,
  en: enCommon,
};

/** `template` with each `{name}` replaced by `values[name]`; the result is text, never markup. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The message key that explains an error with `code` (and HTTP status) to the user. */
export function errorMessageKey(code: ErrorCode, httpStatus?: number): keyof CommonMessages {
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
