import { escapeHtml } from './http.js';
import { layout as pageFrame } from './page-layout.js';
import { formatOsloDateTime } from './time.js';
import type { LocalizedText, MockConsentRequest, MockResource, PageLanguage } from './types.js';

/**
 * The user's consent page, shaped like Altinn's (altinn-api.md 2.6, "What the user sees"): who asks,
 * the rights with their metadata, the request message in the page's language, the expiry, and the
 * two buttons; a warning banner and disabled buttons once the request is answered or expired.
 * Server-rendered HTML without scripts (the frame and style are in `page-layout.ts`); every value
 * goes through `escapeHtml`.
 */

/** Why a page shows a warning: the request's state, or a refused answer (with its AM code). */
export type PageNotice =
  | 'accepted'
  | 'rejected'
  | 'revoked'
  | 'deleted'
  | 'expired'
  | 'cannotAccept'
  | 'cannotReject'
  | 'notAuthorized'
  | 'noAction';

interface PageTexts {
  documentTitle: string;
  title: { consent: string; poa: string };
  intro: (to: string) => string;
  introForOrg: (to: string, from: string) => string;
  messageHeading: (to: string) => string;
  rightsHeading: { consent: string; poa: string };
  handledBy: (handledBy: string, to: string) => string;
  expiry: { consent: string; poa: string };
  accept: { consent: string; poa: string };
  reject: { consent: string; poa: string };
  notices: Record<PageNotice, string>;
  notFoundTitle: string;
  notFound: string;
  missingId: string;
}

const TEXTS: Record<PageLanguage, PageTexts> = {
  nb: {
    documentTitle: 'Samtykke – Altinn (mock)',
    title: { consent: 'Samtykke til bruk av dine data', poa: 'Fullmakt' },
    intro: (to) => `${to} ønsker å hente opplysninger om deg.`,
    introForOrg: (to, from) => `${to} ønsker å hente opplysninger om ${from}.`,
    messageHeading: (to) => `Melding fra ${to}`,
    rightsHeading: { consent: 'Dette gjelder samtykket', poa: 'Dette gjelder fullmakten' },
    handledBy: (handledBy, to) => `${handledBy} behandler forespørselen på vegne av ${to}.`,
    expiry: { consent: 'Samtykket gjelder til', poa: 'Fullmakten gjelder til' },
    accept: { consent: 'Ja, jeg gir samtykke', poa: 'Ja, jeg gir fullmakt' },
    reject: { consent: 'Nei, jeg gir ikke samtykke', poa: 'Nei, jeg gir ikke fullmakt' },
    notices: {
      accepted: 'Du har allerede gitt samtykke til denne forespørselen.',
      rejected: 'Du har allerede avslått denne forespørselen.',
      revoked: 'Samtykket er trukket tilbake.',
      deleted: 'Forespørselen er slettet.',
      expired: 'Forespørselen er utløpt og kan ikke lenger besvares.',
      cannotAccept: 'Forespørselen kan ikke godtas fordi den allerede er besvart.',
      cannotReject: 'Forespørselen kan ikke avslås fordi den allerede er besvart.',
      notAuthorized: 'Du har ikke rettighetene som trengs for å svare på denne forespørselen.',
      noAction: 'Velg om du vil gi samtykke eller ikke.',
    },
    notFoundTitle: 'Fant ikke forespørselen',
    notFound: 'Vi fant ingen samtykkeforespørsel med denne lenken.',
    missingId: 'Lenken mangler id-en til forespørselen.',
  },
  nn: {
    documentTitle: 'Samtykke – Altinn (mock)',
    title: { consent: 'Samtykke til bruk av dataa dine', poa: 'Fullmakt' },
    intro: (to) => `${to} ønskjer å hente opplysningar om deg.`,
    introForOrg: (to, from) => `${to} ønskjer å hente opplysningar om ${from}.`,
    messageHeading: (to) => `Melding frå ${to}`,
    rightsHeading: { consent: 'Dette gjeld samtykket', poa: 'Dette gjeld fullmakta' },
    handledBy: (handledBy, to) => `${handledBy} handsamar førespurnaden på vegner av ${to}.`,
    expiry: { consent: 'Samtykket gjeld til', poa: 'Fullmakta gjeld til' },
    accept: { consent: 'Ja, eg gir samtykke', poa: 'Ja, eg gir fullmakt' },
    reject: { consent: 'Nei, eg gir ikkje samtykke', poa: 'Nei, eg gir ikkje fullmakt' },
    notices: {
      accepted: 'Du har allereie gitt samtykke til denne førespurnaden.',
      rejected: 'Du har allereie avslått denne førespurnaden.',
      revoked: 'Samtykket er trekt tilbake.',
      deleted: 'Førespurnaden er sletta.',
      expired: 'Førespurnaden har gått ut og kan ikkje lenger svarast på.',
      cannotAccept: 'Førespurnaden kan ikkje godtakast fordi han allereie er svart på.',
      cannotReject: 'Førespurnaden kan ikkje avslåast fordi han allereie er svart på.',
      notAuthorized: 'Du har ikkje rettane som trengst for å svare på denne førespurnaden.',
      noAction: 'Vel om du vil gi samtykke eller ikkje.',
    },
    notFoundTitle: 'Fann ikkje førespurnaden',
    notFound: 'Vi fann ingen samtykkeførespurnad med denne lenka.',
    missingId: 'Lenka manglar id-en til førespurnaden.',
  },
  en: {
    documentTitle: 'Consent – Altinn (mock)',
    title: { consent: 'Consent to the use of your data', poa: 'Power of attorney' },
    intro: (to) => `${to} wants to retrieve information about you.`,
    introForOrg: (to, from) => `${to} wants to retrieve information about ${from}.`,
    messageHeading: (to) => `Message from ${to}`,
    rightsHeading: { consent: 'What the consent covers', poa: 'What the power of attorney covers' },
    handledBy: (handledBy, to) => `${handledBy} handles the request on behalf of ${to}.`,
    expiry: { consent: 'The consent is valid until', poa: 'The power of attorney is valid until' },
    accept: { consent: 'Yes, I give consent', poa: 'Yes, I give power of attorney' },
    reject: { consent: 'No, I do not give consent', poa: 'No, I do not give power of attorney' },
    notices: {
      accepted: 'You have already given consent to this request.',
      rejected: 'You have already declined this request.',
      revoked: 'The consent has been withdrawn.',
      deleted: 'The request has been deleted.',
      expired: 'The request has expired and can no longer be answered.',
      cannotAccept: 'The request cannot be accepted because it has already been answered.',
      cannotReject: 'The request cannot be declined because it has already been answered.',
      notAuthorized: 'You do not have the rights needed to answer this request.',
      noAction: 'Choose whether you give consent or not.',
    },
    notFoundTitle: 'Request not found',
    notFound: 'We found no consent request for this link.',
    missingId: 'The link lacks the id of the request.',
  },
};

