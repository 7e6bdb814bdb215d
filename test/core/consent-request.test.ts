import { expect } from '@open-wc/testing';
import {
  buildConsentRequestBody,
  resolveValidTo,
  type BuildResult,
  type ConsentRequestBody,
  type ConsentRequestInput,
} from '../../src/core/index.js';

const ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
const RESOURCE = 'standard-samtykke-for-dele-data';
const REDIRECT_URL = `https://portal.example/loan?consentId=${ID}`;
const NOW = Date.parse('2026-03-01T12:00:00Z');

function build(input: Partial<ConsentRequestInput>): BuildResult {
  return buildConsentRequestBody({ id: ID, redirectUrl: REDIRECT_URL, ...input }, NOW);
}

function bodyOf(result: BuildResult): ConsentRequestBody {
  if (!result.ok) throw new Error(`expected a body, got problems: ${result.problems.join('; ')}`);
  return result.body;
}

function problemsOf(result: BuildResult): string[] {
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.body)}`);
  expect(result.problems).to.not.be.empty;
  return result.problems;
}

/** Asserts a problem is reported at `path` (each problem reads "path: what is wrong"). */
function expectProblemAt(result: BuildResult, path: string, label = path): void {
  const problems = problemsOf(result);
  const found = problems.some(
    (problem) => problem.startsWith(`${path}:`) || problem.startsWith(`${path}.`),
  );
  expect(found, `${label}: a problem at ${path} in ${JSON.stringify(problems)}`).to.equal(true);
}

describe('buildConsentRequestBody', () => {
  describe('rights', () => {
    it('turns resource and metadata into one right', () => {
      expect(
        bodyOf(build({ resource: RESOURCE, metadata: { inntektsaar: '2024' } })),
      ).to.deep.equal({
        id: ID,
        rights: [{ resource: RESOURCE, metadata: { inntektsaar: '2024' } }],
        redirectUrl: REDIRECT_URL,
      });
    });

    it('allows a resource without metadata', () => {
      expect(bodyOf(build({ resource: RESOURCE })).rights).to.deep.equal([{ resource: RESOURCE }]);
    });

    it('takes several rights, turning an action string into an array', () => {
      const body = bodyOf(
        build({
          rights: [
            { resource: RESOURCE, metadata: { inntektsaar: '2023' }, action: 'consent' },
            { resource: 'skattegrunnlag', action: ['read', 'consent'] },
          ],
        }),
      );
      expect(body.rights).to.deep.equal([
        { resource: RESOURCE, metadata: { inntektsaar: '2023' }, action: ['consent'] },
        { resource: 'skattegrunnlag', action: ['read', 'consent'] },
      ]);
    });

    it('prefers rights over resource when both are set', () => {
      const body = bodyOf(build({ resource: 'ignored', rights: [{ resource: RESOURCE }] }));
      expect(body.rights).to.deep.equal([{ resource: RESOURCE }]);
    });

    it('accepts a single right object in place of a list', () => {
      expect(bodyOf(build({ rights: { resource: RESOURCE } })).rights).to.deep.equal([
        { resource: RESOURCE },
      ]);
    });

    it('never passes on who asks or who is asked (the backend decides that)', () => {
      const body = bodyOf(
        build({
          rights: [
            {
              resource: RESOURCE,
              from: 'urn:altinn:person:identifier-no:21818297804',
              to: 'urn:altinn:organization:identifier-no:991825827',
            },
          ],
        }),
      );
      expect(body.rights).to.deep.equal([{ resource: RESOURCE }]);
      expect(JSON.stringify(body)).to.not.contain('21818297804');
    });

    it('says what is missing without resource or rights, once', () => {
      const problems = problemsOf(build({}));
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/resource/);
      expect(problems[0]).to.match(/rights/);
    });

    it('refuses an empty list of rights', () => {
      expectProblemAt(build({ rights: [] }), 'rights');
    });

    it('refuses more than 50 rights', () => {
      const rights = Array.from({ length: 51 }, () => ({ resource: RESOURCE }));
      expectProblemAt(build({ rights }), 'rights');
      expect(build({ rights: rights.slice(0, 50) }).ok).to.equal(true);
    });

    it('refuses a resource id that is not one', () => {
      for (const resource of ['has spaces', '-leading-dash', 'a/b', 'x'.repeat(201)]) {
        expectProblemAt(build({ resource }), 'rights.0.resource', resource);
      }
      expectProblemAt(build({ rights: [{ resource: 42 }] }), 'rights.0.resource');
    });

    it('refuses an empty action list or an empty action', () => {
      expectProblemAt(build({ rights: [{ resource: RESOURCE, action: [] }] }), 'rights.0.action');
      expectProblemAt(build({ rights: [{ resource: RESOURCE, action: '' }] }), 'rights.0.action');
    });
  });

  describe('metadata', () => {
    it('refuses a value that is not a string, naming the key', () => {
      const result = build({ resource: RESOURCE, metadata: { inntektsaar: 2024 } });
      expectProblemAt(result, 'rights.0.metadata.inntektsaar');
    });

    it('refuses an empty value (Altinn answers AM-00007)', () => {
      const result = build({ resource: RESOURCE, metadata: { inntektsaar: '' } });
      expectProblemAt(result, 'rights.0.metadata.inntektsaar');
    });

    it('refuses metadata that is not an object of strings', () => {
      for (const metadata of ['{"inntektsaar":"2024"}', ['2024'], null, 2024]) {
        const result = build({ resource: RESOURCE, metadata });
        expectProblemAt(result, 'rights.0.metadata', JSON.stringify(metadata));
      }
    });

    it('names the right with bad metadata among several', () => {
      const result = build({
        rights: [
          { resource: RESOURCE, metadata: { inntektsaar: '2023' } },
          { resource: RESOURCE, metadata: { inntektsaar: { year: 2024 } } },
        ],
      });
      expectProblemAt(result, 'rights.1.metadata.inntektsaar');
      expect(problemsOf(result).join(' ')).to.not.contain('rights.0');
    });
  });

  describe('validTo', () => {
    it('passes a duration on as written (the backend counts from when it creates the request)', () => {
      for (const validTo of ['P90D', 'P1Y', 'PT12H', 'P2W', 'P1Y6M', 'P1DT12H']) {
        expect(bodyOf(build({ resource: RESOURCE, validTo })).validTo).to.equal(validTo);
      }
    });

    it('accepts a date-time with offset in the future', () => {
      for (const validTo of [
        '2026-06-01T00:00:00Z',
        '2026-06-01T00:00:00+02:00',
        '2026-06-01T00:00:00.25971+00:00',
      ]) {
        expect(bodyOf(build({ resource: RESOURCE, validTo })).validTo).to.equal(validTo);
      }
    });

    it('refuses a date-time in the past or now', () => {
      for (const validTo of ['2026-02-28T12:00:00Z', '2026-03-01T12:00:00Z']) {
        expectProblemAt(build({ resource: RESOURCE, validTo }), 'validTo', validTo);
      }
    });

    it('refuses garbage', () => {
      for (const validTo of [
        'tomorrow',
        '90 days',
        'P',
        'PT',
        'P90',
        '90D',
        '2026-06-01',
        '2026-06-01T00:00:00',
        '2026-13-45T00:00:00Z',
      ]) {
        expectProblemAt(build({ resource: RESOURCE, validTo }), 'validTo', validTo);
      }
    });

    it('leaves validTo out when it is not set or empty, for the backend to default', () => {
      expect(bodyOf(build({ resource: RESOURCE }))).to.not.have.property('validTo');
      expect(bodyOf(build({ resource: RESOURCE, validTo: '' }))).to.not.have.property('validTo');
    });
  });

  describe('requestMessage', () => {
    it('passes a message per language on', () => {
      const requestMessage = { nb: 'Vi trenger inntekten din.', en: 'We need your income.' };
      expect(bodyOf(build({ resource: RESOURCE, requestMessage })).requestMessage).to.deep.equal(
        requestMessage,
      );
    });

    it('refuses a message that is not per language, or not text', () => {
      for (const requestMessage of ['Vi trenger inntekten din.', { nb: 42 }, ['nb']]) {
        const result = build({ resource: RESOURCE, requestMessage });
        expectProblemAt(result, 'requestMessage', JSON.stringify(requestMessage));
      }
    });

    it('refuses a message longer than 4000 characters', () => {
      const requestMessage = { nb: 'x'.repeat(4001) };
      expectProblemAt(build({ resource: RESOURCE, requestMessage }), 'requestMessage.nb');
    });
  });

  describe('id and redirectUrl', () => {
    it('refuses an id that is not a UUID', () => {
      for (const id of ['', '42', `${ID}x`, ID.replaceAll('-', '')]) {
        const result = buildConsentRequestBody(
          { id, resource: RESOURCE, redirectUrl: REDIRECT_URL },
          NOW,
        );
        expectProblemAt(result, 'id', id);
      }
    });

    it('refuses a redirectUrl that is not absolute', () => {
      for (const redirectUrl of ['/loan', 'loan?consentId=1', '']) {
        const result = buildConsentRequestBody({ id: ID, resource: RESOURCE, redirectUrl }, NOW);
        expectProblemAt(result, 'redirectUrl', redirectUrl);
      }
    });

    it('lists every problem at once', () => {
      const result = buildConsentRequestBody(
        {
          id: 'nope',
          resource: RESOURCE,
          metadata: { inntektsaar: '' },
          validTo: 'soon',
          redirectUrl: '/loan',
        },
        NOW,
      );
      for (const where of ['id', 'rights.0.metadata.inntektsaar', 'validTo', 'redirectUrl']) {
        expectProblemAt(result, where);
      }
    });
  });
});

describe('resolveValidTo', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const resolved = (value: string): string => resolveValidTo(value, now).toISOString();

  it('counts days, weeks, hours, minutes and seconds from now', () => {
    expect(resolved('P90D')).to.equal('2026-05-30T12:00:00.000Z');
    expect(resolved('P2W')).to.equal('2026-03-15T12:00:00.000Z');
    expect(resolved('PT12H')).to.equal('2026-03-02T00:00:00.000Z');
    expect(resolved('PT30M')).to.equal('2026-03-01T12:30:00.000Z');
    expect(resolved('PT1.5S')).to.equal('2026-03-01T12:00:01.500Z');
    expect(resolved('P1DT2H30M')).to.equal('2026-03-02T14:30:00.000Z');
  });

  it('counts calendar years and months', () => {
    expect(resolved('P1Y')).to.equal('2027-03-01T12:00:00.000Z');
    expect(resolved('P1Y6M')).to.equal('2027-09-01T12:00:00.000Z');
    expect(resolved('P12M')).to.equal('2027-03-01T12:00:00.000Z');
    expect(resolveValidTo('P1Y', new Date('2028-02-28T00:00:00Z')).toISOString()).to.equal(
      '2029-02-28T00:00:00.000Z',
    );
  });

  it('does not change the `now` it was given', () => {
    resolveValidTo('P90D', now);
    expect(now.toISOString()).to.equal('2026-03-01T12:00:00.000Z');
  });

  it('returns a date-time as the moment it names', () => {
    expect(resolved('2026-06-01T00:00:00+02:00')).to.equal('2026-05-31T22:00:00.000Z');
    expect(resolved('2026-07-18T06:18:12.25971+00:00')).to.equal('2026-07-18T06:18:12.259Z');
  });

  it('defaults now to the current time', () => {
    const before = Date.now();
    const end = resolveValidTo('PT1H').getTime();
    expect(end).to.be.within(before + 3_600_000, Date.now() + 3_600_000);
  });

  it('throws a RangeError for anything else', () => {
    for (const value of ['tomorrow', '', 'P', 'PT', 'P90', 'ninety days']) {
      expect(() => resolveValidTo(value, now), value).to.throw(RangeError);
    }
  });
});

describe('validity at the edges', () => {
  it('stays in the target month: 31 January + P1M is the end of February', () => {
    expect(resolveValidTo('P1M', new Date('2026-01-31T12:00:00Z')).toISOString()).to.equal(
      '2026-02-28T12:00:00.000Z',
    );
    expect(resolveValidTo('P1Y', new Date('2028-02-29T12:00:00Z')).toISOString()).to.equal(
      '2029-02-28T12:00:00.000Z',
    );
    expect(resolveValidTo('P1M1D', new Date('2026-01-31T12:00:00Z')).toISOString()).to.equal(
      '2026-03-01T12:00:00.000Z',
    );
  });

  for (const validTo of ['PT0S', 'P0D', 'P0Y0M']) {
    it(`refuses ${validTo}, which ends at once`, () => {
      const result = buildConsentRequestBody({
        id: '77ed8698-e619-4066-9eb4-5c1eb3f165a1',
        resource: 'standard-samtykke-for-dele-data',
        validTo,
        redirectUrl: 'https://portal.example/back',
      });
      expect(result.ok).to.equal(false);
    });
  }
});
