/**
 * The texts of the React and Vue pages: the consent step's own (`consent-texts.ts`), and what each
 * page says about how it is built and what its app received.
 */
import { CONSENT_TEXTS } from './consent-texts.js';
import type { Lang, PageTexts } from './shell.js';

export type Framework = 'React' | 'Vue';

const INTRO: Record<Framework, Record<Lang, string>> = {
  React: {
    nb: 'Steget under er en React 19-app. Den bruker React-komponentene fra altinn-request-elements/react, med typede hendelser som onAltinnRequestCreated.',
    nn: 'Steget under er ein React 19-app. Han brukar React-komponentane frå altinn-request-elements/react, med typa hendingar som onAltinnRequestCreated.',
    en: 'The step below is a React 19 app. It uses the React components of altinn-request-elements/react, with typed event props such as onAltinnRequestCreated.',
  },
  Vue: {
    nb: 'Steget under er en Vue 3-app. Den bruker komponentene direkte i malen, med @altinn-request-created og de andre hendelsene.',
    nn: 'Steget under er ein Vue 3-app. Han brukar komponentane direkte i malen, med @altinn-request-created og dei andre hendingane.',
    en: 'The step below is a Vue 3 app. It uses the elements directly in its template, with @altinn-request-created and the other events.',
  },
};

const LOG_HINT: Record<Framework, Record<Lang, string>> = {
  React: {
    nb: 'For utviklere: hendelsene som React-appens hendelses-props (onAltinn…) har mottatt.',
    nn: 'For utviklarar: hendingane som hendings-propsa (onAltinn…) til React-appen har motteke.',
    en: 'For developers: the events the React app’s event props (onAltinn…) received.',
  },
  Vue: {
    nb: 'For utviklere: hendelsene som Vue-appens lyttere (@altinn-…) har mottatt.',
    nn: 'For utviklarar: hendingane som lyttarane (@altinn-…) til Vue-appen har motteke.',
    en: 'For developers: the events the Vue app’s listeners (@altinn-…) received.',
  },
};

/** The page's texts (for `startPortalPage`) and the app's, in each language. */
export function appTexts(framework: Framework): PageTexts {
  return {
    nb: {
      ...CONSENT_TEXTS.nb,
      title: `Søknad om boliglån (${framework}) – Demobanken`,
      techHeading: `${framework}-appen`,
      techIntro: INTRO[framework].nb,
      stateLabel: `Status i ${framework}-tilstanden:`,
      appLogHeading: `Hendelser mottatt i ${framework}`,
      appLogHint: LOG_HINT[framework].nb,
      appLogEmpty: 'Ingen hendelser ennå.',
    },
    nn: {
      ...CONSENT_TEXTS.nn,
      title: `Søknad om bustadlån (${framework}) – Demobanken`,
      techHeading: `${framework}-appen`,
      techIntro: INTRO[framework].nn,
      stateLabel: `Status i ${framework}-tilstanden:`,
      appLogHeading: `Hendingar mottekne i ${framework}`,
      appLogHint: LOG_HINT[framework].nn,
      appLogEmpty: 'Ingen hendingar enno.',
    },
    en: {
      ...CONSENT_TEXTS.en,
      title: `Mortgage application (${framework}) – Demobanken`,
      techHeading: `The ${framework} app`,
      techIntro: INTRO[framework].en,
      stateLabel: `Status in the ${framework} state:`,
      appLogHeading: `Events received in ${framework}`,
      appLogHint: LOG_HINT[framework].en,
      appLogEmpty: 'No events yet.',
    },
  };
}

/** One event an app's handler received, as its log shows it. */
export interface AppLogEntry {
  time: string;
  /** The prop (React) or listener (Vue) that received it. */
  handler: string;
  summary: string;
}

/**
 * An app's log, kept in sessionStorage: the events before the trip to Altinn are still there when
 * the user comes back.
 */
export function appLog(key: string): {
  load(): AppLogEntry[];
  add(entries: AppLogEntry[], handler: string, summary: string): AppLogEntry[];
} {
  return {
    load() {
      try {
        const entries: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
        return Array.isArray(entries) ? (entries as AppLogEntry[]) : [];
      } catch {
        return [];
      }
    },
    add(entries, handler, summary) {
      const next = [{ time: new Date().toISOString(), handler, summary }, ...entries].slice(0, 20);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Only the history across page loads is lost.
      }
      return next;
    },
  };
}
