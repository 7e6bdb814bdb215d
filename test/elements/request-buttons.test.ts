/** The shared request-button suite, run against each button. */
import { altinn2AccessView, consentView } from '../support/fixtures.js';
import { requestButtonSuite } from './suites/request-button.suite.js';

requestButtonSuite({
  tag: 'request-consent-button',
  kind: 'consent',
  attributes: 'resource="standard-samtykke-for-dele-data" valid-to="P90D"',
  created: (extra = {}) => ({
    method: 'POST',
    path: '/consent-requests',
    status: 201,
    body: consentView({ id: '$id' }),
    ...extra,
  }),
  attemptIdOf: (request) => (request.body as { id?: string } | null)?.id,
  texts: {
    label: 'consentButtonLabel',
    busy: 'consentButtonBusy',
    created: 'consentButtonCreated',
  },
});

requestButtonSuite({
  tag: 'request-access-button',
  kind: 'access',
  attributes: 'resource="lonnsmodul-tilgang" org="991825827"',
  created: (extra = {}) => ({
    method: 'POST',
    path: '/access-requests',
    status: 201,
    body: altinn2AccessView(),
    ...extra,
  }),
  attemptIdOf: (request) => request.headers['idempotency-key'],
  texts: { label: 'accessButtonLabel', busy: 'accessButtonBusy', created: 'accessButtonCreated' },
});
