/**
 * What every page of the demo portal does, without loading the library itself: switches the page's
 * language and logs the elements' events. The texts every page shares (header, navigation, event
 * log, footer) are here. `portal.ts` adds the library, for the pages that bundle it; the CDN page
 * uses this file alone, and takes the library from the CDN file.
 */
import type { AccessRequestStatus, AltinnRequestConfig, ConsentStatus } from '../src/index.js';
import type { SystemUserRequestStatus } from '../src/elements/system-user-request-status/system-user-request-status.component.js';

export type Lang = 'nb' | 'nn' | 'en';
export type PageTexts = Record<Lang, Record<string, string>>;

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

/** The texts of the parts every page has: header, navigation, event log, footer. */
const SHARED_TEXTS: PageTexts = {
  nb: {
    skip: 'Hopp til hovedinnhold',
    signedIn: 'Innlogget som',
    langs: 'Språk / Language',
    navLabel: 'Demobankens tjenester',
    navConsent: 'Privat: boliglån',
    navAccess: 'Bedrift: tilgang',
    navSystemUser: 'Bedrift: systembruker',
    navRequests: 'Mine forespørsler',
    variantNavLabel: 'Samme søknad, bygget på andre måter',
    variantIntro: 'Samme søknad med:',
    navCdn: 'CDN-fil',
    navReact: 'React',
    navVue: 'Vue',
    logHeading: 'Hendelser fra komponentene',
    logHint: 'For utviklere: hendelsene som komponentene sender',
    logEmpty: 'Ingen hendelser ennå.',
    footer:
      'Demobanken er en demonstrasjon av altinn-request-elements. Den bruker bibliotekets egen backend og en lokal etterligning av Altinn; ingen ekte opplysninger hentes eller sendes.',
  },
  nn: {
    skip: 'Hopp til hovudinnhaldet',
    signedIn: 'Innlogga som',
    langs: 'Språk / Language',
    navLabel: 'Tenestene til Demobanken',
    navConsent: 'Privat: bustadlån',
    navAccess: 'Bedrift: tilgang',
    navSystemUser: 'Bedrift: systembrukar',
    navRequests: 'Førespurnadene mine',
    variantNavLabel: 'Same søknad, bygd på andre måtar',
    variantIntro: 'Same søknad med:',
    navCdn: 'CDN-fil',
    navReact: 'React',
    navVue: 'Vue',
    logHeading: 'Hendingar frå komponentane',
    logHint: 'For utviklarar: hendingane som komponentane sender',
    logEmpty: 'Ingen hendingar enno.',
    footer:
      'Demobanken er ei demonstrasjon av altinn-request-elements. Han brukar backenden til biblioteket og ei lokal etterlikning av Altinn; ingen ekte opplysningar blir henta eller sende.',
  },
  en: {
    skip: 'Skip to main content',
    signedIn: 'Signed in as',
    langs: 'Språk / Language',
    navLabel: 'Demobanken’s services',
    navConsent: 'Personal: mortgage',
    navAccess: 'Business: access',
    navSystemUser: 'Business: system user',
    navRequests: 'My requests',
    variantNavLabel: 'The same application, built other ways',
    variantIntro: 'The same application with:',
    navCdn: 'CDN file',
    navReact: 'React',
    navVue: 'Vue',
    logHeading: 'Events from the components',
    logHint: 'For developers: the events the components send',
    logEmpty: 'No events yet.',
    footer:
      'Demobanken is a demonstration of altinn-request-elements. It uses the library’s own backend and a local mock of Altinn; no real data is fetched or sent.',
  },
};

const LANG_KEY = 'demobanken:lang';

export interface PortalPageOptions {
  /** Where the event log is kept in `sessionStorage`; each page keeps its own. */
  eventLogKey?: string;
  /** Called with the page's language at start, and whenever the user switches it. */
  onLanguage?: (lang: Lang) => void;
}

function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

/**
 * The (mock) Altinn's origin: the demo's Altinn is the local mock, over plain http on loopback, and
 * the demo server names its origin in a meta tag. `undefined` without it.
 */
export function altinnOrigin(): string | undefined {
  return (
    document.querySelector<HTMLMetaElement>('meta[name="altinn-origin"]')?.content || undefined
  );
}

type Navigation = Pick<AltinnRequestConfig, 'navigate' | 'openWindow'>;

/**
 * The library's settings for the (mock) Altinn at `origin`, given the library's current ones:
 * every Altinn page the demo opens (navigated to, opened in a tab, or a link clicked in an element)
 * gets the portal's language. Real Altinn takes it from its own language cookie, which a portal
 * cannot set; the mock also reads `lang` in the query.
 */
