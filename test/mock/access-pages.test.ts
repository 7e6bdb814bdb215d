import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendDelegationRequestOutcome, type MockAltinn } from '../../src/mock/index.js';
import {
  BANK,
  PERSON_URN,
  TESTFJORD,
  actOnPage,
  altinn3Status,
  createAltinn2,
  createAltinn3,
  getAltinn2,
  postForm,
  startForAccess,
} from './helpers.js';

const DRAFT_PAGE = '/accessmanagement/ui/requests/resource';
const RECEIVED_PAGE = '/accessmanagement/ui/requests/received';
const FJELLTOPP = '310456780';

/** The elements carrying `data-action="<action>"`, with their text. */
function actions(html: string, action: string): string[] {
  const pattern = new RegExp(`<(button|a)\\b[^>]*data-action="${action}"[^>]*>([^<]*)</\\1>`, 'g');
  return [...html.matchAll(pattern)].map((match) => match[2] ?? '');
}

function continueHref(html: string): string | undefined {
  const match = /<a\b[^>]*data-action="continue"[^>]*href="([^"]*)"/.exec(html);
  return match?.[1]?.replace(/&amp;/g, '&');
}

async function page(url: string): Promise<{ status: number; html: string; res: Response }> {
  const res = await fetch(url);
  return { status: res.status, html: await res.text(), res };
}

function assertSafePage(html: string, res: Response): void {
  assert.ok(!html.includes('<script'), 'no script');
  assert.match(
    res.headers.get('content-security-policy') ?? '',
    /default-src 'none'.*frame-ancestors 'none'/,
  );
  assert.equal(res.headers.get('x-frame-options'), 'deny');
}

