/** The shared request-button suite, run against each button. */
import { MESSAGES } from '../../src/i18n/index.js';
import { SYSTEM_USER_BUTTON_TEXTS } from '../../src/i18n/system-user.js';
import '../../src/elements/request-system-user-button/request-system-user-button.js';
import { altinn2AccessView, consentView, systemUserView } from '../support/fixtures.js';
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
    label: MESSAGES.nb.consentButtonLabel,
    busy: MESSAGES.nb.consentButtonBusy,
    created: MESSAGES.nb.consentButtonCreated,
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
  texts: {
    label: MESSAGES.nb.accessButtonLabel,
    busy: MESSAGES.nb.accessButtonBusy,
    created: MESSAGES.nb.accessButtonCreated,
  },
});

requestButtonSuite({
  tag: 'request-system-user-button',
  kind: 'system-user',
  attributes: 'integration="regnskap"',
  created: (extra = {}) => ({
    method: 'POST',
    path: '/system-user-requests',
    status: 201,
    body: systemUserView({ id: '$id' }),
    ...extra,
  }),
  attemptIdOf: (request) => request.headers['idempotency-key'],
  texts: SYSTEM_USER_BUTTON_TEXTS.nb,
});
