/**
 * "Mine forespørsler": everything the person asked for on the other pages of the demo, in one
 * `<altinn-request-list>` per backend (consent and access through Altinn 3, and access through
 * Altinn 2). "Be om på nytt" takes the person back to the page where that kind is asked for.
 */
import '../src/elements/altinn-request-list/altinn-request-list.js';
import type { AltinnRequestList } from '../src/index.js';
import { altinnOrigin, startPortalPage, type PageTexts } from './portal.js';

const TEXTS: PageTexts = {
  nb: {
    title: 'Mine forespørsler – Demobanken',
    heading: 'Mine samtykker og forespørsler',
    intro:
      'Her ser du det du har bedt om gjennom Demobanken: samtykker til å hente opplysninger om deg, og forespørsler om tilgang. Det som venter, oppdateres av seg selv.',
    listHeading: 'Samtykker og tilgang',
    altinn2Heading: 'Tilgang gjennom Altinn 2',
  },
  nn: {
    title: 'Førespurnadene mine – Demobanken',
    heading: 'Samtykka og førespurnadene mine',
    intro:
      'Her ser du det du har bede om gjennom Demobanken: samtykke til å hente opplysningar om deg, og førespurnader om tilgang. Det som ventar, blir oppdatert av seg sjølv.',
    listHeading: 'Samtykke og tilgang',
    altinn2Heading: 'Tilgang gjennom Altinn 2',
  },
  en: {
    title: 'My requests – Demobanken',
    heading: 'My consents and requests',
    intro:
      'What you have asked for through Demobanken: consents to fetch information about you, and requests for access. Whatever is waiting updates by itself.',
    listHeading: 'Consents and access',
    altinn2Heading: 'Access through Altinn 2',
  },
};

startPortalPage(TEXTS, { eventLogKey: 'demobanken:events:foresporsler' });

const lists = [...document.querySelectorAll<AltinnRequestList>('altinn-request-list')];
const origin = altinnOrigin();
for (const list of lists) {
  // The demo's Altinn is the local mock: its consent overview, not Altinn's.
  if (origin) list.consentOverviewUrl = `${origin}/accessmanagement/ui/consent/active`;
  // Asking again happens where that kind is asked for.
  list.addEventListener('altinn-request-again', (event) => {
    location.assign(event.detail.kind === 'consent' ? './' : './tilgang.html');
  });
}
