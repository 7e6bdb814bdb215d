/**
 * The consent step as a React component: the button and the status through the React components of
 * `altinn-request-elements/react`, their events through typed props (`onAltinnRequestCreated` …),
 * and what the props received, in React's state and a log.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConsentStatus as ConsentStatusElement, RequestStatus } from 'altinn-request-elements';
import { ConsentStatus, RequestConsentButton } from 'altinn-request-elements/react';
import { appLog, appTexts, type AppLogEntry } from '../app-texts.js';
import { CONSENT_RIGHTS, REQUEST_MESSAGE } from '../consent-texts.js';
import type { Lang } from '../shell.js';

const TEXTS = appTexts('React');
const log = appLog('demobanken:react:received');

export function ConsentStep({ lang }: { lang: Lang }) {
  const texts = TEXTS[lang];
  const [received, setReceived] = useState<AppLogEntry[]>(log.load);
  const [status, setStatus] = useState<RequestStatus>();
  const [asked, setAsked] = useState(false);
  const statusElement = useRef<ConsentStatusElement>(null);

  const receive = (handler: string, summary: string): void =>
    setReceived((entries) => log.add(entries, handler, summary));

  // Back from Altinn, the status element has found the request's id in the URL.
  useEffect(() => {
    if (statusElement.current?.currentRequestId) setAsked(true);
  }, []);

  return (
    <>
      <section className="card" aria-labelledby="inntekt-tittel">
        <h2 id="inntekt-tittel">{texts.incomeHeading}</h2>
        <p>{texts.incomeIntro}</p>
        <p>{texts.incomeAltinn}</p>

        <RequestConsentButton
          rights={CONSENT_RIGHTS}
          validTo="P90D"
          requestMessage={REQUEST_MESSAGE}
          onAltinnRequestCreated={(event) => {
            setAsked(true);
            receive('onAltinnRequestCreated', `${event.detail.status} · ${event.detail.id}`);
          }}
          onAltinnRequestError={(event) =>
            receive('onAltinnRequestError', `${event.detail.code}: ${event.detail.message}`)
          }
        >
          {texts.buttonLabel}
        </RequestConsentButton>

        <h3>{texts.statusHeading}</h3>
        {!asked && !status && <p className="hint">{texts.statusNone}</p>}
        <ConsentStatus
          ref={statusElement}
          onAltinnStatusChange={(event) => {
            setStatus(event.detail.status);
            receive('onAltinnStatusChange', `${event.detail.status} · ${event.detail.id}`);
          }}
          onAltinnRequestError={(event) =>
            receive('onAltinnRequestError', `${event.detail.code}: ${event.detail.message}`)
          }
        />
        <p className="app-state">
          {texts.stateLabel} <strong id="app-state">{status ?? '–'}</strong>
        </p>
      </section>

      <section className="card dev-panel" aria-labelledby="logg-tittel">
        <h2 id="logg-tittel">{texts.appLogHeading}</h2>
        <p className="hint">{texts.appLogHint}</p>
        {received.length > 0 ? (
          <ol id="app-log" className="event-log">
            {received.map((entry) => (
              <li key={`${entry.time} ${entry.handler} ${entry.summary}`}>
                <time dateTime={entry.time}>
                  {new Date(entry.time).toLocaleTimeString('nb-NO')}
                </time>{' '}
                <code>{entry.handler}</code> <span>{entry.summary}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="hint">{texts.appLogEmpty}</p>
        )}
      </section>
    </>
  );
}
