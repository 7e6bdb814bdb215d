import { getConfig } from '../../core/config.js';
import type { Navigation } from '../../core/view.js';
import { trustedAltinnUrl } from '../../core/redirect-guard.js';

/** The URL when it is on the configured Altinn allow-list, else `undefined`. */
export function allowedAltinnUrl(url: string | undefined): URL | undefined {
  return trustedAltinnUrl(url, getConfig().altinnOrigins);
}

/**
 * Sends the browser to a URL the guard accepted, in this tab or a new one. Returns `false` when a
 * pop-up blocker stopped the new window.
 */
export function navigateTo(url: URL, navigation: Navigation): boolean {
  const config = getConfig();
  if (navigation === 'new-window') return config.openWindow(url.href) !== false;
  config.navigate(url.href);
  return true;
}

/**
 * A backend URL made comparable: resolved against the page and without a trailing slash, so that
 * `/api/altinn/` and its absolute URL are one backend.
 */
export function resolveEndpoint(endpoint: string): string {
  const base = globalThis.location?.href;
  return (base ? new URL(endpoint, base).href : endpoint).replace(/\/+$/, '');
}
