/**
 * What every page of the demo portal that bundles the library does: loads the elements, lets them
 * open the mock Altinn, and starts the shell (`shell.ts`: the language switch and the event log).
 */
import { configure, getConfig } from '../src/index.js';
import {
  altinnOrigin,
  altinnSettings,
  startShell,
  type PageTexts,
  type PortalPageOptions,
} from './shell.js';

export * from './shell.js';

/** Starts what every page does; `texts` are the page's own, in each language. */
export function startPortalPage(texts: PageTexts, options: PortalPageOptions = {}): void {
  // The library navigates only to origins named here (by default Altinn's own).
  const origin = altinnOrigin();
  if (origin) configure(altinnSettings(origin, getConfig()));
  startShell(texts, options);
}
