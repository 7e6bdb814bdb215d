/** The shared status-element suite, run against each status element. */
import {
  ACCESS_REQUEST_ID,
  CONSENT_ID,
  SYSTEM_USER_REQUEST_ID,
  altinn3AccessView,
  consentView,
  systemUserView,
} from '../support/fixtures.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { SYSTEM_USER_STATUS_TEXTS } from '../../src/i18n/system-user.js';
import '../../src/elements/system-user-request-status/system-user-request-status.js';
import { statusElementSuite } from './suites/status-element.suite.js';

statusElementSuite({
  tag: 'consent-status',
  kind: 'consent',
  collection: '/consent-requests',
  id: CONSENT_ID,
  returnParam: 'consentId',
  view: (status) => consentView({ id: '$id', status }),
  waiting: 'pending',
  waitingText: MESSAGES.nb.consentPending,
});

statusElementSuite({
  tag: 'access-request-status',
  kind: 'access',
  collection: '/access-requests',
  id: ACCESS_REQUEST_ID,
  returnParam: 'DelegationRequestId',
  view: (status) => altinn3AccessView({ id: '$id', status }),
  waiting: 'pending',
  waitingText: MESSAGES.nb.accessPending,
});

statusElementSuite({
  tag: 'system-user-request-status',
  kind: 'system-user',
  collection: '/system-user-requests',
  id: SYSTEM_USER_REQUEST_ID,
  returnParam: 'systemUserRequestId',
  view: (status) => systemUserView({ id: '$id', status }),
  waiting: 'created',
  waitingText: SYSTEM_USER_STATUS_TEXTS.nb.created,
  listsWithoutId: true,
});
