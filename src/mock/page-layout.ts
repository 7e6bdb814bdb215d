import { createHash } from 'node:crypto';
import { none } from './auth.js';
import { card, markup, Markup } from './markup.js';
import { route, type Route } from './routes.js';
import { PAGE_LANGUAGES, TEXTS } from './texts/index.js';
import type { PageLanguage } from './types.js';

/**
 * What every page of the mock shares: the Altinn-like frame (top bar, language switch, the notice
 * that this is a mock), one style sheet, and the security headers am.ui sends. Pages are
 * server-rendered HTML without scripts, written with `markup`.
 */

/** A page shows itself on GET and takes its form on POST. */
export function pageRoutes(path: string, handle: Route['handle']): Route[] {
  return (['GET', 'POST'] as const).map((method) => route(method, path, none, handle));
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}body{margin:0;font-family:Inter,"Segoe UI",Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1e2b3c;background:#e3f7ff}.wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
.topbar{background:#022f51;color:#fff}.topbar .wrap{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;min-height:4rem}.brand{font-weight:700;font-size:1.5rem;letter-spacing:.02em}.badge{margin-left:.5rem;padding:.1rem .5rem;border-radius:1rem;background:#ffda06;color:#022f51;font-size:.875rem;font-weight:600;vertical-align:middle}
.langs{display:flex;gap:1rem;margin:0;padding:0;list-style:none}.langs a{color:#fff;text-underline-offset:.2em}.langs a[aria-current="true"]{font-weight:700;text-decoration:none;border-bottom:3px solid #ffda06}
.mock-notice{margin:1rem 0;font-size:1rem;color:#022f51}.card{background:#fff;border-radius:.5rem;padding:1.5rem 1.5rem 2rem;margin-bottom:2rem;box-shadow:0 1px 4px rgba(2,47,81,.2)}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem;color:#022f51}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;color:#022f51}h3{font-size:1.125rem;margin:0 0 .25rem}
.message{white-space:pre-line;margin:0;padding:1rem;border-left:4px solid #0062ba;background:#f4f5f6}.rights{margin:0;padding:0;list-style:none}.right{padding:1rem;border:1px solid #bcc7cc;border-radius:.5rem;margin-bottom:.75rem}.right p{margin:0 0 .5rem}.right h2{margin:0 0 .5rem;font-size:1.125rem}.right form+p{margin:.75rem 0 0}
dl{margin:0}dl div{display:flex;flex-wrap:wrap;gap:.5rem}dt{font-weight:600}dt::after{content:":"}dd{margin:0}
.banner{margin:1rem 0;padding:1rem;border:2px solid #e6a700;border-radius:.5rem;background:#fff3cd;color:#3f2a00}.receipt{margin:1rem 0;padding:1rem;border:2px solid #068718;border-radius:.5rem;background:#e8f6ea;color:#06320d}.receipt p{margin:0}.receipt p+p{margin-top:.75rem}
.actions{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1.5rem}button,.button{display:inline-block;min-height:2.75rem;padding:.625rem 1.25rem;border-radius:.375rem;font:inherit;font-weight:600;cursor:pointer;text-decoration:none}button.primary,.button.primary{background:#0062ba;border:2px solid #0062ba;color:#fff}
button.secondary,.button.secondary{background:#fff;border:2px solid #0062ba;color:#0062ba}button:hover:not([disabled]),.button:hover{text-decoration:underline}button[disabled]{cursor:not-allowed;opacity:.55}
label{display:block;font-weight:600;margin:1.5rem 0 .25rem}textarea{display:block;width:100%;min-height:6rem;padding:.5rem;font:inherit;border:2px solid #68707c;border-radius:.375rem}fieldset{margin:1.5rem 0 0;padding:0;border:0}legend{font-weight:600;padding:0;margin-bottom:.25rem}.choice{display:flex;gap:.5rem;align-items:center;font-weight:400;margin:.25rem 0}
.choice input{width:1.25rem;height:1.25rem;margin:0}.status{font-weight:600}
a:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #ffda06;outline-offset:2px;box-shadow:0 0 0 6px #022f51}
`;

/** Security headers as am.ui sends them (no framing), with a CSP that allows only the page's own style. */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'X-Frame-Options': 'deny',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * A page of the mock in its frame, with am.ui's security headers. `languageHref` gives the address
 * of this page in another language; without it the language switch is left out.
 */
export function page(
  status: number,
  frame: { lang: PageLanguage; title: string; languageHref?: (code: PageLanguage) => string },
  content: Markup,
): Response {
  const { lang, title, languageHref } = frame;
  const t = TEXTS[lang].frame;
  const languages = PAGE_LANGUAGES.map(
    (code) =>
      markup`<li><a href="${languageHref?.(code)}" hreflang="${code}" lang="${code}"${code === lang && markup` aria-current="true"`}>${TEXTS[code].frame.languageName}</a></li>`,
  );
  const document = markup`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<header class="topbar"><div class="wrap"><p class="brand" lang="nb">Altinn<span class="badge">mock</span></p>
${languageHref && markup`<nav aria-label="${t.languageNav}"><ul class="langs">${languages}</ul></nav>`}</div></header>
<main class="wrap">
<p class="mock-notice">${t.mockNotice}</p>
${content}
</main>
</body>
</html>
`;
  return new Response(document.text, { status, headers: PAGE_HEADERS });
}

/** The page for a missing (400) or unknown (404) request id. */
export function notFoundPage(
  lang: PageLanguage,
  notFound: 'consentNotFound' | 'accessNotFound' | 'systemUserNotFound',
  missing: boolean,
  languageHref?: (code: PageLanguage) => string,
): Response {
  const t = TEXTS[lang];
  const content = card(t.notFoundTitle, markup`<p>${missing ? t.missingId : t[notFound]}</p>`);
  const title = `${t.notFoundTitle} – Altinn (mock)`;
  return page(missing ? 400 : 404, { lang, title, languageHref }, content);
}
