import { expect } from '@open-wc/testing';
import {
  CONSENT_ID_PARAM,
  readReturnParams,
  withoutReturnParams,
  withReturnParam,
} from '../../src/core/index.js';

const ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';

/** What Altinn does on the way back (altinn-api.md 2.6): append to the end when `#/`, else to the query. */
function altinnAppends(redirectUrl: string, params: string): string {
  if (redirectUrl.includes('#/')) {
    return (
      redirectUrl +
      (redirectUrl.slice(redirectUrl.indexOf('#/')).includes('?') ? '&' : '?') +
      params
    );
  }
  const url = new URL(redirectUrl);
  url.search = url.search ? `${url.search}&${params}` : `?${params}`;
  return url.href;
}

describe('withReturnParam', () => {
  it('adds the parameter to the query', () => {
    expect(withReturnParam('https://portal.example/loan/step-3', CONSENT_ID_PARAM, ID)).to.equal(
      `https://portal.example/loan/step-3?consentId=${ID}`,
    );
  });

  it("keeps the portal's own query parameters", () => {
    const url = withReturnParam('https://portal.example/loan?step=3&tab=income', 'consentId', ID);
    const params = new URL(url).searchParams;
    expect([...params]).to.deep.equal([
      ['step', '3'],
      ['tab', 'income'],
      ['consentId', ID],
    ]);
  });

  it('replaces an earlier value instead of adding a second one', () => {
    const url = withReturnParam(
      'https://portal.example/loan?consentId=old&step=3',
      'consentId',
      ID,
    );
    expect(new URL(url).searchParams.getAll('consentId')).to.deep.equal([ID]);
    expect(new URL(url).searchParams.get('step')).to.equal('3');
  });

  it('accepts a URL object', () => {
    expect(withReturnParam(new URL('https://portal.example/loan'), 'consentId', ID)).to.equal(
      `https://portal.example/loan?consentId=${ID}`,
    );
  });

  it('puts the parameter before a plain #fragment', () => {
    expect(withReturnParam('https://portal.example/loan#summary', 'consentId', ID)).to.equal(
      `https://portal.example/loan?consentId=${ID}#summary`,
    );
  });

  it('puts the parameter inside a #/ hash route, where Altinn appends its own', () => {
    expect(withReturnParam('https://portal.example/#/loan/step-3', 'consentId', ID)).to.equal(
      `https://portal.example/#/loan/step-3?consentId=${ID}`,
    );
    expect(
      withReturnParam('https://portal.example/app?x=1#/loan?step=3', 'consentId', ID),
    ).to.equal(`https://portal.example/app?x=1#/loan?step=3&consentId=${ID}`);
  });

  it('replaces an earlier value inside a hash route', () => {
    const url = withReturnParam(
      'https://portal.example/#/loan?consentId=old&step=3',
      'consentId',
      ID,
    );
    expect(url).to.equal(`https://portal.example/#/loan?consentId=${ID}&step=3`);
  });

  it('encodes the value so that it reads back unchanged', () => {
    const value = 'a b&c=d#e/f?g';
    const url = withReturnParam('https://portal.example/loan#top', 'consentId', value);
    expect(new URL(url).hash).to.equal('#top');
    expect(readReturnParams(url).consentId).to.equal(value);
    const hashUrl = withReturnParam('https://portal.example/#/loan', 'consentId', value);
    expect(readReturnParams(hashUrl).consentId).to.equal(value);
  });
});

describe('readReturnParams', () => {
  it('reads the id and Altinn\'s "OK" from the query', () => {
    const url = altinnAppends(
      withReturnParam('https://portal.example/loan', 'consentId', ID),
      'Status=OK',
    );
    expect(readReturnParams(url)).to.deep.equal({ consentId: ID, status: 'OK' });
  });

  it('reads a refusal with its form-encoded message', () => {
    const url = altinnAppends(
      withReturnParam('https://portal.example/loan#summary', 'consentId', ID),
      'Status=Failed&ErrorMessage=User+did+not+give+consent',
    );
    expect(url).to.equal(
      `https://portal.example/loan?consentId=${ID}&Status=Failed&ErrorMessage=User+did+not+give+consent#summary`,
    );
    expect(readReturnParams(url)).to.deep.equal({
      consentId: ID,
      status: 'Failed',
      errorMessage: 'User did not give consent',
    });
  });

  it('reads them from a hash route', () => {
    const url = altinnAppends(
      withReturnParam('https://portal.example/#/loan', 'consentId', ID),
      'Status=OK',
    );
    expect(url).to.equal(`https://portal.example/#/loan?consentId=${ID}&Status=OK`);
    expect(readReturnParams(url)).to.deep.equal({ consentId: ID, status: 'OK' });
  });

  it("reads Altinn 2's DelegationRequestId and an accessRequestId", () => {
    expect(
      readReturnParams(`https://portal.example/access?DelegationRequestId=${ID}&Status=OK`),
    ).to.deep.equal({ delegationRequestId: ID, status: 'OK' });
    expect(readReturnParams(`https://portal.example/access?accessRequestId=${ID}`)).to.deep.equal({
      accessRequestId: ID,
    });
  });

  it('reads nothing more when Altinn appended only a bare "&" (no outcome yet)', () => {
    expect(readReturnParams(`https://portal.example/loan?consentId=${ID}&`)).to.deep.equal({
      consentId: ID,
    });
  });

  it('ignores Status and ErrorMessage without an id parameter next to them', () => {
    expect(readReturnParams('https://portal.example/orders?Status=OK')).to.deep.equal({});
    expect(
      readReturnParams('https://portal.example/orders?Status=Failed&ErrorMessage=Nope'),
    ).to.deep.equal({});
    expect(readReturnParams('https://portal.example/#/orders?Status=OK')).to.deep.equal({});
  });

  it('ignores empty ids and URLs without parameters', () => {
    expect(readReturnParams('https://portal.example/loan?consentId=&Status=OK')).to.deep.equal({});
    expect(readReturnParams('https://portal.example/loan')).to.deep.equal({});
    expect(readReturnParams('https://portal.example/loan#consentId=abc')).to.deep.equal({});
  });
});

