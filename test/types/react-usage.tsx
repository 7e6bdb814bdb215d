/**
 * Compiled, never run: the React wrappers' types as a user writes them. `npm test` fails when they
 * break (tsc with skipLibCheck off, see tsconfig.json here).
 */
import { useState } from 'react';
import {
  AccessRequestStatus,
  ConsentStatus,
  RequestAccessButton,
  RequestConsentButton,
  RequestSystemUserButton,
  SystemUserRequestStatus,
  AltinnRequestList,
} from '../../src/react/index.js';

export function LoanStep() {
  const [status, setStatus] = useState<string>();
  return (
    <>
      <RequestConsentButton
        resource="standard-samtykke-for-dele-data"
        metadata={{ inntektsaar: '2024' }}
        validTo="P90D"
        requestMessage={{ nb: 'Vi trenger inntekten din.' }}
        onAltinnRequestCreated={(event) => console.log(event.detail.url, event.detail.navigation)}
        onAltinnRequestError={(event) => console.log(event.detail.code, event.detail.retryable)}
      >
        Hent inntekt
      </RequestConsentButton>
      <ConsentStatus onAltinnStatusChange={(event) => setStatus(event.detail.status)} />
      <RequestAccessButton resource="lonnsmodul-tilgang" org="310456780" target="_blank" />
      <AccessRequestStatus
        pollInterval={2000}
        onAltinnStatusChange={(event) => setStatus(event.detail.status)}
      />
      <RequestSystemUserButton integration="regnskap" returnUrl="/systembruker" alwaysNew />
      <RequestAccessButton resource="lonnsmodul-tilgang" alwaysNew={false} />
      <SystemUserRequestStatus
        integration="regnskap"
        onAltinnStatusChange={(event) => setStatus(event.detail.status)}
      />
      <AltinnRequestList
        kinds="consent access"
        state="open"
        pageSize={20}
        requestUrl="/samtykke"
        onAltinnRequestAgain={(event) =>
          console.log(event.detail.kind, event.detail.request.subject)
        }
        onAltinnStatusChange={(event) => setStatus(event.detail.status)}
      />
      <p>{status}</p>
    </>
  );
}

// @ts-expect-error: the code of an error is a known one, never any string
export const wrongCode: Parameters<
  NonNullable<Parameters<typeof RequestConsentButton>[0]['onAltinnRequestError']>
>[0]['detail']['code'] = 'oops';

// @ts-expect-error: target takes auto, _self or _blank
export const wrongTarget = <RequestAccessButton target="_top" />;

// @ts-expect-error: state is open, final or all
export const wrongState = <AltinnRequestList state="pending" />;

// @ts-expect-error: alwaysNew is a boolean
export const wrongAlwaysNew = <RequestConsentButton alwaysNew="yes" />;

// @ts-expect-error: integration is a name, not a list
export const wrongIntegration = <RequestSystemUserButton integration={['regnskap']} />;
