/**
 * Compiled, never run: the bare tags in React 19's JSX, typed by `altinn-request-elements/react-jsx`,
 * as a user writes them. Every `@ts-expect-error` must stay an error: tsc fails when one is not.
 */
import type {} from 'altinn-request-elements/react-jsx';
import { useRef, useState } from 'react';
import {
  type AltinnRequestCreatedEvent,
  type AltinnStatusChangeEvent,
  type RequestConsentButton,
  type RequestStatus,
} from 'altinn-request-elements';

export function LoanStep() {
  const [status, setStatus] = useState<RequestStatus>();
  const button = useRef<RequestConsentButton>(null);
  return (
    <main className="loan">
      <request-consent-button
        ref={button}
        key="consent"
        class="primary"
        slot="action"
        id="consent-button"
        resource="standard-samtykke-for-dele-data"
        metadata={{ inntektsaar: '2024' }}
        rights={[
          { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
        ]}
        validTo="P90D"
        valid-to="2026-12-31T00:00:00Z"
        requestMessage={{ nb: 'Vi trenger inntekten din.' }}
        request-message='{"nb":"Vi trenger inntekten din."}'
        return-url="/tilbake"
        endpoint="/api/altinn"
        lang="nb"
        disabled={false}
        onaltinn-request-created={(event) => {
          const url: string | undefined = event.detail.url;
          if (url) event.preventDefault();
        }}
        onaltinn-request-error={(event) => console.log(event.detail.code, event.detail.retryable)}
        onaltinn-request-createdCapture={(event: AltinnRequestCreatedEvent) =>
          console.log(event.detail.kind)
        }
        onClick={() => button.current?.requestConsent()}
      >
        <span>Hent inntekt</span>
      </request-consent-button>
      <consent-status
        request-id="0f8fad5b-d9cb-469f-a165-70867728950e"
        onaltinn-status-change={(event) => setStatus(event.detail.status)}
      >
        <span slot="accepted">Takk!</span>
      </consent-status>
      <request-access-button
        resource="lonnsmodul-tilgang"
        org="310456780"
        target="_blank"
        service-code="4751"
        service-edition-code="1"
        services={[{ serviceCode: '4751', serviceEditionCode: 1 }]}
        onaltinn-request-created={(event) => console.log(event.detail.navigation)}
      />
      <access-request-status
        pollInterval={2000}
        poll-interval={1000}
        max-poll-interval="60000"
        onaltinn-status-change={(event: AltinnStatusChangeEvent) => setStatus(event.detail.status)}
        onaltinn-request-error={(event) => console.log(event.detail.message)}
      />
      <request-system-user-button integration="regnskap" return-url="/systembruker" always-new />
      <request-access-button resource="lonnsmodul-tilgang" alwaysNew={false} />
      <system-user-request-status
        integration="regnskap"
        request-id="3f2b8c1e-9d4a-4e6b-8a7c-5d1e2f3a4b5c"
        onaltinn-status-change={(event: AltinnStatusChangeEvent) => setStatus(event.detail.status)}
      />
      <altinn-request-list
        kinds="consent"
        page-size="5"
        request-url="/samtykke"
        onaltinn-request-again={(event) => console.log(event.detail.id)}
      />
      <p>{status}</p>
    </main>
  );
}

// The negative cases: each must stay an error.
export const wrongProps = (
  <>
    {/* @ts-expect-error: target takes auto, _self or _blank */}
    <request-access-button target="_top" />
    {/* @ts-expect-error: disabled is a boolean property */}
    <request-consent-button disabled="yes" />
    {/* @ts-expect-error: valid-to is a string attribute */}
    <request-consent-button valid-to={90} />
    {/* @ts-expect-error: rights is an array of rights, not JSON (React sets the property) */}
    <request-consent-button rights='[{"resource":"x"}]' />
    {/* @ts-expect-error: metadata values are strings */}
    <request-consent-button metadata={{ inntektsaar: 2024 }} />
    {/* @ts-expect-error: poll-interval is a number */}
    <access-request-status poll-interval="soon" />
    {/* @ts-expect-error: no such property */}
    <consent-status requestID="x" />
    {/* @ts-expect-error: the organisation comes from the portal's session, never the element */}
    <request-system-user-button org="310456780" />
    {/* @ts-expect-error: poll-interval is a number */}
    <system-user-request-status poll-interval="soon" />
    {/* @ts-expect-error: alwaysNew is a boolean property */}
    <request-consent-button alwaysNew="yes" />
    {/* @ts-expect-error: page-size is a number */}
    <altinn-request-list page-size="many" />
    {/* @ts-expect-error: status is read-only, reflected from the backend's answer */}
    <consent-status status="accepted" />
  </>
);

export const wrongEvents = (
  <>
    {/* @ts-expect-error: React 19 spells the event as it is, onaltinn-request-created */}
    <request-consent-button onAltinnRequestCreated={() => {}} />
    {/* @ts-expect-error: a status change is not what the button's created event carries */}
    <request-consent-button onaltinn-request-created={(event: AltinnStatusChangeEvent) => event} />
    <request-consent-button
      onaltinn-request-error={(event) => {
        // @ts-expect-error: the code of an error is a known one, never a number
        const code: number = event.detail.code;
        return code;
      }}
    />
    <consent-status
      onaltinn-status-change={(event) => {
        // @ts-expect-error: a status change has no url
        return event.detail.url;
      }}
    />
    {/* @ts-expect-error: the ref is the element's own class */}
    <consent-status ref={useRef<HTMLInputElement>(null)} />
  </>
);