export const CONSENT_PAGE_PATH = '/accessmanagement/ui/consent/request';

function pageUrl(id: string | null, lang: PageLanguage): string {
  const query = new URLSearchParams();
  if (id !== null) query.set('id', id);
  query.set('lang', lang);
  return `${CONSENT_PAGE_PATH}?${query.toString()}`;
}

/** The page frame; `id` `undefined` leaves out the language switch (it links to the consent page). */
function layout(
  lang: PageLanguage,
  id: string | null | undefined,
  title: string,
  content: string,
): string {
  return pageFrame(
    lang,
    id === undefined ? undefined : (code) => pageUrl(id, code),
    title,
    content,
  );
}

export interface ConsentPageModel {
  request: MockConsentRequest;
  lang: PageLanguage;
  isPoa: boolean;
  expired: boolean;
  /** A refused answer to show, else the request's own state decides. */
  notice?: PageNotice;
  partyName(urn: string): string;
  resource(id: string): MockResource | undefined;
}

/** The warning a request's state calls for, if any. */
export function stateNotice(request: MockConsentRequest, expired: boolean): PageNotice | undefined {
  if (request.status === 'Rejected') return 'rejected';
  if (request.status === 'Revoked') return 'revoked';
  if (request.status === 'Deleted') return 'deleted';
  if (expired) return 'expired';
  if (request.status === 'Accepted') return 'accepted';
  return undefined;
}

function localized(text: LocalizedText | undefined, lang: PageLanguage): string | undefined {
  return text?.[lang];
}

function fillMetadata(text: string, metadata: Record<string, string> | null): string {
  let filled = text;
  for (const [key, value] of Object.entries(metadata ?? {})) {
    filled = filled.split(`{${key.toLowerCase()}}`).join(value).split(`{${key}}`).join(value);
  }
  return filled;
}

