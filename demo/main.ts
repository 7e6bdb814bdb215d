/**
 * The consent page ("Søknad om boliglån"): its own texts, and the hint shown until the consent has a
 * status. The rest (the Altinn origin, the language switch, the event log) is in `portal.ts`.
 */
import { hideUntilRequest, startPortalPage, type PageTexts } from './portal.js';

const TEXTS: PageTexts = {
  nb: {
    title: 'Søknad om boliglån – Demobanken',
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
  },
  nn: {
    title: 'Søknad om bustadlån – Demobanken',
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
  },
  en: {
    title: 'Mortgage application – Demobanken',
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
  },
};

startPortalPage(TEXTS);

// "No request yet", until the status element has a request to show.
hideUntilRequest(
  document.querySelector('consent-status'),
  document.querySelector<HTMLElement>('#status-none'),
);
