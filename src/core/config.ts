import { DEFAULT_ALTINN_ORIGINS, normaliseAllowedOrigin } from './redirect-guard.js';
import { normaliseLang, type Lang } from './lang.js';

/** Headers sent with every backend call, or a function that returns them (e.g. a fresh CSRF token). */
export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** The library-wide settings that {@link configure} changes. */
export interface AltinnRequestConfig {
  /** The portal backend's base URL, relative or absolute. Default `/api/altinn`. */
  endpoint: string;
  /** The `fetch` used for backend calls. Default: the global `fetch`. */
  fetch: typeof fetch | undefined;
  /** Extra headers for every backend call, e.g. a CSRF token. */
  headers: HeadersSource | undefined;
  /** `credentials` of every backend call. Default `same-origin`. */
  credentials: RequestCredentials;
  /** Milliseconds before a backend call gives up with code `timeout`. Default 15000. */
  timeout: number;
  /** The exact origins the elements may navigate to. Default: Altinn's production and test origins. */
  altinnOrigins: readonly string[];
  /** A language for every element that has no `lang` attribute of its own. */
  lang: Lang | undefined;
  /**
   * How the browser is sent to Altinn, called only with a URL the guard accepted. Default
   * `location.assign`. Replace it to route through a SPA router, or to observe navigation in tests.
   */
  navigate: (url: string) => void;
  /**
   * How a URL is opened in a new window or tab; returns `false` when a pop-up blocker stopped it
   * (the element then offers a link). Default: `window.open`, with the opener cut.
   */
  openWindow: (url: string) => boolean | undefined;
}

/** What {@link configure} takes: any subset of the settings. */
export type AltinnRequestConfigInput = Partial<Omit<AltinnRequestConfig, 'lang'>> & {
  lang?: string | undefined;
};

function defaults(): AltinnRequestConfig {
  return {
    endpoint: '/api/altinn',
    fetch: undefined,
    headers: undefined,
    credentials: 'same-origin',
    timeout: 15_000,
    altinnOrigins: DEFAULT_ALTINN_ORIGINS,
    lang: undefined,
    navigate: (url) => globalThis.location.assign(url),
    openWindow: (url) => {
      // Not the `noopener` feature: with it, open() returns null and a blocked pop-up goes unseen.
      // The opener is cut before Altinn's page can load, so it cannot reach back to this page.
      const opened = globalThis.open(url, '_blank');
      if (opened) opened.opener = null;
      return opened !== null;
    },
  };
}

/*
 * The settings live on globalThis under a registered symbol, so that two copies of the library on one
 * page (a bundle and a CDN file) share them: the first copy's elements are the ones defined.
 */
const KEY = Symbol.for('altinn-request-elements.config');
type ConfigHolder = { [KEY]?: AltinnRequestConfig };

/** The settings in force. */
export function getConfig(): Readonly<AltinnRequestConfig> {
  const holder = globalThis as ConfigHolder;
  return (holder[KEY] ??= defaults());
}

/**
 * Changes library-wide settings; anything not named keeps its value. Returns the settings in force.
 *
 * @throws TypeError when an `altinnOrigins` entry is not an exact https origin (or loopback http).
 */
export function configure(input: AltinnRequestConfigInput): Readonly<AltinnRequestConfig> {
  const current = getConfig();
  const next: AltinnRequestConfig = { ...current };
  for (const [key, value] of Object.entries(input) as [keyof AltinnRequestConfigInput, unknown][]) {
    if (value === undefined && key !== 'lang' && key !== 'headers' && key !== 'fetch') continue;
    switch (key) {
      case 'altinnOrigins':
        next.altinnOrigins = Object.freeze(
          (value as readonly string[]).map(normaliseAllowedOrigin),
        );
        break;
      case 'lang':
        next.lang = normaliseLang(value as string | undefined);
        break;
      case 'timeout':
        // setTimeout treats anything above 2^31 - 1 ms (about 24 days) as 0.
        if (typeof value !== 'number' || !(value > 0) || value > 2_147_483_647) {
          throw new TypeError('timeout must be a number of milliseconds from 1 to 2147483647.');
        }
        next.timeout = value;
        break;
      case 'endpoint':
        if (typeof value !== 'string' || value.trim() === '') {
          throw new TypeError('endpoint must be a non-empty URL.');
        }
        next.endpoint = value;
        break;
      default:
        (next as unknown as Record<string, unknown>)[key] = value;
    }
  }
  (globalThis as ConfigHolder)[KEY] = next;
  return next;
}

/** Restores every default (for tests and for pages that reconfigure from scratch). */
export function resetConfig(): void {
  (globalThis as ConfigHolder)[KEY] = defaults();
}