function renderRight(
  model: ConsentPageModel,
  right: MockConsentRequest['consentRights'][number],
): string {
  const resourceId = right.resource[0]?.value ?? '';
  const resource = model.resource(resourceId);
  const title = localized(resource?.title, model.lang) ?? resourceId;
  const text = localized(resource?.consentText, model.lang);
  const fields = new Map(
    Object.entries(resource?.consentMetadata ?? {}).map(([key, field]) => [
      key.toLowerCase(),
      field,
    ]),
  );
  const metadata = Object.entries(right.metadata ?? {})
    .map(([key, value]) => {
      const label = localized(fields.get(key.toLowerCase())?.label, model.lang) ?? key;
      return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
    })
    .join('');
  return `<li class="right" data-resource="${escapeHtml(resourceId)}"><h3>${escapeHtml(title)}</h3>${
    text ? `<p>${escapeHtml(fillMetadata(text, right.metadata))}</p>` : ''
  }${metadata ? `<dl>${metadata}</dl>` : ''}</li>`;
}

export function renderConsentPage(model: ConsentPageModel): string {
  const { request, lang } = model;
  const t = TEXTS[lang];
  const kind = model.isPoa ? 'poa' : 'consent';
  const to = model.partyName(request.to);
  const fromIsOrg = request.from.includes(':organization:');
  const intro = fromIsOrg ? t.introForOrg(to, model.partyName(request.from)) : t.intro(to);
  const notice = model.notice ?? stateNotice(request, model.expired);
  const answerable = request.status === 'Created' && !model.expired;
  const message = request.requestMessage?.[lang];
  const disabled = answerable ? '' : ' disabled';

  const content = `<article class="card" aria-labelledby="heading" data-status="${escapeHtml(request.status)}">
<h1 id="heading">${escapeHtml(t.title[kind])}</h1>
<p class="intro">${escapeHtml(intro)}</p>
${notice ? `<div class="banner" role="${model.notice ? 'alert' : 'status'}" data-notice="${notice}">${escapeHtml(t.notices[notice])}</div>` : ''}
${message ? `<section aria-labelledby="message-heading"><h2 id="message-heading">${escapeHtml(t.messageHeading(to))}</h2><p class="message">${escapeHtml(message)}</p></section>` : ''}
<section aria-labelledby="rights-heading"><h2 id="rights-heading">${escapeHtml(t.rightsHeading[kind])}</h2>
<ul class="rights">${request.consentRights.map((right) => renderRight(model, right)).join('')}</ul></section>
${request.handledBy ? `<p class="handled-by">${escapeHtml(t.handledBy(model.partyName(request.handledBy), to))}</p>` : ''}
<p class="expiry">${escapeHtml(t.expiry[kind])} <time datetime="${escapeHtml(request.validTo)}">${escapeHtml(formatOsloDateTime(request.validToMicros))}</time>.</p>
<form method="post" action="${escapeHtml(pageUrl(request.id, lang))}" class="actions">
<button type="submit" name="action" value="accept" data-action="accept" class="primary"${disabled}>${escapeHtml(t.accept[kind])}</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary"${disabled}>${escapeHtml(t.reject[kind])}</button>
</form>
</article>`;
  return layout(lang, request.id, t.documentTitle, content);
}

/** The page for a missing or unknown request id. */
export function renderNotFoundPage(lang: PageLanguage, id: string | null): string {
  const t = TEXTS[lang];
  const text = id === null ? t.missingId : t.notFound;
  return layout(
    lang,
    id,
    `${t.notFoundTitle} – Altinn (mock)`,
    `<article class="card" aria-labelledby="heading"><h1 id="heading">${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(text)}</p></article>`,
  );
}

/** `GET /`: where Altinn's logout redirect lands when it has nowhere better to go. */
export function renderIndexPage(): string {
  return layout(
    'nb',
    undefined,
    'Altinn (mock)',
    `<article class="card" aria-labelledby="heading" lang="en"><h1 id="heading">Mock Altinn</h1>
<p>This server imitates Altinn's consent API, the access request APIs of Altinn 2 and 3, Maskinporten's token endpoint and the pages users and access managers see, for local development and tests.</p>
<ul><li><a href="/accessmanagement/ui/requests/received">Access requests, as an organisation's access manager sees them</a></li><li><a href="/maskinporten/.well-known/oauth-authorization-server">Maskinporten metadata</a></li><li><a href="/__mock/stats">Request counters</a></li></ul></article>`,
  );
}
