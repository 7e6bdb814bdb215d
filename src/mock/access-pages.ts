import { escapeHtml } from './http.js';
import { layout } from './page-layout.js';
import type {
  MockAccessManager,
  MockAccessRequestStatus,
  MockDelegationRequestStatus,
  PageLanguage,
} from './types.js';

/**
 * The pages of "Be om tilgang" (altinn-api.md 3.1, 3.2; Altinn 2's docs for the send page):
 * - Altinn 2's send page: the request as the service owner made it (not editable), an optional
 *   message, which access managers get an e-mail, "Send"; then a receipt with "Fortsett";
 * - Altinn 3's draft page (`detailsLink`): what is asked, "Ja, be om tilgang" / "Nei, avvis", then a
 *   receipt that says the organisation processes it and the window can be closed (no redirect);
 * - the access manager's list of received requests (both kinds), with approve and reject.
 * Server-rendered HTML without scripts; every value goes through `escapeHtml`.
 */

export type SendPageNotice = 'cannotSend';
export type DraftPageNotice = 'notDraft' | 'noAction';
export type ReceivedPageNotice = 'approved' | 'rejected' | 'notPending' | 'notFound' | 'noAction';

interface AccessTexts {
  send: {
    documentTitle: string;
    title: string;
    intro: (org: string) => string;
    madeBy: (serviceOwner: string) => string;
    servicesHeading: string;
    serviceCode: (code: string, edition: number) => string;
    messageLabel: string;
    messageHint: string;
    recipientsLegend: string;
    send: string;
    sentTitle: string;
    sent: (org: string) => string;
    notified: (names: string) => string;
    stateTitle: string;
    states: Record<Exclude<MockDelegationRequestStatus, 'Created'>, string>;
    cannotSend: string;
    continue: string;
  };
  draft: {
    documentTitle: string;
    title: string;
    intro: (serviceOwner: string) => string;
    requestsHeading: string;
    at: string;
    for: string;
    status: string;
    confirm: string;
    decline: string;
    sentTitle: string;
    sent: (orgs: string) => string;
    declinedTitle: string;
    declined: string;
    doneTitle: string;
    close: string;
    notices: Record<DraftPageNotice, string>;
  };
  received: {
    documentTitle: string;
    title: (org: string) => string;
    chooseTitle: string;
    chooseIntro: string;
    noLogin: string;
    empty: string;
    from: string;
    madeBy: string;
    via: string;
    message: string;
    status: string;
    approve: string;
    reject: string;
    details: string;
    back: string;
    notices: Record<ReceivedPageNotice, string>;
  };
  statuses: Record<MockDelegationRequestStatus | MockAccessRequestStatus, string>;
  notFoundTitle: string;
  notFound: string;
  missingId: string;
}

