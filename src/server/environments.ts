/** Where Altinn is, per environment (../shared/altinn-api.md section 1). */
export interface AltinnEnvironmentUrls {
  /** Altinn 3's platform APIs (consent, Altinn 3 delegation requests). */
  platformUrl: string;
  /** Altinn 3's access management UI, where users act on a request. */
  uiUrl: string;
  /** Altinn 2's portal and service owner API (closed June 2026). */
  altinn2Url: string;
}

export const ALTINN_ENVIRONMENTS: Readonly<Record<'tt02' | 'prod', AltinnEnvironmentUrls>> = {
  tt02: {
    platformUrl: 'https://platform.tt02.altinn.no',
    uiUrl: 'https://am.ui.tt02.altinn.no',
    altinn2Url: 'https://tt02.altinn.no',
  },
  prod: {
    platformUrl: 'https://platform.altinn.no',
    uiUrl: 'https://am.ui.altinn.no',
    altinn2Url: 'https://www.altinn.no',
  },
};

/** `tt02`, `prod`, or explicit URLs (a local mock serves all three from one origin). */
export type AltinnEnvironment =
  keyof typeof ALTINN_ENVIRONMENTS | { platformUrl: string; uiUrl?: string; altinn2Url?: string };

const trimmed = (url: string): string => url.replace(/\/+$/, '');

export function environmentUrls(environment: AltinnEnvironment): AltinnEnvironmentUrls {
  if (typeof environment === 'string') {
    const urls = ALTINN_ENVIRONMENTS[environment];
    if (!urls) throw new TypeError(`Unknown Altinn environment ${JSON.stringify(environment)}.`);
    return urls;
  }
  const platformUrl = trimmed(environment.platformUrl);
  return {
    platformUrl,
    uiUrl: trimmed(environment.uiUrl ?? platformUrl),
    altinn2Url: trimmed(environment.altinn2Url ?? platformUrl),
  };
}
