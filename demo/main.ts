/**
 * The demo portal's script: loads the elements, lets them open the mock Altinn,
 * switches the page's language, and logs the elements' events.
 */
import { configure } from '../src/index.js';

// The demo's Altinn is the local mock, over plain http on loopback; the demo server names its origin
// in a meta tag. The library navigates only to origins named here (by default Altinn's own).
const altinnOrigin = document.querySelector<HTMLMetaElement>('meta[name="altinn-origin"]')?.content;
if (altinnOrigin) configure({ altinnOrigins: [altinnOrigin] });

// ---------------------------------------------------------------------------------------------
// Language: the elements follow `<html lang>`; the page's own texts are swapped here.

type Lang = 'nb' | 'nn' | 'en';
const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

const TEXTS: Record<Lang, Record<string, string>> = {
  nb: {
    title: 'Søknad om boliglån – Demobanken',
    skip: 'Hopp til hovedinnhold',
    signedIn: 'Innlogget som',
    langs: 'Språk / Language',
    heading: 'Søknad om boliglån',
    stepsLabel: 'Steg i søknaden',
    step1: 'Om deg',
    step2: 'Inntekt',
    step3: 'Lånet',
    step4: 'Send inn',
    incomeHeading: 'Steg 2 av 4: Inntekt',
    incomeIntro:
      'For å behandle søknaden trenger vi inntektsopplysningene dine for 2023 og 2024. Med samtykket ditt henter vi dem direkte fra Skatteetaten, så du slipper å laste opp dokumenter.',
    incomeAltinn:
      'Du gir samtykket i Altinn, og kommer tilbake hit etterpå. Du kan trekke samtykket tilbake i Altinn når som helst.',
    buttonLabel: 'Hent inntektsopplysninger fra Skatteetaten',
    statusHeading: 'Status for samtykket',
    statusNone: 'Du har ikke bedt om samtykke ennå.',
    logHeading: 'Hendelser fra komponentene',
    logHint: 'For utviklere: hendelsene som komponentene sender',
    logEmpty: 'Ingen hendelser ennå.',
    footer:
      'Demobanken er en demonstrasjon av altinn-request-elements. Den bruker bibliotekets egen backend og en lokal etterligning av Altinn; ingen ekte opplysninger hentes eller sendes.',
  },
  nn: {
    title: 'Søknad om bustadlån – Demobanken',
    skip: 'Hopp til hovudinnhaldet',
    signedIn: 'Innlogga som',
    langs: 'Språk / Language',
    heading: 'Søknad om bustadlån',
    stepsLabel: 'Steg i søknaden',
    step1: 'Om deg',
    step2: 'Inntekt',
    step3: 'Lånet',
    step4: 'Send inn',
    incomeHeading: 'Steg 2 av 4: Inntekt',
    incomeIntro:
      'For å handsame søknaden treng vi inntektsopplysningane dine for 2023 og 2024. Med samtykket ditt hentar vi dei direkte frå Skatteetaten, så du slepp å laste opp dokument.',
    incomeAltinn:
      'Du gir samtykket i Altinn, og kjem tilbake hit etterpå. Du kan trekkje samtykket tilbake i Altinn når som helst.',
    buttonLabel: 'Hent inntektsopplysningar frå Skatteetaten',
    statusHeading: 'Status for samtykket',
    statusNone: 'Du har ikkje bede om samtykke enno.',
    logHeading: 'Hendingar frå komponentane',
    logHint: 'For utviklarar: hendingane som komponentane sender',
    logEmpty: 'Ingen hendingar enno.',
    footer:
      'Demobanken er ei demonstrasjon av altinn-request-elements. Han brukar backenden til biblioteket og ei lokal etterlikning av Altinn; ingen ekte opplysningar blir henta eller sende.',
  },
  en: {
    title: 'Mortgage application – Demobanken',
    skip: 'Skip to main content',
    signedIn: 'Signed in as',
    langs: 'Språk / Language',
    heading: 'Mortgage application',
    stepsLabel: 'Application steps',
    step1: 'About you',
    step2: 'Income',
    step3: 'The loan',
    step4: 'Submit',
    incomeHeading: 'Step 2 of 4: Income',
    incomeIntro:
      'To process your application we need your income data for 2023 and 2024. With your consent we fetch it directly from the Norwegian Tax Administration, so you do not have to upload documents.',
    incomeAltinn:
      'You give your consent in Altinn and come back here afterwards. You can withdraw your consent in Altinn at any time.',
    buttonLabel: 'Fetch income data from the Tax Administration',
    statusHeading: 'Consent status',
    statusNone: 'You have not asked for consent yet.',
    logHeading: 'Events from the components',
    logHint: 'For developers: the events the components send',
    logEmpty: 'No events yet.',
    footer:
      'Demobanken is a demonstration of altinn-request-elements. It uses the library’s own backend and a local mock of Altinn; no real data is fetched or sent.',
  },
};

const LANG_KEY = 'demobanken:lang';

function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

function setLang(lang: Lang): void {
  document.documentElement.lang = lang;
  const texts = TEXTS[lang];
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = texts[element.dataset.i18n ?? ''];
    if (text !== undefined) element.textContent = text;
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = texts[element.dataset.i18nLabel ?? ''];
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

// ---------------------------------------------------------------------------------------------
// "No request yet", until the status element has a request to show.

const statusElement = document.querySelector('consent-status');
const statusNone = document.querySelector<HTMLElement>('#status-none');
function hideStatusNone(): void {
  if (statusNone) statusNone.hidden = true;
}
if (statusElement?.currentRequestId) hideStatusNone();
document.addEventListener('altinn-request-created', hideStatusNone);
document.addEventListener('altinn-status-change', hideStatusNone);

// ---------------------------------------------------------------------------------------------
// Event log: text only, never markup. Kept in sessionStorage, so that the events before the trip to
// Altinn are still there when the user comes back.

interface LogEntry {
  time: string;
  name: string;
  summary: string;
  detail: unknown;
}

const LOG_KEY = 'demobanken:events';
const log = document.querySelector<HTMLOListElement>('#event-log');
const empty = document.querySelector<HTMLElement>('#event-log-empty');

function loadLog(): LogEntry[] {
  try {
    const entries: unknown = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]');
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
    sessionStorage.setItem(LOG_KEY, JSON.stringify([...loadLog(), entry].slice(-20)));
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
  logEvent(event.type, `${code}${httpStatus ? ` (${httpStatus})` : ''}: ${message}`, event.detail);
});

document.addEventListener('altinn-status-change', (event) => {
  const { id, status, previous } = event.detail;
  const change = previous ? `${previous} → ${status}` : status;
  logEvent(event.type, `${change} · ${id}`, event.detail);
});