const TEXTS: Record<PageLanguage, AccessTexts> = {
  nb: {
    send: {
      documentTitle: 'Be om tilgang – Altinn (mock)',
      title: 'Be om tilgang',
      intro: (org) => `Du ber om tilgang til disse tjenestene hos ${org}.`,
      madeBy: (so) => `${so} har fylt ut forespørselen for deg. Den kan ikke endres.`,
      servicesHeading: 'Tjenester du ber om tilgang til',
      serviceCode: (code, edition) => `Tjenestekode ${code}, utgave ${edition}`,
      messageLabel: 'Melding til tilgangsstyrer (valgfritt)',
      messageHint: 'Skriv gjerne hvorfor du trenger tilgangen.',
      recipientsLegend: 'Hvem skal få varsel på e-post?',
      send: 'Send forespørsel',
      sentTitle: 'Forespørselen er sendt',
      sent: (org) => `Forespørselen er sendt til ${org}. En tilgangsstyrer der vil behandle den.`,
      notified: (names) => `Varsel på e-post er sendt til ${names}.`,
      stateTitle: 'Forespørsel om tilgang',
      states: {
        Unopened: 'Forespørselen er sendt og venter på behandling.',
        Opened: 'Forespørselen er åpnet av en tilgangsstyrer.',
        Approved: 'Forespørselen er godkjent.',
        Accepted: 'Forespørselen er godkjent.',
        Rejected: 'Forespørselen er avslått.',
        Deleted: 'Forespørselen er slettet.',
      },
      cannotSend: 'Forespørselen kan ikke sendes fordi den allerede er sendt eller avsluttet.',
      continue: 'Fortsett',
    },
    draft: {
      documentTitle: 'Be om tilgang – Altinn (mock)',
      title: 'Be om tilgang',
      intro: (so) => `${so} har laget en forespørsel om tilgang for deg. Vil du sende den?`,
      requestsHeading: 'Dette ber du om tilgang til',
      at: 'Hos',
      for: 'For',
      status: 'Status',
      confirm: 'Ja, be om tilgang',
      decline: 'Nei, avvis',
      sentTitle: 'Forespørselen er sendt',
      sent: (orgs) => `${orgs} vil behandle forespørselen. Du får beskjed når den er behandlet.`,
      declinedTitle: 'Forespørselen er avvist',
      declined: 'Du har avvist forespørselen. Den er ikke sendt.',
      doneTitle: 'Forespørsel om tilgang',
      close: 'Du kan nå lukke dette vinduet.',
      notices: {
        notDraft: 'Forespørselen er allerede besvart og kan ikke endres her.',
        noAction: 'Velg om du vil be om tilgang eller ikke.',
      },
    },
    received: {
      documentTitle: 'Forespørsler om tilgang – Altinn (mock)',
      title: (org) => `Forespørsler om tilgang til ${org}`,
      chooseTitle: 'Forespørsler om tilgang',
      chooseIntro: 'Velg organisasjonen du er tilgangsstyrer for.',
      noLogin:
        'Mocken har ingen innlogging: du ser siden som tilgangsstyrer for organisasjonen i adressen.',
      empty: 'Ingen forespørsler venter på behandling.',
      from: 'Fra',
      madeBy: 'Laget av',
      via: 'Løsning',
      message: 'Melding',
      status: 'Status',
      approve: 'Godkjenn',
      reject: 'Avslå',
      details: 'Vis forespørselen',
      back: 'Tilbake til alle forespørsler',
      notices: {
        approved: 'Forespørselen er godkjent.',
        rejected: 'Forespørselen er avslått.',
        notPending: 'Forespørselen venter ikke på behandling og kan ikke besvares.',
        notFound: 'Fant ingen forespørsel med denne id-en til organisasjonen.',
        noAction: 'Velg om du vil godkjenne eller avslå.',
      },
    },
    statuses: {
      Created: 'Ikke sendt',
      Unopened: 'Venter på behandling',
      Opened: 'Åpnet',
      Approved: 'Godkjent',
      Accepted: 'Godkjent',
      Rejected: 'Avslått',
      Deleted: 'Slettet',
      None: 'Ukjent',
      Draft: 'Ikke sendt',
      Pending: 'Venter på behandling',
      Withdrawn: 'Trukket tilbake',
    },
    notFoundTitle: 'Fant ikke forespørselen',
    notFound: 'Vi fant ingen forespørsel om tilgang med denne lenken.',
    missingId: 'Lenken mangler id-en til forespørselen.',
  },
  nn: {
    send: {
      documentTitle: 'Be om tilgang – Altinn (mock)',
      title: 'Be om tilgang',
      intro: (org) => `Du ber om tilgang til desse tenestene hos ${org}.`,
      madeBy: (so) => `${so} har fylt ut førespurnaden for deg. Han kan ikkje endrast.`,
      servicesHeading: 'Tenester du ber om tilgang til',
      serviceCode: (code, edition) => `Tenestekode ${code}, utgåve ${edition}`,
      messageLabel: 'Melding til tilgangsstyrar (valfritt)',
      messageHint: 'Skriv gjerne kvifor du treng tilgangen.',
      recipientsLegend: 'Kven skal få varsel på e-post?',
      send: 'Send førespurnad',
      sentTitle: 'Førespurnaden er send',
      sent: (org) => `Førespurnaden er send til ${org}. Ein tilgangsstyrar der vil handsame han.`,
      notified: (names) => `Varsel på e-post er sendt til ${names}.`,
      stateTitle: 'Førespurnad om tilgang',
      states: {
        Unopened: 'Førespurnaden er send og ventar på handsaming.',
        Opened: 'Førespurnaden er opna av ein tilgangsstyrar.',
        Approved: 'Førespurnaden er godkjend.',
        Accepted: 'Førespurnaden er godkjend.',
        Rejected: 'Førespurnaden er avslått.',
        Deleted: 'Førespurnaden er sletta.',
      },
      cannotSend: 'Førespurnaden kan ikkje sendast fordi han allereie er send eller avslutta.',
      continue: 'Hald fram',
    },
    draft: {
      documentTitle: 'Be om tilgang – Altinn (mock)',
      title: 'Be om tilgang',
      intro: (so) => `${so} har laga ein førespurnad om tilgang for deg. Vil du sende han?`,
      requestsHeading: 'Dette ber du om tilgang til',
      at: 'Hos',
      for: 'For',
      status: 'Status',
      confirm: 'Ja, be om tilgang',
      decline: 'Nei, avvis',
      sentTitle: 'Førespurnaden er send',
      sent: (orgs) => `${orgs} vil handsame førespurnaden. Du får melding når han er handsama.`,
      declinedTitle: 'Førespurnaden er avvist',
      declined: 'Du har avvist førespurnaden. Han er ikkje send.',
      doneTitle: 'Førespurnad om tilgang',
      close: 'Du kan no lukke dette vindauget.',
      notices: {
        notDraft: 'Førespurnaden er allereie svart på og kan ikkje endrast her.',
        noAction: 'Vel om du vil be om tilgang eller ikkje.',
      },
    },
    received: {
      documentTitle: 'Førespurnader om tilgang – Altinn (mock)',
      title: (org) => `Førespurnader om tilgang til ${org}`,
      chooseTitle: 'Førespurnader om tilgang',
      chooseIntro: 'Vel organisasjonen du er tilgangsstyrar for.',
      noLogin:
        'Mocken har inga innlogging: du ser sida som tilgangsstyrar for organisasjonen i adressa.',
      empty: 'Ingen førespurnader ventar på handsaming.',
      from: 'Frå',
      madeBy: 'Laga av',
      via: 'Løysing',
      message: 'Melding',
      status: 'Status',
      approve: 'Godkjenn',
      reject: 'Avslå',
      details: 'Vis førespurnaden',
      back: 'Tilbake til alle førespurnader',
      notices: {
        approved: 'Førespurnaden er godkjend.',
        rejected: 'Førespurnaden er avslått.',
        notPending: 'Førespurnaden ventar ikkje på handsaming og kan ikkje svarast på.',
        notFound: 'Fann ingen førespurnad med denne id-en til organisasjonen.',
        noAction: 'Vel om du vil godkjenne eller avslå.',
      },
    },
    statuses: {
      Created: 'Ikkje send',
      Unopened: 'Ventar på handsaming',
      Opened: 'Opna',
      Approved: 'Godkjend',
      Accepted: 'Godkjend',
      Rejected: 'Avslått',
      Deleted: 'Sletta',
      None: 'Ukjend',
      Draft: 'Ikkje send',
      Pending: 'Ventar på handsaming',
      Withdrawn: 'Trekt tilbake',
    },
    notFoundTitle: 'Fann ikkje førespurnaden',
    notFound: 'Vi fann ingen førespurnad om tilgang med denne lenka.',
    missingId: 'Lenka manglar id-en til førespurnaden.',
  },
  en: {
    send: {
      documentTitle: 'Request access – Altinn (mock)',
      title: 'Request access',
      intro: (org) => `You are requesting access to these services at ${org}.`,
      madeBy: (so) => `${so} filled in the request for you. It cannot be changed.`,
      servicesHeading: 'Services you request access to',
      serviceCode: (code, edition) => `Service code ${code}, edition ${edition}`,
      messageLabel: 'Message to the access manager (optional)',
      messageHint: 'You may say why you need the access.',
      recipientsLegend: 'Who should be notified by e-mail?',
      send: 'Send request',
      sentTitle: 'The request has been sent',
      sent: (org) =>
        `The request has been sent to ${org}. An access manager there will process it.`,
      notified: (names) => `An e-mail notification has been sent to ${names}.`,
      stateTitle: 'Access request',
      states: {
        Unopened: 'The request has been sent and awaits processing.',
        Opened: 'An access manager has opened the request.',
        Approved: 'The request has been approved.',
        Accepted: 'The request has been approved.',
        Rejected: 'The request has been rejected.',
        Deleted: 'The request has been deleted.',
      },
      cannotSend: 'The request cannot be sent because it has already been sent or closed.',
      continue: 'Continue',
    },
    draft: {
      documentTitle: 'Request access – Altinn (mock)',
      title: 'Request access',
      intro: (so) => `${so} has prepared an access request for you. Do you want to send it?`,
      requestsHeading: 'You are requesting access to',
      at: 'At',
      for: 'For',
      status: 'Status',
      confirm: 'Yes, request access',
      decline: 'No, reject',
      sentTitle: 'The request has been sent',
      sent: (orgs) =>
        `${orgs} will process the request. You will be notified when it has been processed.`,
      declinedTitle: 'The request has been rejected',
      declined: 'You rejected the request. It has not been sent.',
      doneTitle: 'Access request',
      close: 'You can now close this window.',
      notices: {
        notDraft: 'The request has already been answered and cannot be changed here.',
        noAction: 'Choose whether you want to request access or not.',
      },
    },
    received: {
      documentTitle: 'Access requests – Altinn (mock)',
      title: (org) => `Access requests to ${org}`,
      chooseTitle: 'Access requests',
      chooseIntro: 'Choose the organisation you manage access for.',
      noLogin:
        'The mock has no login: you see this page as an access manager of the organisation in the address.',
      empty: 'No requests await processing.',
      from: 'From',
      madeBy: 'Made by',
      via: 'Solution',
      message: 'Message',
      status: 'Status',
      approve: 'Approve',
      reject: 'Reject',
      details: 'Show the request',
      back: 'Back to all requests',
      notices: {
        approved: 'The request has been approved.',
        rejected: 'The request has been rejected.',
        notPending: 'The request does not await processing and cannot be answered.',
        notFound: 'No request with this id was found for the organisation.',
        noAction: 'Choose whether to approve or reject.',
      },
    },
    statuses: {
      Created: 'Not sent',
      Unopened: 'Awaiting processing',
      Opened: 'Opened',
      Approved: 'Approved',
      Accepted: 'Approved',
      Rejected: 'Rejected',
      Deleted: 'Deleted',
      None: 'Unknown',
      Draft: 'Not sent',
      Pending: 'Awaiting processing',
      Withdrawn: 'Withdrawn',
    },
    notFoundTitle: 'Request not found',
    notFound: 'We found no access request for this link.',
    missingId: 'The link lacks the id of the request.',
  },
};

