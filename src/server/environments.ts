/** Where Altinn's platform APIs are, per environment (../shared/altinn-api.md section 1). */
export const ALTINN_PLATFORM_URLS = {
  tt02: 'https://platform.tt02.altinn.no',
  prod: 'https://platform.altinn.no',
} as const;

export type AltinnEnvironment = keyof typeof ALTINN_PLATFORM_URLS | { platformUrl: string };

export function platformUrlOf(environment: AltinnEnvironment): string {
  const url =
    typeof environment === 'string' ? ALTINN_PLATFORM_URLS[environment] : environment.platformUrl;
  if (!url) throw new TypeError(`Unknown Altinn environment ${JSON.stringify(environment)}.`);
  return url.replace(/\/+$/, '');
}
