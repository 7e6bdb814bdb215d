/** The shared status-element suite, run against each status element. */
import {
  ACCESS_REQUEST_ID,
  CONSENT_ID,
  altinn3AccessView,
  consentView,
} from '../support/fixtures.js';
import { statusElementSuite } from './suites/status-element.suite.js';

statusElementSuite({
  tag: 'consent-status',
  kind: 'consent',
  collection: '/consent-requests',
  id: CONSENT_ID,
  returnParam: 'consentId',
  view: (status) => consentView({ id: '$id', status }),
  pendingText: 'consentPending',
});

statusElementSuite({
  tag: 'access-request-status',
  kind: 'access',
  collection: '/access-requests',
  id: ACCESS_REQUEST_ID,
  returnParam: 'DelegationRequestId',
  view: (status) => altinn3AccessView({ id: '$id', status }),
  pendingText: 'accessPending',
});
