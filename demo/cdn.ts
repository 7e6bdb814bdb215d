/**
 * The CDN page: the library comes from the built file `dist/cdn/altinn-request-elements.js`, loaded by
 * a plain `<script type="module">` tag and served as it is. This script is the page's own: the texts,
 * the language switch and the event log (`shell.ts`, which does not load the library), and
 * `configure()` taken from the CDN file itself, so that the page holds one copy of the library.
 */
import { CONSENT_TEXTS } from './consent-texts.js';
import {
  altinnOrigin,
  altinnSettings,
  hideUntilRequest,
  startShell,
  type PageTexts,
} from './shell.js';

type Library = typeof import('../src/index.js');

const TEXTS: PageTexts = {
  nb: {
    ...CONSENT_TEXTS.nb,
    title: 'Søknad om boliglån (CDN-fil) – Demobanken',
    techHeading: 'Komponentene fra CDN-filen',
    techIntro:
      'Denne siden laster komponentene fra én ferdigbygd fil med en vanlig script-tagg, uten npm, Vite eller annet byggesteg. Filen registrerer alle fire komponentene og har alt den trenger i seg selv.',
    techCsp:
      'Den strenge innholdssikkerhetspolicyen er den samme som på de andre sidene. Fra et annet domene legger du det til i script-src.',
  },
  nn: {
    ...CONSENT_TEXTS.nn,
    title: 'Søknad om bustadlån (CDN-fil) – Demobanken',
    techHeading: 'Komponentane frå CDN-fila',
    techIntro:
      'Denne sida lastar komponentane frå éi ferdigbygd fil med ein vanleg script-tagg, utan npm, Vite eller anna byggjesteg. Fila registrerer alle fire komponentane og har alt ho treng i seg sjølv.',
    techCsp:
      'Den strenge innhaldstryggleikspolicyen er den same som på dei andre sidene. Frå eit anna domene legg du det til i script-src.',
  },
  en: {
    ...CONSENT_TEXTS.en,
    title: 'Mortgage application (CDN file) – Demobanken',
    techHeading: 'The components from the CDN file',
    techIntro:
      'This page loads the components from one prebuilt file with a plain script tag: no npm, Vite or other build step. The file registers all four components and holds everything it needs.',
    techCsp:
      'The strict Content-Security-Policy is the same as on the other pages. From another domain, add it to script-src.',
  },
};

// The CDN file is the module of the tag marked data-altinn-request-elements. Importing its URL again
// gives that same module (it ran first: module scripts run in document order), and its configure().
const tag = document.querySelector<HTMLScriptElement>('script[data-altinn-request-elements]');
if (tag) {
  const library = (await import(/* @vite-ignore */ tag.src)) as Library;
  // The library navigates only to origins named here (by default Altinn's own).
  const origin = altinnOrigin();
  if (origin) library.configure(altinnSettings(origin, library.getConfig()));
}

startShell(TEXTS, { eventLogKey: 'demobanken:events:cdn' });

// "No request yet", until the status element has a request to show.
hideUntilRequest(
  document.querySelector('consent-status'),
  document.querySelector<HTMLElement>('#status-none'),
);
