import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MockAltinn } from '../../src/mock/index.js';
import {
  ACCOUNTING_FIRM,
  PERSON,
  PERSON_URN,
  answer,
  browse,
  createConsent,
  getConsent,
  inDays,
  right,
  startWithBank,
} from './helpers.js';

const PAGE = '/accessmanagement/ui/consent/request';
const OK = 'Status=OK';
const FAILED = 'Status=Failed&ErrorMessage=User+did+not+give+consent';

/** The text of a button, found by its `data-action`, and whether it is disabled. */
function button(
  html: string,
  action: 'accept' | 'reject',
): { text: string; disabled: boolean } | undefined {
  const match = new RegExp(`<button[^>]*data-action="${action}"([^>]*)>([^<]*)</button>`).exec(
    html,
  );
  return match ? { text: match[2] ?? '', disabled: /\bdisabled\b/.test(match[0]) } : undefined;
}

describe('mock consent page and return redirect', () => {
  let altinn: MockAltinn;
  let token: string;
  let clock = Date.now();

  before(async () => {
    ({ altinn, token } = await startWithBank({ now: () => new Date(clock) }));
  });
  after(() => altinn.close());

  async function page(
    id: string,
    lang?: string,
  ): Promise<{ status: number; html: string; res: Response }> {
    const res = await fetch(`${altinn.url}${PAGE}?id=${id}${lang ? `&lang=${lang}` : ''}`);
    return { status: res.status, html: await res.text(), res };
  }

  async function status(id: string): Promise<string> {
    return ((await (await getConsent(altinn, token, id)).json()) as { status: string }).status;
  }

  describe('the page', () => {
    const languages = [
      [
        'nb',
        'Ja, jeg gir samtykke',
        'Nei, jeg gir ikke samtykke',
        'Inntektsår',
        'Melding på bokmål',
      ],
      [
        'nn',
        'Ja, eg gir samtykke',
        'Nei, eg gir ikkje samtykke',
        'Inntektsår',
        'Melding på nynorsk',
      ],
      [
        'en',
        'Yes, I give consent',
        'No, I do not give consent',
        'Income year',
        'Message in English',
      ],
    ] as const;

    for (const [lang, accept, reject, label, message] of languages) {
      it(`speaks ${lang}: buttons, metadata, the message in that language, the expiry`, async () => {
        const id = await createConsent(altinn, token, {
          validTo: '2030-07-18T06:18:12+00:00',
          requestMessage: {
            nb: 'Melding på bokmål',
            nn: 'Melding på nynorsk',
            en: 'Message in English',
          },
        });
        const { status: code, html, res } = await page(id, lang);
        assert.equal(code, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        assert.match(html, new RegExp(`<html lang="${lang}">`));
        assert.deepEqual(button(html, 'accept'), { text: accept, disabled: false });
        assert.deepEqual(button(html, 'reject'), { text: reject, disabled: false });
        assert.match(html, /<form method="post"/);
        assert.match(html, new RegExp(`<dt>${label}</dt><dd>2024</dd>`));
        assert.ok(html.includes(message), 'html.includes(message)');
        for (const other of languages.filter(([code]) => code !== lang))
          assert.ok(!html.includes(other[4]), '!html.includes(other[4])');
        assert.ok(html.includes('DEMOBANKEN ASA'), 'names the requesting organisation');
        assert.ok(html.includes('18.07.2030 08:18'), 'expiry in Norwegian time');
        assert.match(
          html,
          new RegExp(`href="${PAGE}\\?id=${id}&amp;lang=nn" hreflang="nn"`),
          'language switch',
        );
      });
    }

    it('defaults to nb, escapes every value and runs no script', async () => {
      const id = await createConsent(altinn, token, {
        requestMessage: { nb: '<script>alert("x")</script> & "quotes"' },
        consentRights: [right(undefined, { inntektsaar: '<img src=x onerror=alert(1)>' })],
      });
      const { html, res } = await page(id);
      assert.match(html, /<html lang="nb">/);
      assert.ok(!html.includes('<script'), '!html.includes("<script")');
      assert.ok(!html.includes('<img'), '!html.includes("<img")');
      assert.ok(
        html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;'),
      );
      assert.match(
        res.headers.get('content-security-policy') ?? '',
        /default-src 'none'.*frame-ancestors 'none'/,
      );
      assert.equal(res.headers.get('x-frame-options'), 'deny');
    });

    it("follows Altinn's language cookie when the address names no lang; lang wins", async () => {
      const id = await createConsent(altinn, token);
      const withCookie = (query: string, value: string): Promise<string> =>
        fetch(`${altinn.url}${PAGE}?id=${id}${query}`, {
          headers: { Cookie: `altinnPersistentContext=${value}` },
        }).then((res) => res.text());
      assert.match(await withCookie('', 'UL%3D1033'), /<html lang="en">/);
      assert.match(await withCookie('', 'UL=2068'), /<html lang="nn">/);
      assert.match(await withCookie('&lang=nb', 'UL%3D1033'), /<html lang="nb">/);
      assert.match(await withCookie('', 'UL%3D9999'), /<html lang="nb">/);
      // a cookie that does not percent-decode is still read, and is no server error
      assert.match(await withCookie('', 'UL%3D1033%E0%A4%A'), /<html lang="en">/);
      assert.match(await withCookie('', '%E0%A4%A'), /<html lang="nb">/);
    });

    it('words a power-of-attorney template as such', async () => {
      const id = await createConsent(altinn, token, {
        consentRights: [right('samtykke-fullmakt', null)],
      });
      const { html } = await page(id, 'en');
      assert.equal(button(html, 'accept')?.text, 'Yes, I give power of attorney');
      assert.equal(button(html, 'reject')?.text, 'No, I do not give power of attorney');
    });

    it('answers an unknown id with 404 and a missing one with 400', async () => {
      assert.equal((await page('5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11')).status, 404);
      assert.equal((await fetch(`${altinn.url}${PAGE}`)).status, 400);
    });

    it('shows an expired request with a banner and disabled buttons, and refuses to answer it', async () => {
      const id = await createConsent(altinn, token, { validTo: inDays(1, clock) });
      const saved = clock;
      clock += 2 * 86_400_000;
      try {
        const { html } = await page(id);
        assert.match(html, /data-notice="expired"/);
        assert.equal(button(html, 'accept')?.disabled, true);
        assert.equal(button(html, 'reject')?.disabled, true);
        const refused = await answer(altinn, id, 'accept');
        assert.equal(refused.lastStatus, 400);
        assert.deepEqual(refused.locations, []);
      } finally {
        clock = saved;
      }
      assert.equal(await status(id), 'Created');
    });
  });

  describe('accepting and rejecting', () => {
    const redirects = [
      [
        'a plain URL',
        'https://portal.example/loan',
        `https://portal.example/loan?${OK}`,
        `https://portal.example/loan?${FAILED}`,
      ],
      [
        'a URL with a query',
        'https://portal.example/loan?consentId=42',
        `https://portal.example/loan?consentId=42&${OK}`,
        `https://portal.example/loan?consentId=42&${FAILED}`,
      ],
      [
        'a URL with a #fragment',
        'https://portal.example/loan?step=2#summary',
        `https://portal.example/loan?step=2&${OK}#summary`,
        `https://portal.example/loan?step=2&${FAILED}#summary`,
      ],
      [
        'a #/hash-route URL',
        'https://portal.example/app#/loan/consent',
        `https://portal.example/app#/loan/consent?${OK}`,
        `https://portal.example/app#/loan/consent?${FAILED}`,
      ],
    ] as const;

    for (const [name, redirectUrl, acceptedUrl, rejectedUrl] of redirects) {
      it(`accept ends at ${name} with Status=OK, through Altinn's logout`, async () => {
        const id = await createConsent(altinn, token, { redirectUrl });
        const chain = await answer(altinn, id, 'accept');
        assert.deepEqual(chain.locations, [
          `${altinn.url}/accessmanagement/api/v1/consent/request/${id}/logout`,
          `${altinn.url}/authentication/api/v1/logout`,
          `${altinn.url}/accessmanagement/api/v1/logoutredirect`,
          acceptedUrl,
        ]);
        assert.equal(await status(id), 'Accepted');
      });

      it(`reject ends at ${name} with Status=Failed`, async () => {
        const id = await createConsent(altinn, token, { redirectUrl });
        const chain = await answer(altinn, id, 'reject');
        assert.equal(chain.final, rejectedUrl);
        assert.equal(await status(id), 'Rejected');
      });
    }

    it('records who accepted and when', async () => {
      const id = await createConsent(altinn, token);
      await answer(altinn, id, 'accept');
      const details = (await (await getConsent(altinn, token, id)).json()) as {
        consented: string | null;
        consentRequestEvents: { eventType: string; performedBy: string; created: string }[];
      };
      const accepted = details.consentRequestEvents.find((event) => event.eventType === 'Accepted');
      assert.equal(accepted?.performedBy, PERSON_URN);
      assert.equal(details.consented, accepted?.created);
    });

    it('refuses to accept after a reject (AM-00002) and to reject after an accept (AM-00015)', async () => {
      const rejected = await createConsent(altinn, token);
      await answer(altinn, rejected, 'reject');
      const { html: shown } = await page(rejected);
      assert.match(shown, /data-notice="rejected"/);
      assert.equal(button(shown, 'accept')?.disabled, true);
      const late = await answer(altinn, rejected, 'accept');
      assert.equal(late.lastStatus, 400);
      assert.deepEqual(late.locations, []);
      assert.equal(await status(rejected), 'Rejected');

      const accepted = await createConsent(altinn, token);
      await answer(altinn, accepted, 'accept');
      assert.equal((await answer(altinn, accepted, 'reject')).lastStatus, 400);
      assert.equal(await status(accepted), 'Accepted');
      const api = await fetch(`${altinn.url}/__mock/consentrequests/${rejected}/accept`, {
        method: 'POST',
      });
      assert.equal(((await api.json()) as { code: string }).code, 'AM-00002');
    });

    it('treats accepting twice as the same answer', async () => {
      const id = await createConsent(altinn, token, { redirectUrl: 'https://portal.example/cb' });
      await answer(altinn, id, 'accept');
      assert.equal((await answer(altinn, id, 'accept')).final, `https://portal.example/cb?${OK}`);
      assert.equal(altinn.consentRequests.get(id)?.events.length, 2);
    });

    it('appends a bare ? when the user logs out without answering', async () => {
      const id = await createConsent(altinn, token, { redirectUrl: 'https://portal.example/cb' });
      const chain = await browse(
        altinn,
        `${altinn.url}/accessmanagement/api/v1/consent/request/${id}/logout`,
      );
      assert.equal(chain.final, 'https://portal.example/cb?');
    });

    it('sends the browser to the mock root when the logout cookie is missing or forged', async () => {
      const missing = await browse(altinn, `${altinn.url}/accessmanagement/api/v1/logoutredirect`);
      assert.equal(missing.final, `${altinn.url}/`);
      assert.equal(missing.lastStatus, 200);
      const forged = await fetch(`${altinn.url}/accessmanagement/api/v1/logoutredirect`, {
        redirect: 'manual',
        headers: { Cookie: 'AltinnLogoutInfo=amSafeRedirectUrl=aHR0cHM6Ly9ldmlsLmV4YW1wbGU' },
      });
      assert.equal(forged.headers.get('location'), `${altinn.url}/`);
    });
  });

  describe('test controls', () => {
    it('revokes only an accepted consent; writes no Used event, as Altinn writes none', async () => {
      const id = await createConsent(altinn, token);
      const control = (action: string): Promise<Response> =>
        fetch(`${altinn.url}/__mock/consentrequests/${id}/${action}`, { method: 'POST' });
      assert.equal(((await (await control('revoke')).json()) as { code: string }).code, 'AM-00010');
      await answer(altinn, id, 'accept');
      assert.equal((await control('use')).status, 404);
      assert.equal(await status(id), 'Accepted');
      assert.equal((await control('revoke')).status, 200);
      assert.equal(await status(id), 'Revoked');
      const events = altinn.consentRequests.get(id)?.events.map((event) => event.eventType);
      assert.deepEqual(events, ['Created', 'Accepted', 'Revoked']);
    });

    it('reports stats and resets over HTTP', async () => {
      await createConsent(altinn, token);
      const stats = (await (await fetch(`${altinn.url}/__mock/stats`)).json()) as Record<
        string,
        number
      >;
      assert.ok((stats.consentRequests ?? 0) > 0, '(stats.consentRequests ?? 0) > 0');
      assert.equal((await fetch(`${altinn.url}/__mock/reset`, { method: 'POST' })).status, 204);
      assert.equal(altinn.consentRequests.size, 0);
      assert.deepEqual(await (await fetch(`${altinn.url}/__mock/stats`)).json(), {
        tokenRequests: 0,
        consentRequests: 0,
        altinn2DelegationRequests: 0,
        altinn3DelegationRequests: 0,
        systemUserRequests: 0,
      });
      // the client survives a reset: its token still works
      assert.equal(
        (await getConsent(altinn, token, '5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11')).status,
        404,
      );
    });

    it('registers a client over HTTP', async () => {
      const { exportJWK, generateKeyPair } = await import('jose');
      const { publicKey } = await generateKeyPair('ES256');
      const client = {
        clientId: 'http-client',
        publicJwk: { ...(await exportJWK(publicKey)), kid: 'k1' },
        orgNumber: '991825827',
        scopes: [],
      };
      const ok = await fetch(`${altinn.url}/__mock/clients`, {
        method: 'POST',
        body: JSON.stringify(client),
      });
      assert.equal(ok.status, 204);
      const bad = await fetch(`${altinn.url}/__mock/clients`, {
        method: 'POST',
        body: JSON.stringify({ ...client, orgNumber: '1' }),
      });
      assert.equal(bad.status, 400);
    });
  });
});

describe('mock consent page: a required delegator (altinn-api.md 2.6)', () => {
  const OTHER_MANAGER = '03878540084';
  const NOT_A_MANAGER = '12859040150';
  let altinn: MockAltinn;
  let token: string;

  before(async () => {
    // Two access managers of the accounting firm: without requiredDelegator, either may accept.
    const accessManagers = [PERSON, OTHER_MANAGER];
    ({ altinn, token } = await startWithBank({
      systemUserApprovers: { [ACCOUNTING_FIRM]: { accessManagers, others: [] } },
    }));
  });
  after(() => altinn.close());

  /** The firm's consent; `requiredDelegator` the person named, if any. */
  const firmConsent = (requiredDelegator?: string): Promise<string> =>
    createConsent(altinn, token, {
      from: `urn:altinn:organization:identifier-no:${ACCOUNTING_FIRM}`,
      ...(requiredDelegator
        ? { requiredDelegator: `urn:altinn:person:identifier-no:${requiredDelegator}` }
        : {}),
    });

  const acceptAs = (id: string, user: string): Promise<Response> =>
    fetch(`${altinn.url}${PAGE}?id=${id}&user=${user}&lang=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=accept',
      redirect: 'manual',
    });

  it('lets only that person accept; another access manager gets the 403 page', async () => {
    const id = await firmConsent(PERSON);
    const other = await acceptAs(id, OTHER_MANAGER);
    assert.equal(other.status, 403);
    assert.match(await other.text(), /data-notice="notAuthorized"/);
    const stranger = await fetch(`${altinn.url}${PAGE}?id=${id}&user=${NOT_A_MANAGER}`);
    assert.equal(stranger.status, 403);
    assert.match(await stranger.text(), /data-notice="noAccess"/);
    assert.equal(altinn.consentRequests.get(id)?.status, 'Created');

    const asked = await acceptAs(id, PERSON);
    assert.equal(asked.status, 303);
    assert.equal(
      asked.headers.get('location'),
      `/accessmanagement/api/v1/consent/request/${id}/logout`,
    );
    assert.equal(altinn.consentRequests.get(id)?.status, 'Accepted');
    const accepted = altinn.consentRequests.get(id)?.events.at(-1);
    assert.equal(accepted?.performedBy, PERSON_URN);
  });

  it('lets any access manager accept when none is required', async () => {
    const id = await firmConsent();
    assert.equal((await acceptAs(id, OTHER_MANAGER)).status, 303);
    assert.equal(altinn.consentRequests.get(id)?.status, 'Accepted');
  });
});