function definitions(rows: [term: string, value: string][]): string {
  return `<dl>${rows
    .map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('')}</dl>`;
}

function banner(text: string, kind: 'alert' | 'status', data: string): string {
  return `<div class="banner" role="${kind}" ${data}>${escapeHtml(text)}</div>`;
}

/** A list of names in running text: "A", "A og B", "A, B og C". */
function joinNames(names: string[], lang: PageLanguage): string {
  const and = lang === 'en' ? 'and' : 'og';
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Altinn 2: the send page and its receipt

export interface SendPageModel {
  lang: PageLanguage;
  guid: string;
  status: MockDelegationRequestStatus;
  /** The page's own address in a language (for the switch and the form). */
  pageHref(lang: PageLanguage): string;
  offeredByName: string;
  serviceOwnerName: string;
  services: { title: string; code: string; edition: number }[];
  requestMessage: string | null;
  accessManagers: readonly MockAccessManager[];
  notifiedNames: string[];
  continueHref: string;
  notice?: SendPageNotice;
}

export function renderSendPage(model: SendPageModel): string {
  const { lang } = model;
  const t = TEXTS[lang].send;
  const services = `<section aria-labelledby="services-heading"><h2 id="services-heading">${escapeHtml(t.servicesHeading)}</h2>
<ul class="rights">${model.services
    .map(
      (service) =>
        `<li class="right" data-service-code="${escapeHtml(service.code)}" data-service-edition="${service.edition}"><h3>${escapeHtml(service.title)}</h3><p>${escapeHtml(t.serviceCode(service.code, service.edition))}</p></li>`,
    )
    .join('')}</ul></section>`;

  let content: string;
  if (model.status === 'Created') {
    const managers = model.accessManagers
      .map(
        (manager, index) =>
          `<label class="choice" for="recipient-${index}"><input type="checkbox" id="recipient-${index}" name="recipients" value="${escapeHtml(manager.email)}">${escapeHtml(`${manager.name} (${manager.email})`)}</label>`,
      )
      .join('');
    content = `<article class="card" aria-labelledby="heading" data-status="Created">
<h1 id="heading">${escapeHtml(t.title)}</h1>
<p class="intro">${escapeHtml(t.intro(model.offeredByName))}</p>
<p>${escapeHtml(t.madeBy(model.serviceOwnerName))}</p>
${services}
<form method="post" action="${escapeHtml(model.pageHref(lang))}">
<label for="message">${escapeHtml(t.messageLabel)}</label>
<p id="message-hint">${escapeHtml(t.messageHint)}</p>
<textarea id="message" name="message" aria-describedby="message-hint" maxlength="1000">${escapeHtml(model.requestMessage ?? '')}</textarea>
<fieldset><legend>${escapeHtml(t.recipientsLegend)}</legend>${managers}</fieldset>
<div class="actions"><button type="submit" class="primary" data-action="send">${escapeHtml(t.send)}</button></div>
</form>
</article>`;
  } else {
    const sent = model.status === 'Unopened';
    const state = t.states[model.status];
    content = `<article class="card" aria-labelledby="heading" data-status="${escapeHtml(model.status)}">
<h1 id="heading">${escapeHtml(sent ? t.sentTitle : t.stateTitle)}</h1>
${model.notice ? banner(t.cannotSend, 'alert', `data-notice="${model.notice}"`) : ''}
${
  sent
    ? `<div class="receipt" role="status"><p>${escapeHtml(t.sent(model.offeredByName))}</p>${
        model.notifiedNames.length > 0
          ? `<p>${escapeHtml(t.notified(joinNames(model.notifiedNames, lang)))}</p>`
          : ''
      }</div>`
    : banner(state, 'status', `data-state="${escapeHtml(model.status)}"`)
}
${services}
<div class="actions"><a class="button primary" data-action="continue" href="${escapeHtml(model.continueHref)}">${escapeHtml(t.continue)}</a></div>
</article>`;
  }
  return layout(lang, (code) => model.pageHref(code), t.documentTitle, content);
}

// ---------------------------------------------------------------------------------------------
// Altinn 3: the draft page (`detailsLink`) and its receipt

export interface DraftPageItem {
  id: string;
  status: MockAccessRequestStatus;
  title: string;
  askedName: string;
  requesterName: string;
  serviceOwnerName: string;
}

export interface DraftPageModel {
  lang: PageLanguage;
  pageHref(lang: PageLanguage): string;
  items: DraftPageItem[];
  notice?: DraftPageNotice;
}

export function renderDraftPage(model: DraftPageModel): string {
  const { lang, items } = model;
  const t = TEXTS[lang].draft;
  const statuses = TEXTS[lang].statuses;
  const unique = (values: string[]): string[] => [...new Set(values)];
  const asked = joinNames(unique(items.map((item) => item.askedName)), lang);
  const serviceOwners = joinNames(unique(items.map((item) => item.serviceOwnerName)), lang);
  const list = `<section aria-labelledby="requests-heading"><h2 id="requests-heading">${escapeHtml(t.requestsHeading)}</h2>
<ul class="rights">${items
    .map(
      (item) =>
        `<li class="right" data-request-id="${escapeHtml(item.id)}" data-status="${escapeHtml(item.status)}"><h3>${escapeHtml(item.title)}</h3>${definitions(
          [
            [t.at, item.askedName],
            [t.for, item.requesterName],
            [t.status, statuses[item.status]],
          ],
        )}</li>`,
    )
    .join('')}</ul></section>`;
  const notice = model.notice
    ? banner(t.notices[model.notice], 'alert', `data-notice="${model.notice}"`)
    : '';

  let content: string;
  if (items.some((item) => item.status === 'Draft')) {
    content = `<article class="card" aria-labelledby="heading" data-status="Draft">
<h1 id="heading">${escapeHtml(t.title)}</h1>
${notice}
<p class="intro">${escapeHtml(t.intro(serviceOwners))}</p>
${list}
<form method="post" action="${escapeHtml(model.pageHref(lang))}" class="actions">
<button type="submit" name="action" value="confirm" data-action="confirm" class="primary">${escapeHtml(t.confirm)}</button>
<button type="submit" name="action" value="decline" data-action="decline" class="secondary">${escapeHtml(t.decline)}</button>
</form>
</article>`;
  } else {
    const all = (status: MockAccessRequestStatus): boolean =>
      items.every((item) => item.status === status);
    const [title, text, outcome] = all('Pending')
      ? [t.sentTitle, t.sent(asked), 'sent']
      : all('Withdrawn')
        ? [t.declinedTitle, t.declined, 'declined']
        : [t.doneTitle, '', 'answered'];
    content = `<article class="card" aria-labelledby="heading" data-outcome="${outcome}">
<h1 id="heading">${escapeHtml(title)}</h1>
${notice}
<div class="receipt" role="status">${text ? `<p>${escapeHtml(text)}</p>` : ''}<p data-close-hint>${escapeHtml(t.close)}</p></div>
${list}
</article>`;
  }
  return layout(lang, (code) => model.pageHref(code), t.documentTitle, content);
}

// ---------------------------------------------------------------------------------------------
// The access manager's received requests

export interface ReceivedItem {
  id: string;
  api: 'altinn2' | 'altinn3';
  status: MockDelegationRequestStatus | MockAccessRequestStatus;
  title: string;
  requesterName: string;
  serviceOwnerName: string;
  message: string | null;
}

export interface ReceivedPageModel {
  lang: PageLanguage;
  pageHref(lang: PageLanguage): string;
  /** Address of the list, or of one request, in the current language. */
  listHref: string;
  detailHref(id: string): string;
  org?: { name: string; number: string };
  /** Without `org`: the organisations to choose between. */
  organizations: { name: string; href: string }[];
  items: ReceivedItem[];
  /** One request shown alone (its detail page). */
  detail?: ReceivedItem;
  notice?: ReceivedPageNotice;
}

function receivedItem(model: ReceivedPageModel, item: ReceivedItem, alone: boolean): string {
  const t = TEXTS[model.lang].received;
  const statuses = TEXTS[model.lang].statuses;
  const headingId = `request-${item.id}`;
  const heading = `<h2 id="${headingId}">${escapeHtml(item.title)}</h2>`;
  const pending = ['Unopened', 'Opened', 'Pending'].includes(item.status);
  return `<li class="right" data-request-id="${escapeHtml(item.id)}" data-api="${item.api}" data-status="${escapeHtml(item.status)}">${heading}${definitions(
    [
      [t.from, item.requesterName],
      [t.madeBy, item.serviceOwnerName],
      [t.via, item.api === 'altinn2' ? 'Altinn 2' : 'Altinn 3'],
      [t.status, statuses[item.status]],
    ],
  )}${item.message ? `<p class="message">${escapeHtml(item.message)}</p>` : ''}${
    pending
      ? `<form method="post" action="${escapeHtml(model.listHref)}" class="actions">
<input type="hidden" name="requestId" value="${escapeHtml(item.id)}">
<button type="submit" name="action" value="approve" data-action="approve" class="primary" aria-describedby="${headingId}">${escapeHtml(t.approve)}</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary" aria-describedby="${headingId}">${escapeHtml(t.reject)}</button>
</form>`
      : ''
  }${
    alone
      ? ''
      : `<p><a href="${escapeHtml(model.detailHref(item.id))}" data-action="details" aria-describedby="${headingId}">${escapeHtml(t.details)}</a></p>`
  }</li>`;
}

export function renderReceivedPage(model: ReceivedPageModel): string {
  const { lang } = model;
  const t = TEXTS[lang].received;
  const notice = model.notice
    ? `<div class="${model.notice === 'approved' || model.notice === 'rejected' ? 'receipt' : 'banner'}" role="${model.notice === 'approved' || model.notice === 'rejected' ? 'status' : 'alert'}" data-notice="${model.notice}">${escapeHtml(t.notices[model.notice])}</div>`
    : '';
  let content: string;
  if (!model.org) {
    content = `<article class="card" aria-labelledby="heading">
<h1 id="heading">${escapeHtml(t.chooseTitle)}</h1>
<p>${escapeHtml(t.chooseIntro)}</p>
<ul>${model.organizations.map((org) => `<li><a href="${escapeHtml(org.href)}">${escapeHtml(org.name)}</a></li>`).join('')}</ul>
</article>`;
  } else if (model.detail) {
    content = `<article class="card" aria-labelledby="heading" data-org="${escapeHtml(model.org.number)}">
<h1 id="heading">${escapeHtml(t.title(model.org.name))}</h1>
${notice}
<ul class="rights">${receivedItem(model, model.detail, true)}</ul>
<p><a href="${escapeHtml(model.listHref)}">${escapeHtml(t.back)}</a></p>
</article>`;
  } else {
    content = `<article class="card" aria-labelledby="heading" data-org="${escapeHtml(model.org.number)}">
<h1 id="heading">${escapeHtml(t.title(model.org.name))}</h1>
<p>${escapeHtml(t.noLogin)}</p>
${notice}
${
  model.items.length === 0
    ? `<p data-empty>${escapeHtml(t.empty)}</p>`
    : `<ul class="rights">${model.items.map((item) => receivedItem(model, item, false)).join('')}</ul>`
}
</article>`;
  }
  return layout(lang, (code) => model.pageHref(code), t.documentTitle, content);
}

/** The page for a missing or unknown request id (either API). */
export function renderAccessNotFoundPage(
  lang: PageLanguage,
  missing: boolean,
  pageHref?: (lang: PageLanguage) => string,
): string {
  const t = TEXTS[lang];
  return layout(
    lang,
    pageHref,
    `${t.notFoundTitle} – Altinn (mock)`,
    `<article class="card" aria-labelledby="heading"><h1 id="heading">${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(missing ? t.missingId : t.notFound)}</p></article>`,
  );
}