describe('mock access request pages', () => {
  let altinn: MockAltinn;
  let token: string;

  before(async () => {
    ({ altinn, token } = await startForAccess());
  });
  after(() => altinn.close());

  describe('Altinn 2: the send page', () => {
    const texts = [
      [
        'nb',
        'Be om tilgang',
        'Send forespørsel',
        'Tilgang til lønnsmodul',
        'Forespørselen er sendt',
        'Fortsett',
      ],
      [
        'nn',
        'Be om tilgang',
        'Send førespurnad',
        'Tilgang til lønsmodul',
        'Førespurnaden er send',
        'Hald fram',
      ],
      [
        'en',
        'Request access',
        'Send request',
        'Access to the payroll module',
        'The request has been sent',
        'Continue',
      ],
    ] as const;

    for (const [lang, title, send, service, sentTitle, continueText] of texts) {
      it(`speaks ${lang}: the request as made, not editable, a message, whom to notify`, async () => {
        const created = await createAltinn2(altinn, token, {
          RequestResources: [
            { ServiceCode: '4751', ServiceEditionCode: 1 },
            { ServiceCode: '5252', ServiceEditionCode: 2 },
          ],
        });
        const url = `${created._links?.sendRequest.href}?lang=${lang}`;
        const { status, html, res } = await page(url);
        assert.equal(status, 200);
        assert.match(html, new RegExp(`<html lang="${lang}">`));
        assert.match(html, new RegExp(`<h1 id="heading">${title}</h1>`));
        assert.ok(html.includes(service), 'html.includes(service)');
        assert.ok(html.includes('SPAREBANKEN TESTFJORD'), 'the organisation asked');
        assert.ok(html.includes('DEMOBANKEN ASA'), 'the service owner');
        assert.match(html, /data-service-code="4751" data-service-edition="1"/);
        assert.match(html, /data-service-code="5252" data-service-edition="2"/);
        // the services are text: the only form fields are the message and the recipients
        const fields = [...html.matchAll(/<(input|textarea|select)\b[^>]*name="([^"]*)"/g)].map(
          (m) => m[2],
        );
        assert.deepEqual(fields, ['message', 'recipients', 'recipients']);
        assert.match(
          html,
          /<textarea[^>]*name="message"[^>]*>Trenger tilgang til lønnsmodulen\.<\/textarea>/,
        );
        assert.match(html, /value="ingrid\.dahl@testfjord\.example"/);
        assert.match(html, /value="ola\.vik@testfjord\.example"/);
        assert.deepEqual(actions(html, 'send'), [send]);
        assert.equal(continueHref(html), undefined, 'no way on before it is sent');
        assertSafePage(html, res);

        const posted = await postForm(url, [
          ['message', '  Jeg fører lønn for avdelingen.  '],
          ['recipients', 'ingrid.dahl@testfjord.example'],
          ['recipients', 'intruder@evil.example'],
        ]);
        assert.equal(posted.status, 303);
        assert.equal(new URL(posted.headers.get('location') ?? '', url).href, url);
        const receipt = await page(url);
        assert.match(receipt.html, new RegExp(`<h1 id="heading">${sentTitle}</h1>`));
        assert.ok(receipt.html.includes('Ingrid Dahl'), 'names who was notified');
        assert.deepEqual(actions(receipt.html, 'continue'), [continueText]);
        assert.equal(actions(receipt.html, 'send').length, 0);

        const stored = altinn.delegationRequests.get(created.Guid);
        assert.equal(stored?.requestStatus, 'Unopened');
        assert.deepEqual(stored?.notifiedAccessManagers, ['ingrid.dahl@testfjord.example']);
        const api = await getAltinn2(altinn, token, created.Guid);
        assert.equal(api.RequestStatus, 'Unopened');
        assert.equal(api.RequestMessage, 'Jeg fører lønn for avdelingen.');
      });
    }

    const redirects = [
      [
        'a plain URL',
        'https://portal.example/lonn',
        'https://portal.example/lonn?DelegationRequestId=<id>&Status=OK',
      ],
      [
        'a URL with a query',
        'https://portal.example/lonn?step=2',
        'https://portal.example/lonn?step=2&DelegationRequestId=<id>&Status=OK',
      ],
      [
        'a #fragment',
        'https://portal.example/lonn?step=2#tilgang',
        'https://portal.example/lonn?step=2&DelegationRequestId=<id>&Status=OK#tilgang',
      ],
      [
        'a #/hash route',
        'https://portal.example/app#/lonn',
        'https://portal.example/app?DelegationRequestId=<id>&Status=OK#/lonn',
      ],
    ] as const;
    for (const [name, redirectUrl, expected] of redirects) {
      it(`"Fortsett" goes to ${name} with DelegationRequestId and Status=OK`, async () => {
        const created = await createAltinn2(altinn, token, { RedirectUrl: redirectUrl });
        const url = created._links?.sendRequest.href ?? '';
        assert.equal((await postForm(url, { message: '' })).status, 303);
        const href = continueHref((await page(url)).html);
        assert.equal(href, expected.replace('<id>', created.Guid));
        assert.equal(appendDelegationRequestOutcome(redirectUrl, created.Guid), href);
        assert.equal(
          (await getAltinn2(altinn, token, created.Guid)).RequestMessage,
          null,
          'empty message: none',
        );
      });
    }

    it('sends only from Created; otherwise shows the state and the way on', async () => {
      const created = await createAltinn2(altinn, token);
      const url = created._links?.sendRequest.href ?? '';
      await postForm(url, { message: 'first' });
      const again = await postForm(url, { message: 'second' });
      assert.equal(again.status, 409);
      const html = await again.text();
      assert.match(html, /data-notice="cannotSend"/);
      assert.ok(continueHref(html), 'continueHref(html)');
      assert.equal((await getAltinn2(altinn, token, created.Guid)).RequestMessage, 'first');

      await fetch(`${altinn.url}/api/serviceowner/delegationRequests/${created.Guid}`, {
        method: 'DELETE',
        headers: { ApiKey: 'test-api-key', Authorization: `Bearer ${token}` },
      });
      const deleted = await page(url);
      assert.match(deleted.html, /data-state="Deleted"/);
      assert.ok(
        deleted.html.includes('Forespørselen er slettet.'),
        'deleted.html.includes("Forespørselen er slettet.")',
      );
      assert.ok(continueHref(deleted.html), 'continueHref(deleted.html)');
    });

    it('escapes every value', async () => {
      const created = await createAltinn2(altinn, token, {
        RequestMessage: '</textarea><script>alert(1)</script>',
        RedirectUrl: 'https://portal.example/?q="><img src=x onerror=alert(1)>',
      });
      const url = created._links?.sendRequest.href ?? '';
      const { html, res } = await page(url);
      assertSafePage(html, res);
      assert.ok(
        html.includes('&lt;/textarea&gt;&lt;script&gt;'),
        'html.includes("&lt;/textarea&gt;&lt;script&gt;")',
      );
      await postForm(url, { message: '<b>hei</b>' });
      const receipt = await page(url);
      assert.ok(!receipt.html.includes('<img'), '!receipt.html.includes("<img")');
      assert.ok(
        receipt.html.includes('&quot;&gt;&lt;img'),
        'receipt.html.includes("&quot;&gt;&lt;img")',
      );
    });

    it('answers an unknown or malformed guid with 404', async () => {
      assert.equal(
        (await page(`${altinn.url}/ui/DelegationRequest/send/5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11`))
          .status,
        404,
      );
      assert.equal((await page(`${altinn.url}/ui/DelegationRequest/send/nope`)).status, 404);
    });
  });

  describe('Altinn 3: the draft page', () => {
    it('confirms: Pending, then a receipt that says the organisation processes it and the window can close', async () => {
      const created = await createAltinn3(altinn, token);
      const { status, html, res } = await page(created.links.detailsLink);
      assert.equal(status, 200);
      assertSafePage(html, res);
      assert.ok(html.includes('Tilgang til lønnsmodul'), 'html.includes("Tilgang til lønnsmodul")');
      assert.ok(html.includes('SPAREBANKEN TESTFJORD'), 'html.includes("SPAREBANKEN TESTFJORD")');
      assert.ok(html.includes('Test Testesen'), 'html.includes("Test Testesen")');
      assert.deepEqual(actions(html, 'confirm'), ['Ja, be om tilgang']);
      assert.deepEqual(actions(html, 'decline'), ['Nei, avvis']);

      const posted = await postForm(created.links.detailsLink, { action: 'confirm' });
      assert.equal(posted.status, 303);
      const receiptUrl = new URL(posted.headers.get('location') ?? '', altinn.url).href;
      assert.equal(new URL(receiptUrl).pathname, DRAFT_PAGE);
      const receipt = await page(receiptUrl);
      assert.match(receipt.html, /data-outcome="sent"/);
      assert.ok(
        receipt.html.includes('Forespørselen er sendt'),
        'receipt.html.includes("Forespørselen er sendt")',
      );
      assert.ok(
        receipt.html.includes('SPAREBANKEN TESTFJORD vil behandle forespørselen'),
        'receipt.html.includes("SPAREBANKEN TESTFJORD vil behandle forespørs...',
      );
      assert.ok(
        receipt.html.includes('Du kan nå lukke dette vinduet.'),
        'receipt.html.includes("Du kan nå lukke dette vinduet.")',
      );
      assert.equal(actions(receipt.html, 'confirm').length, 0);
      assert.ok(
        !/<form|<a\b[^>]*data-action|http-equiv="refresh"/.test(receipt.html),
        'no way anywhere',
      );
      assert.equal(await altinn3Status(altinn, token, created.id), 'Pending');

      const late = await postForm(created.links.detailsLink, { action: 'decline' });
      assert.equal(late.status, 409);
      assert.match(await late.text(), /data-notice="notDraft"/);
      assert.equal(await altinn3Status(altinn, token, created.id), 'Pending');
    });

    it('declines: Withdrawn, and a receipt in English', async () => {
      const created = await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
      const url = `${created.links.detailsLink}&lang=en`;
      const { html } = await page(url);
      assert.deepEqual(actions(html, 'confirm'), ['Yes, request access']);
      assert.deepEqual(actions(html, 'decline'), ['No, reject']);
      const posted = await postForm(url, { action: 'decline' });
      const receipt = await page(new URL(posted.headers.get('location') ?? '', altinn.url).href);
      assert.match(receipt.html, /<html lang="en">/);
      assert.match(receipt.html, /data-outcome="declined"/);
      assert.ok(
        receipt.html.includes('You can now close this window.'),
        'receipt.html.includes("You can now close this window.")',
      );
      assert.equal(await altinn3Status(altinn, token, created.id), 'Withdrawn');
    });

    it('takes several requestIds at once, and a package', async () => {
      const first = await createAltinn3(altinn, token, {
        to: `urn:altinn:organization:identifier-no:${FJELLTOPP}`,
      });
      const packageRes = await fetch(
        `${altinn.serviceOwnerApiBaseUrl}/delegationrequests/package`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({
            from: PERSON_URN,
            to: `urn:altinn:organization:identifier-no:${FJELLTOPP}`,
            package: 'regnskapsforer-lonn',
          }),
        },
      );
      const second = (await packageRes.json()) as { id: string };
      const url = `${altinn.url}${DRAFT_PAGE}?requestId=${first.id}&requestId=${second.id}&lang=nn`;
      const { html } = await page(url);
      assert.ok(html.includes('Tilgang til lønsmodul'), 'html.includes("Tilgang til lønsmodul")');
      assert.ok(html.includes('Rekneskapsførar løn'), 'html.includes("Rekneskapsførar løn")');
      assert.equal((await postForm(url, { action: 'confirm' })).status, 303);
      assert.equal(await altinn3Status(altinn, token, first.id), 'Pending');
      assert.equal(await altinn3Status(altinn, token, second.id), 'Pending');
      const receipt = await page(url);
      assert.ok(
        receipt.html.includes('Du kan no lukke dette vindauget.'),
        'receipt.html.includes("Du kan no lukke dette vindauget.")',
      );
    });

    it('answers a missing id with 400, unknown ids with 404, a missing action with 400', async () => {
      assert.equal((await page(`${altinn.url}${DRAFT_PAGE}`)).status, 400);
      assert.equal(
        (await page(`${altinn.url}${DRAFT_PAGE}?requestId=5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11`))
          .status,
        404,
      );
      const created = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        to: `urn:altinn:organization:identifier-no:${FJELLTOPP}`,
      });
      const res = await postForm(created.links.detailsLink, {});
      assert.equal(res.status, 400);
      assert.match(await res.text(), /data-notice="noAction"/);
      assert.equal(await altinn3Status(altinn, token, created.id), 'Draft');
    });
  });

  describe("the access manager's page", () => {
    const received = (org: string, extra = ''): string =>
      `${altinn.url}${RECEIVED_PAGE}?org=${org}${extra}`;

    function items(html: string): { id: string; api: string; status: string }[] {
      return [
        ...html.matchAll(/data-request-id="([^"]+)" data-api="([^"]+)" data-status="([^"]+)"/g),
      ].map((match) => ({ id: match[1] ?? '', api: match[2] ?? '', status: match[3] ?? '' }));
    }

    it('lists the pending requests of both APIs for the organisation, and approves and rejects them', async () => {
      altinn.reset();
      const a2 = await createAltinn2(altinn, token);
      const a2Unsent = await createAltinn2(altinn, token);
      const a2Elsewhere = await createAltinn2(altinn, token, { OfferedBy: FJELLTOPP });
      const a3 = await createAltinn3(altinn, token);
      const a3Draft = await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
      for (const id of [a2.Guid, a2Elsewhere.Guid]) await actOnPage(altinn, id, 'send');
      await actOnPage(altinn, a3.id, 'confirm');

      const list = await page(received(TESTFJORD));
      assert.equal(list.status, 200);
      assertSafePage(list.html, list.res);
      assert.deepEqual(items(list.html), [
        { id: a2.Guid, api: 'altinn2', status: 'Unopened' },
        { id: a3.id, api: 'altinn3', status: 'Pending' },
      ]);
      assert.ok(
        !list.html.includes(a2Unsent.Guid) && !list.html.includes(a3Draft.id),
        '!list.html.includes(a2Unsent.Guid) && !list.html.includes(a3Draft.id)',
      );
      assert.deepEqual(actions(list.html, 'approve'), ['Godkjenn', 'Godkjenn']);
      assert.deepEqual(actions(list.html, 'reject'), ['Avslå', 'Avslå']);
      assert.ok(list.html.includes('Trenger tilgang til lønnsmodulen.'), 'the Altinn 2 message');

      const approve = await postForm(received(TESTFJORD, '&lang=nb'), {
        requestId: a2.Guid,
        action: 'approve',
      });
      assert.equal(approve.status, 303);
      const afterApprove = await page(
        new URL(approve.headers.get('location') ?? '', altinn.url).href,
      );
      assert.match(afterApprove.html, /data-notice="approved"/);
      assert.deepEqual(
        items(afterApprove.html).map((item) => item.id),
        [a3.id],
      );
      assert.equal((await getAltinn2(altinn, token, a2.Guid)).RequestStatus, 'Approved');

      const reject = await postForm(received(TESTFJORD), { requestId: a3.id, action: 'reject' });
      assert.equal(reject.status, 303);
      assert.match(reject.headers.get('location') ?? '', /notice=rejected/);
      assert.equal(await altinn3Status(altinn, token, a3.id), 'Rejected');
      assert.match((await page(received(TESTFJORD))).html, /data-empty/);

      const late = await postForm(received(TESTFJORD), { requestId: a3.id, action: 'approve' });
      assert.equal(late.status, 409);
      assert.match(await late.text(), /data-notice="notPending"/);
      assert.equal(await altinn3Status(altinn, token, a3.id), 'Rejected');

      const elsewhere = await postForm(received(TESTFJORD), {
        requestId: a2Elsewhere.Guid,
        action: 'approve',
      });
      assert.equal(elsewhere.status, 404, "another organisation's request");
      assert.equal((await getAltinn2(altinn, token, a2Elsewhere.Guid)).RequestStatus, 'Unopened');
      const other = await page(received(FJELLTOPP, '&lang=en'));
      assert.deepEqual(
        items(other.html).map((item) => item.id),
        [a2Elsewhere.Guid],
      );
      assert.deepEqual(actions(other.html, 'approve'), ['Approve']);
    });

    it('moves an Altinn 2 request from Unopened to Opened when its page is opened', async () => {
      const a2 = await createAltinn2(altinn, token);
      await actOnPage(altinn, a2.Guid, 'send');
      const before = await getAltinn2(altinn, token, a2.Guid);
      const detail = await page(received(TESTFJORD, `&requestId=${a2.Guid}`));
      assert.equal(detail.status, 200);
      assert.equal(items(detail.html)[0]?.status, 'Opened');
      assert.equal((await getAltinn2(altinn, token, a2.Guid)).RequestStatus, 'Opened');
      assert.ok(before.RequestStatus === 'Unopened', 'before.RequestStatus === "Unopened"');
      assert.equal(
        (await postForm(received(TESTFJORD), { requestId: a2.Guid, action: 'reject' })).status,
        303,
      );
      assert.equal((await getAltinn2(altinn, token, a2.Guid)).RequestStatus, 'Rejected');
      assert.equal(
        (await page(received(TESTFJORD, '&requestId=5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11'))).status,
        404,
      );
    });

    it('lets one choose an organisation without org', async () => {
      const { status, html } = await page(`${altinn.url}${RECEIVED_PAGE}`);
      assert.equal(status, 200);
      assert.ok(html.includes(`org=${TESTFJORD}`), 'html.includes("org=${TESTFJORD}")');
      assert.equal((await page(received('123456789'))).status, 404);
    });
  });

  describe('the rules of the pages, driven as a browser does', () => {
    it('answer only what waits for that answer, in either API', async () => {
      const a2 = await createAltinn2(altinn, token, { OfferedBy: BANK, CoveredBy: TESTFJORD });
      assert.equal(await actOnPage(altinn, a2.Guid, 'approve'), false, 'not sent yet');
      assert.equal(altinn.delegationRequests.get(a2.Guid)?.requestStatus, 'Created');
      assert.equal(await actOnPage(altinn, a2.Guid, 'send'), true);
      assert.equal(await actOnPage(altinn, a2.Guid, 'open'), true);
      assert.equal(await actOnPage(altinn, a2.Guid, 'approve'), true);
      assert.equal(altinn.delegationRequests.get(a2.Guid)?.requestStatus, 'Approved');
      assert.equal(await actOnPage(altinn, a2.Guid, 'reject'), false, 'already answered');

      const a3 = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        from: 'urn:altinn:person:identifier-no:12859040150',
      });
      assert.equal(await actOnPage(altinn, a3.id, 'reject'), false, 'still a Draft');
      assert.equal(await actOnPage(altinn, a3.id, 'confirm'), true);
      assert.equal(await actOnPage(altinn, a3.id, 'reject'), true);
      assert.equal(altinn.accessRequests.get(a3.id)?.status, 'Rejected');
      assert.equal(await actOnPage(altinn, a3.id, 'confirm'), false, 'no longer a Draft');
    });
  });
});
