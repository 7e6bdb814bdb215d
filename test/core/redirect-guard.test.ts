import { expect } from '@open-wc/testing';
import {
  configure,
  DEFAULT_ALTINN_ORIGINS,
  getConfig,
  isTrustedAltinnUrl,
  normaliseAllowedOrigin,
  resetConfig,
  trustedAltinnUrl,
} from '../../src/core/index.js';

const ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
const CONSENT_PATH = `/accessmanagement/ui/consent/request?id=${ID}`;

/** URLs a compromised or buggy backend might answer, each of which must never be opened. */
const HOSTILE: [string, unknown][] = [
  // Other schemes.
  ['javascript:', 'javascript:alert(1)'],
  ['mixed-case javascript:', 'JaVaScRiPt:alert(document.domain)'],
  ['javascript: with leading whitespace', '  javascript:alert(1)'],
  ['javascript: with a leading control character', '\u0001javascript:alert(1)'],
  ['a tab inside the scheme', 'java\tscript:alert(1)'],
  ['a newline inside the scheme', 'java\nscript:alert(1)'],
  ['javascript: that names Altinn', 'javascript://am.ui.altinn.no/%0aalert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['blob: of an Altinn origin', `blob:https://am.ui.altinn.no/${ID}`],
  ['file:', 'file:///etc/passwd'],
  ['ftp:', 'ftp://am.ui.altinn.no/'],
  ['wss:', 'wss://am.ui.altinn.no/'],
  ['plain http: to Altinn', `http://am.ui.altinn.no${CONSENT_PATH}`],
  ['plain http: to www.altinn.no', 'http://www.altinn.no/ui/DelegationRequest/send/x'],
  ['full-width letters in the scheme', 'ｈｔｔｐｓ://am.ui.altinn.no/'],
  // User info.
  ['Altinn as user info', 'https://am.ui.altinn.no@evil.example/'],
  ['Altinn and a port as user info', 'https://am.ui.altinn.no:443@evil.example/'],
  ['user and password before Altinn', 'https://user:pass@am.ui.altinn.no/'],
  ['a user name before Altinn', `https://user@am.ui.altinn.no${CONSENT_PATH}`],
  // Look-alike hosts.
  ['Altinn as a subdomain of another host', 'https://am.ui.altinn.no.evil.example/'],
  ['a host that ends in altinn.no', 'https://evilaltinn.no/'],
  ['a dash instead of a dot', 'https://am-ui.altinn.no.evil/'],
  ['a subdomain of an allowed host', 'https://evil.am.ui.altinn.no/'],
  ['an Altinn host that is not on the list', 'https://platform.altinn.no/'],
  ['IDN with a dotless ı', 'https://am.ui.altınn.no/'],
  ['a punycode host', 'https://am.ui.xn--altnn-s2a.no/'],
  ['a Cyrillic а in the host', 'https://www.\u0430ltinn.no/'],
  ['an ideographic full stop, percent-encoded', 'https://am.ui.altinn.no%E3%80%82evil.example/'],
  ['upper-case look-alike', 'https://AM.UI.ALTINN.NO.EVIL.EXAMPLE/'],
  // Suffixes and ports.
  ['a trailing dot', 'https://am.ui.altinn.no./'],
  ['a trailing dot on www', 'https://www.altinn.no./ui/DelegationRequest/send/x'],
  ['port 8443', 'https://am.ui.altinn.no:8443/'],
  ['port 444', 'https://am.ui.altinn.no:444/'],
  ['port 80 over https', 'https://www.altinn.no:80/'],
  // Backslashes and whitespace.
  ['backslashes instead of slashes', 'https:\\\\evil.example'],
  ['a backslash before user info', 'https://am.ui.altinn.no\\@evil.example/'],
  ['a backslash in the path', 'https://am.ui.altinn.no/\\evil.example'],
  ['a NUL in the host', 'https://am.ui.altinn.no\u0000.evil.example/'],
  ['a CR LF', 'https://am.ui.altinn.no/\r\nLocation: https://evil.example/'],
  ['a space in the host', 'https://am.ui.altinn.no .evil.example/'],
  ['a trailing newline', 'https://am.ui.altinn.no/\n'],
  ['a line separator', 'https://am.ui.altinn.no/\u2028'],
  // Percent-encoding tricks.
  ['an encoded dot in the host', 'https://am.ui.altinn.no%2eevil.example/'],
  ['an encoded slash before user info', 'https://am.ui.altinn.no%2F@evil.example/'],
  ['an encoded letter in the scheme', '%68ttps://am.ui.altinn.no/'],
  ['an encoded NUL in the host', 'https://am.ui.altinn.no%00.evil.example/'],
  // Not absolute.
  ['protocol-relative to another host', '//evil.example/x'],
  ['protocol-relative to Altinn', '//am.ui.altinn.no/x'],
  ['a relative path', '/consent'],
  ['a bare path to Altinn', 'am.ui.altinn.no/accessmanagement'],
  ['a fragment', '#https://am.ui.altinn.no/'],
  // Altinn only mentioned.
  ['Altinn in the query', 'https://evil.example/?next=https://am.ui.altinn.no/'],
  ['Altinn in the fragment', 'https://evil.example/#https://am.ui.altinn.no/'],
  ['Altinn in the path', 'https://evil.example/am.ui.altinn.no/'],
  // Addresses.
  ['an IPv4 address', 'https://185.225.0.1/'],
  ['loopback IPv4', 'https://127.0.0.1/'],
  ['loopback as a decimal number', 'https://2130706433/'],
  ['loopback IPv6', 'https://[::1]/'],
  ['localhost over https', 'https://localhost/'],
  ['the local mock, not on the list', 'http://localhost:4010/consent'],
  // Sizes and types.
  ['an empty string', ''],
  ['a very long URL on an allowed origin', `https://am.ui.altinn.no/${'a'.repeat(5000)}`],
  ['a million characters', `https://am.ui.altinn.no/?q=${'x'.repeat(1_000_000)}`],
  ['null', null],
  ['undefined', undefined],
  ['a number', 443],
  ['an object whose toString is an Altinn URL', { toString: () => 'https://am.ui.altinn.no/' }],
  ['an array holding an Altinn URL', ['https://am.ui.altinn.no/']],
  ['a boxed string', new String('https://am.ui.altinn.no/')],
];

/** Real destinations on each default origin (altinn-api.md, section 1). */
const GENUINE: [string, string][] = [
  ['https://am.ui.altinn.no', `https://am.ui.altinn.no${CONSENT_PATH}`],
  ['https://am.ui.tt02.altinn.no', `https://am.ui.tt02.altinn.no${CONSENT_PATH}`],
  [
    'https://am.ui.altinn.no',
    `https://am.ui.altinn.no/accessmanagement/ui/requests/resource?requestId=${ID}`,
  ],
  ['https://www.altinn.no', `https://www.altinn.no/ui/DelegationRequest/send/${ID}`],
  ['https://altinn.no', `https://altinn.no/ui/DelegationRequest/send/${ID}`],
  ['https://tt02.altinn.no', `https://tt02.altinn.no/ui/DelegationRequest/send/${ID}`],
];

describe('trustedAltinnUrl', () => {
  it(`checks at least 25 hostile forms (${HOSTILE.length})`, () => {
    expect(HOSTILE.length).to.be.at.least(25);
  });

  describe('refuses', () => {
    for (const [name, candidate] of HOSTILE) {
      it(name, () => {
        expect(trustedAltinnUrl(candidate), String(candidate).slice(0, 80)).to.equal(undefined);
        expect(isTrustedAltinnUrl(candidate)).to.equal(false);
      });
    }
  });

  describe('accepts', () => {
    it('covers every default origin', () => {
      expect(new Set(GENUINE.map(([origin]) => origin))).to.deep.equal(
        new Set(DEFAULT_ALTINN_ORIGINS),
      );
    });

    for (const [origin, candidate] of GENUINE) {
      it(`a real path on ${origin}`, () => {
        const url = trustedAltinnUrl(candidate);
        expect(url).to.be.instanceOf(URL);
        expect(url!.origin).to.equal(origin);
        expect(url!.href).to.equal(candidate);
        expect(isTrustedAltinnUrl(candidate)).to.equal(true);
      });
    }

    it('an upper-case host and scheme, returned normalised', () => {
      const url = trustedAltinnUrl(`HTTPS://AM.UI.ALTINN.NO${CONSENT_PATH}`);
      expect(url?.href).to.equal(`https://am.ui.altinn.no${CONSENT_PATH}`);
    });

    it('the explicit default port :443, returned without it', () => {
      const url = trustedAltinnUrl(`https://am.ui.tt02.altinn.no:443${CONSENT_PATH}`);
      expect(url?.href).to.equal(`https://am.ui.tt02.altinn.no${CONSENT_PATH}`);
    });

    it('an origin without a path', () => {
      expect(trustedAltinnUrl('https://www.altinn.no')?.href).to.equal('https://www.altinn.no/');
    });

    it('a URL at the length limit', () => {
      const base = 'https://am.ui.altinn.no/?q=';
      const candidate = base + 'x'.repeat(4096 - base.length);
      expect(trustedAltinnUrl(candidate)?.href).to.equal(candidate);
    });

    it('nothing at all with an empty list', () => {
      expect(trustedAltinnUrl(`https://am.ui.altinn.no${CONSENT_PATH}`, [])).to.equal(undefined);
    });
  });
});

describe('normaliseAllowedOrigin', () => {
  it('accepts the local mock on a loopback host over plain http', () => {
    expect(normaliseAllowedOrigin('http://localhost:4010')).to.equal('http://localhost:4010');
    expect(normaliseAllowedOrigin('http://127.0.0.1:4010')).to.equal('http://127.0.0.1:4010');
    expect(normaliseAllowedOrigin('http://[::1]:4010')).to.equal('http://[::1]:4010');
  });

  it('accepts https origins, with a trailing slash and upper case, and serialises them', () => {
    expect(normaliseAllowedOrigin('https://am.ui.altinn.no')).to.equal('https://am.ui.altinn.no');
    expect(normaliseAllowedOrigin('https://AM.UI.Altinn.no/')).to.equal('https://am.ui.altinn.no');
    expect(normaliseAllowedOrigin('https://altinn.example:8443')).to.equal(
      'https://altinn.example:8443',
    );
  });

  const refused = [
    'http://example.com',
    'http://am.ui.altinn.no',
    'https://x/path',
    'https://x/?query',
    'https://x/#fragment',
    'https://u@x',
    'https://u:p@x',
    'am.ui.altinn.no',
    '/api/altinn',
    '',
    'javascript:alert(1)',
    'data:text/html,x',
    'ftp://x',
  ];
  for (const entry of refused) {
    it(`refuses ${JSON.stringify(entry)} with a TypeError`, () => {
      expect(() => normaliseAllowedOrigin(entry)).to.throw(TypeError);
    });
  }
});

describe('the guard with configured origins', () => {
  afterEach(() => resetConfig());

  it('trusts exactly the configured loopback origin, replacing the defaults', () => {
    configure({ altinnOrigins: ['http://localhost:4010'] });
    const origins = getConfig().altinnOrigins;
    expect(origins).to.deep.equal(['http://localhost:4010']);
    expect(trustedAltinnUrl('http://localhost:4010/a', origins)?.href).to.equal(
      'http://localhost:4010/a',
    );
    for (const other of [
      'http://localhost:4011/a',
      'http://127.0.0.1:4010/a',
      'https://localhost:4010/a',
      'http://localhost/a',
      'http://user@localhost:4010/a',
      `https://am.ui.altinn.no${CONSENT_PATH}`,
    ]) {
      expect(trustedAltinnUrl(other, origins), other).to.equal(undefined);
    }
  });

  it('stores configured origins serialised, so a trailing slash still matches', () => {
    configure({ altinnOrigins: ['https://AM.UI.ALTINN.NO/', 'http://127.0.0.1:4010/'] });
    const origins = getConfig().altinnOrigins;
    expect(origins).to.deep.equal(['https://am.ui.altinn.no', 'http://127.0.0.1:4010']);
    expect(isTrustedAltinnUrl(`https://am.ui.altinn.no${CONSENT_PATH}`, origins)).to.equal(true);
    expect(isTrustedAltinnUrl('http://127.0.0.1:4010/consent', origins)).to.equal(true);
    expect(isTrustedAltinnUrl('https://www.altinn.no/', origins)).to.equal(false);
  });

  it('fails loudly at configure() for an entry that is not an exact origin', () => {
    expect(() => configure({ altinnOrigins: ['http://example.com'] })).to.throw(TypeError);
    expect(() => configure({ altinnOrigins: ['https://am.ui.altinn.no/path'] })).to.throw(
      TypeError,
    );
    expect(getConfig().altinnOrigins).to.deep.equal(DEFAULT_ALTINN_ORIGINS);
  });

  it('goes back to the default list after resetConfig()', () => {
    configure({ altinnOrigins: ['http://localhost:4010'] });
    resetConfig();
    expect(getConfig().altinnOrigins).to.deep.equal(DEFAULT_ALTINN_ORIGINS);
  });
});
