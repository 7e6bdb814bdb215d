import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MockAltinn } from '../../src/mock/index.js';
import { answer, createConsent, startWithBank } from './helpers.js';

const OVERVIEW = '/accessmanagement/ui/consent/active';
const OTHER_PERSON = '12859040150';

/** The rows of the overview: each request's id and status, in order. */
function rows(html: string): { id: string; status: string }[] {
  return [
    ...html.matchAll(/<li class="right" data-request-id="([^"]+)" data-status="(\w+)">/g),
  ].map(([, id = '', status = '']) => ({ id, status }));
}

describe('mock consent overview page (am.ui’s active consents)', () => {
  let altinn: MockAltinn;
  let token: string;

  before(async () => {
    ({ altinn, token } = await startWithBank());
  });
  after(() => altinn.close());

  async function overview(query: string): Promise<{ status: number; html: string }> {
    const res = await fetch(`${altinn.url}${OVERVIEW}?${query}`);
    return { status: res.status, html: await res.text() };
  }

  it('lists the signed-in person’s consents with their status, each linked to its page', async () => {
    const waiting = await createConsent(altinn, token);
    const given = await createConsent(altinn, token);
    await answer(altinn, given, 'accept');
    const someoneElses = await createConsent(altinn, token, {
      from: `urn:altinn:person:identifier-no:${OTHER_PERSON}`,
    });

    const { status, html } = await overview('lang=en');
    assert.equal(status, 200);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<h1 id="heading">Your consents<\/h1>/);
    const mine = rows(html).filter(({ id }) => id === waiting || id === given);
    assert.deepEqual(mine, [
      { id: waiting, status: 'Created' },
      { id: given, status: 'Accepted' },
    ]);
    assert.ok(!html.includes(someoneElses), 'not another person’s consent');
    assert.ok(html.includes('Awaiting your answer') && html.includes('Given'), 'status words');
    assert.ok(html.includes('DEMOBANKEN ASA'), 'names who asked');
    assert.ok(
      html.includes(`href="/accessmanagement/ui/consent/request?id=${given}&amp;lang=en"`),
      'links the consent page in the same language',
    );
    assert.match(html, new RegExp(`href="${OVERVIEW}\\?lang=nn" hreflang="nn"`), 'language switch');
  });

  it('speaks nynorsk and bokmål too, and shows whom `user` names', async () => {
    const theirs = await createConsent(altinn, token, {
      from: `urn:altinn:person:identifier-no:${OTHER_PERSON}`,
    });
    const firstPersons = await createConsent(altinn, token);
    const nn = await overview(`user=${OTHER_PERSON}&lang=nn`);
    assert.match(nn.html, /<h1 id="heading">Samtykka dine<\/h1>/);
    const ids = rows(nn.html).map(({ id }) => id);
    assert.ok(ids.includes(theirs) && !ids.includes(firstPersons), 'only their consents');
    assert.ok(nn.html.includes('Ventar på svar'), 'status in nynorsk');
    assert.match(nn.html, new RegExp(`href="${OVERVIEW}\\?user=${OTHER_PERSON}&amp;lang=en"`));

    const nb = await overview(`user=${OTHER_PERSON}`);
    assert.match(nb.html, /<html lang="nb">/);
    assert.match(nb.html, /<h1 id="heading">Dine samtykker<\/h1>/);
  });

  it('says so when the person has no consents', async () => {
    const { status, html } = await overview('user=12345678901&lang=en');
    assert.equal(status, 200);
    assert.deepEqual(rows(html), []);
    assert.ok(html.includes('You have no consents.'));
  });
});