describe('withoutReturnParams', () => {
  it('removes the id and Altinn\'s parameters from the query, leaving no bare "?"', () => {
    expect(withoutReturnParams(`https://portal.example/loan?consentId=${ID}&Status=OK`)).to.equal(
      'https://portal.example/loan',
    );
    expect(
      withoutReturnParams(
        `https://portal.example/loan?consentId=${ID}&Status=Failed&ErrorMessage=User+did+not+give+consent`,
      ),
    ).to.equal('https://portal.example/loan');
    expect(withoutReturnParams(`https://portal.example/loan?consentId=${ID}&`)).to.equal(
      'https://portal.example/loan',
    );
  });

  it("keeps the portal's other parameters and a plain fragment", () => {
    const cleaned = withoutReturnParams(
      `https://portal.example/loan?step=3&consentId=${ID}&Status=OK&tab=income#summary`,
    );
    const url = new URL(cleaned);
    expect([...url.searchParams]).to.deep.equal([
      ['step', '3'],
      ['tab', 'income'],
    ]);
    expect(url.hash).to.equal('#summary');
    expect(url.pathname).to.equal('/loan');
  });

  it('removes them from a hash route, leaving the route and no bare "?" or "#"', () => {
    expect(withoutReturnParams(`https://portal.example/#/loan?consentId=${ID}&Status=OK`)).to.equal(
      'https://portal.example/#/loan',
    );
    expect(
      withoutReturnParams(`https://portal.example/#/loan?step=3&consentId=${ID}&Status=OK`),
    ).to.equal('https://portal.example/#/loan?step=3');
    expect(withoutReturnParams(`https://portal.example/#?consentId=${ID}`)).to.equal(
      'https://portal.example/',
    );
  });

  it('removes them from both the query and the hash route', () => {
    expect(
      withoutReturnParams(
        `https://portal.example/app?consentId=${ID}#/loan?consentId=${ID}&Status=OK`,
      ),
    ).to.equal('https://portal.example/app#/loan');
  });

  it('removes Altinn 2 and access parameters', () => {
    expect(
      withoutReturnParams(`https://portal.example/access?DelegationRequestId=${ID}&Status=OK&x=1`),
    ).to.equal('https://portal.example/access?x=1');
    expect(withoutReturnParams(`https://portal.example/access?accessRequestId=${ID}`)).to.equal(
      'https://portal.example/access',
    );
  });

  it("keeps a portal's own Status when no id parameter is present", () => {
    expect(withoutReturnParams('https://portal.example/orders?Status=draft&page=2')).to.equal(
      'https://portal.example/orders?Status=draft&page=2',
    );
    expect(withoutReturnParams('https://portal.example/#/orders?Status=draft')).to.equal(
      'https://portal.example/#/orders?Status=draft',
    );
  });

  it('leaves a URL without our parameters as it was', () => {
    for (const href of [
      'https://portal.example/loan',
      'https://portal.example/loan?step=3#summary',
      'https://portal.example/#/loan?step=3',
    ]) {
      expect(withoutReturnParams(href)).to.equal(href);
    }
  });

  it('undoes withReturnParam', () => {
    for (const href of [
      'https://portal.example/loan',
      'https://portal.example/loan?step=3',
      'https://portal.example/loan#summary',
      'https://portal.example/#/loan',
      'https://portal.example/#/loan?step=3',
    ]) {
      expect(withoutReturnParams(withReturnParam(href, 'consentId', ID))).to.equal(href);
    }
  });
});

describe('return parameters leave the portal’s own parameters as written', () => {
  it('adds consentId without re-encoding other pairs', () => {
    expect(
      withReturnParam('https://portal.example/s?flag&ids=1,2&q=a%20b', 'consentId', 'abc'),
    ).to.equal('https://portal.example/s?flag&ids=1,2&q=a%20b&consentId=abc');
  });

  it('removes ours without re-encoding other pairs', () => {
    expect(
      withoutReturnParams('https://portal.example/s?flag&ids=1,2&consentId=abc&Status=OK&q=a%20b'),
    ).to.equal('https://portal.example/s?flag&ids=1,2&q=a%20b');
  });
});
