/**
 * Building Fetch-API responses and reading requests, the small set the mock's handlers share.
 * The mock has no framework, like it has no other dependency than `jose`.
 */

type HeaderFields = Record<string, string>;

export function json(status: number, body: unknown, headers: HeaderFields = {}): Response {
  const type = { 'Content-Type': 'application/json; charset=utf-8' };
  return new Response(JSON.stringify(body), { status, headers: { ...type, ...headers } });
}

/** A status with an empty body, as Altinn's 401 and 403 from policy checks. */
export function empty(status: number, headers: HeaderFields = {}): Response {
  return new Response(null, { status, headers });
}

/**
 * Node refuses header values outside Latin-1, while a redirect URL may hold any character:
 * percent-encode what is not printable ASCII, as a browser would before sending it.
 */
export function toHeaderUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]/gu, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as a browser would send it
    }
  });
}

export function redirect(location: string, status = 302, headers: HeaderFields = {}): Response {
  return empty(status, { Location: toHeaderUrl(location), ...headers });
}

/** An absolute URL, or `undefined` when the text is none. */
export function parseUrl(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

/** The media type of the request body, lower case, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether the request body is declared JSON (`application/json` or any `+json` type). */
export function isJsonBody(request: Request): boolean {
  const type = mediaType(request);
  return type === 'application/json' || type.endsWith('+json');
}

/** The body parsed as JSON, or `undefined` with the parser's complaint when it is none. */
export async function readJson(request: Request): Promise<{ value: unknown } | { error: string }> {
  const text = await request.text();
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A posted HTML form. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

export function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The bearer token of the `Authorization` header, if any. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

/** Every value of a query parameter, its name compared case-insensitively (ASP.NET binds so). */
export function queryValues(query: URLSearchParams, name: string): string[] {
  const lower = name.toLowerCase();
  return [...query].filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
}