export function altinnSettings(origin: string, current: Navigation) {
  const inPageLanguage = (url: string): string => {
    const altinn = new URL(url);
    altinn.searchParams.set('lang', document.documentElement.lang);
    return altinn.href;
  };
  for (const type of ['click', 'auxclick']) {
    document.addEventListener(
      type,
      (event) => {
        const link = event.composedPath().find((target) => target instanceof HTMLAnchorElement);
        if (link?.origin === origin) link.href = inPageLanguage(link.href);
      },
      true,
    );
  }
  return {
    altinnOrigins: [origin],
    navigate: (url: string) => current.navigate(inPageLanguage(url)),
    openWindow: (url: string) => current.openWindow(inPageLanguage(url)),
  };
}

/** Starts what every page does but configuring the library; `texts` are the page's own. */
export function startShell(texts: PageTexts, options: PortalPageOptions = {}): void {
  startLanguageSwitch(texts, options.onLanguage);
  startEventLog(options.eventLogKey ?? 'demobanken:events');
}

// ---------------------------------------------------------------------------------------------
// Language: the elements follow `<html lang>`; the page's own texts are swapped here.

function startLanguageSwitch(texts: PageTexts, onLanguage?: (lang: Lang) => void): void {
  function setLang(lang: Lang): void {
    document.documentElement.lang = lang;
    const all = { ...SHARED_TEXTS[lang], ...texts[lang] };
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const text = all[element.dataset.i18n ?? ''];
      if (text !== undefined) element.textContent = text;
    }
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
      const text = all[element.dataset.i18nLabel ?? ''];
      if (text !== undefined) element.setAttribute('aria-label', text);
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    }
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // The choice is only not remembered.
    }
    onLanguage?.(lang);
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => {
      if (isLang(button.dataset.lang)) setLang(button.dataset.lang);
    });
  }

  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    // No storage: bokmål, as the page is written.
  }
  if (isLang(saved) && saved !== 'nb') setLang(saved);
  else onLanguage?.('nb');
}

// ---------------------------------------------------------------------------------------------
// Event log: text only, never markup. Kept in sessionStorage, so that the events before the trip to
// Altinn are still there when the user comes back.

interface LogEntry {
  time: string;
  name: string;
  summary: string;
  detail: unknown;
}

function startEventLog(key: string): void {
  const log = document.querySelector<HTMLOListElement>('#event-log');
  const empty = document.querySelector<HTMLElement>('#event-log-empty');
  // The React and Vue pages keep their own log, of what their components received.
  if (!log) return;

  function loadLog(): LogEntry[] {
    try {
      const entries: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
      return Array.isArray(entries) ? (entries as LogEntry[]) : [];
    } catch {
      return [];
    }
  }

  function show(entry: LogEntry): void {
    if (!log) return;
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = entry.time;
    time.textContent = new Date(entry.time).toLocaleTimeString('nb-NO');
    const code = document.createElement('code');
    code.textContent = entry.name;
    const text = document.createElement('span');
    text.textContent = entry.summary;
    // The whole detail, folded away: a native disclosure, keyboard-operable as it is.
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    const summaryCode = document.createElement('code');
    summaryCode.textContent = 'event.detail';
    summary.append(summaryCode);
    const raw = document.createElement('pre');
    raw.textContent = JSON.stringify(entry.detail, null, 2);
    details.append(summary, raw);
    item.append(time, ' ', code, ' ', text, details);
    log.prepend(item);
    if (empty) empty.hidden = true;
  }

  function logEvent(name: string, summary: string, detail: unknown): void {
    const entry: LogEntry = { time: new Date().toISOString(), name, summary, detail };
    show(entry);
    try {
      sessionStorage.setItem(key, JSON.stringify([...loadLog(), entry].slice(-20)));
    } catch {
      // Only the history across page loads is lost.
    }
  }

  for (const entry of loadLog()) show(entry);

  document.addEventListener('altinn-request-created', (event) => {
    const { id, status, url } = event.detail;
    logEvent(event.type, `${status} · ${id}${url ? ` → ${url}` : ''}`, event.detail);
  });

  document.addEventListener('altinn-request-error', (event) => {
    const { code, httpStatus, message } = event.detail;
    logEvent(
      event.type,
      `${code}${httpStatus ? ` (${httpStatus})` : ''}: ${message}`,
      event.detail,
    );
  });

  document.addEventListener('altinn-status-change', (event) => {
    const { id, status, previous } = event.detail;
    const change = previous ? `${previous} → ${status}` : status;
    logEvent(event.type, `${change} · ${id}`, event.detail);
  });
}

// ---------------------------------------------------------------------------------------------
// "No request yet", until a status element has a request to show.

/**
 * Keeps `hint` visible until `status` has a request: one it found on load, or one that a button
 * inside `scope` created, or one it learned a status for.
 */
export function hideUntilRequest(
  status: ConsentStatus | AccessRequestStatus | SystemUserRequestStatus | null,
  hint: HTMLElement | null,
  scope: EventTarget = document,
): void {
  if (!hint) return;
  const hide = (): void => {
    hint.hidden = true;
  };
  if (status?.currentRequestId) hide();
  scope.addEventListener('altinn-request-created', hide);
  scope.addEventListener('altinn-status-change', hide);
}
