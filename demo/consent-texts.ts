/**
 * The loan application's consent step, as every consent page of the demo shows it (the bundled page,
 * the CDN page, and the React and Vue apps): its texts, and what it asks for.
 */
import type { ConsentRightInput, RequestMessage } from '../src/index.js';
import type { PageTexts } from './shell.js';

/** The income for 2023 and 2024, from the Tax Administration. */
export const CONSENT_RIGHTS: ConsentRightInput[] = [
  { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
  { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } },
];

/** What Altinn shows the user. */
export const REQUEST_MESSAGE: RequestMessage = {
  nb: 'Demobanken ber om samtykke til å hente inntektsopplysningene dine for 2023 og 2024 fra Skatteetaten, for å behandle søknaden din om boliglån.',
  nn: 'Demobanken ber om samtykke til å hente inntektsopplysningane dine for 2023 og 2024 frå Skatteetaten, for å handsame søknaden din om bustadlån.',
  en: 'Demobanken asks for your consent to fetch your income data for 2023 and 2024 from the Norwegian Tax Administration, to process your mortgage application.',
};

/** The consent step's texts, in each language. */
export const CONSENT_TEXTS: PageTexts = {
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
    incomeResultHeading: 'Inntekt hentet fra Skatteetaten',
    incomeResultHint: 'Hentet av Demobankens server med samtykket ditt.',
    incomeYear: 'Inntekt {year}',
    incomeFailed: 'Vi fikk ikke hentet inntekten din. Prøv igjen senere.',
    businessHint: 'Søker du for en virksomhet?',
    businessLink: 'Søk om bedriftslån',
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
    incomeResultHeading: 'Inntekt henta frå Skatteetaten',
    incomeResultHint: 'Henta av tenaren til Demobanken med samtykket ditt.',
    incomeYear: 'Inntekt {year}',
    incomeFailed: 'Vi fekk ikkje henta inntekta di. Prøv igjen seinare.',
    businessHint: 'Søkjer du for ei verksemd?',
    businessLink: 'Søk om bedriftslån',
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
    incomeResultHeading: 'Income fetched from the Tax Administration',
    incomeResultHint: 'Fetched by Demobanken’s server with your consent.',
    incomeYear: 'Income {year}',
    incomeFailed: 'We could not fetch your income. Please try again later.',
    businessHint: 'Applying for a business?',
    businessLink: 'Apply for a business loan',
  },
};

/** The business loan's consent step: the person consents on behalf of the organisation they act for. */
export const BUSINESS_CONSENT_TEXTS: PageTexts = {
  nb: {
    title: 'Søknad om bedriftslån – Demobanken Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Søknad om bedriftslån',
    incomeHeading: 'Virksomhetens skattegrunnlag',
    incomeIntro:
      'Med samtykke fra virksomheten henter vi skattegrunnlaget for 2024 direkte fra Skatteetaten.',
    incomeAltinn:
      'Du gir samtykket i Altinn på vegne av virksomheten, som tilgangsstyrer. Bare du kan svare på forespørselen.',
    buttonLabel: 'Gi samtykke på vegne av virksomheten',
    statusHeading: 'Status for samtykket',
    statusNone: 'Du har ikke bedt om samtykke ennå.',
    incomeResultHeading: 'Hentet fra Skatteetaten',
    incomeResultHint: 'Hentet av Demobankens server med virksomhetens samtykke.',
    incomeYear: 'Skattegrunnlag {year}',
    incomeFailed: 'Vi fikk ikke hentet opplysningene. Prøv igjen senere.',
  },
  nn: {
    title: 'Søknad om bedriftslån – Demobanken Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Søknad om bedriftslån',
    incomeHeading: 'Skattegrunnlaget til verksemda',
    incomeIntro:
      'Med samtykke frå verksemda hentar vi skattegrunnlaget for 2024 direkte frå Skatteetaten.',
    incomeAltinn:
      'Du gir samtykket i Altinn på vegner av verksemda, som tilgangsstyrar. Berre du kan svare på førespurnaden.',
    buttonLabel: 'Gi samtykke på vegner av verksemda',
    statusHeading: 'Status for samtykket',
    statusNone: 'Du har ikkje bede om samtykke enno.',
    incomeResultHeading: 'Henta frå Skatteetaten',
    incomeResultHint: 'Henta av tenaren til Demobanken med samtykket til verksemda.',
    incomeYear: 'Skattegrunnlag {year}',
    incomeFailed: 'Vi fekk ikkje henta opplysningane. Prøv igjen seinare.',
  },
  en: {
    title: 'Business loan application – Demobanken Business',
    actingFor: 'You represent',
    orgNumber: 'org. no.',
    heading: 'Business loan application',
    incomeHeading: 'The organisation’s tax base',
    incomeIntro:
      'With the organisation’s consent we fetch its tax base for 2024 directly from the Norwegian Tax Administration.',
    incomeAltinn:
      'You give the consent in Altinn on behalf of the organisation, as its access manager. Only you can answer the request.',
    buttonLabel: 'Give consent on behalf of the organisation',
    statusHeading: 'Consent status',
    statusNone: 'You have not asked for consent yet.',
    incomeResultHeading: 'Fetched from the Tax Administration',
    incomeResultHint: 'Fetched by Demobanken’s server with the organisation’s consent.',
    incomeYear: 'Tax base {year}',
    incomeFailed: 'We could not fetch the data. Please try again later.',
  },
};
