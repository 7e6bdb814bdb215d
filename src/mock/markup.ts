/**
 * The mock's pages are written in `markup` templates, which escape every value, and made of the
 * pieces below.
 */

/** Markup, safe as it is: what `markup` makes. */
export class Markup {
  constructor(readonly text: string) {}
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function insert(value: unknown): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(insert).join('');
  if (value === undefined || value === null || value === false) return '';
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * A template of markup: each value is escaped unless it is markup itself (or a list of it);
 * `false`, `null` and `undefined` add nothing. No page can forget to escape a value.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  return new Markup(strings.reduce((text, string, i) => text + insert(values[i - 1]) + string));
}

/** `data-*` attributes, by name without the prefix. */
type Data = Record<string, string>;

function data(values: Data): Markup {
  return markup`${Object.entries(values).map(([name, value]) => markup` data-${name}="${value}"`)}`;
}

/** The card of a page: its `data-*` attributes, the heading, what follows. */
export function card(title: string, body: Markup, dataset: Data = {}) {
  return markup`<article class="card" aria-labelledby="heading"${data(dataset)}>
<h1 id="heading">${title}</h1>
${body}
</article>`;
}

const NOTICES = {
  warning: { role: 'alert', kind: 'banner' },
  state: { role: 'status', kind: 'banner' },
  receipt: { role: 'status', kind: 'receipt' },
};

/** A notice on a page: a warning (announced at once), the request's state, or a receipt. */
export function notice(text: string, dataset: Data, type: keyof typeof NOTICES = 'warning') {
  const { role, kind } = NOTICES[type];
  return markup`<div class="${kind}" role="${role}"${data(dataset)}>${text}</div>`;
}

/** A submit button that posts `action`; `extra` holds more attributes. */
export function button(action: string, label: string, kind = 'primary', extra?: Markup | false) {
  return markup`<button type="submit" name="action" value="${action}" data-action="${action}" class="${kind}"${extra}>${label}</button>`;
}

/** A form that posts back to the page, its buttons in a row. */
export function postForm(action: string, content: Markup): Markup {
  return markup`<form method="post" action="${action}" class="actions">\n${content}\n</form>`;
}

export function definitions(rows: [term: string, value: string][]): Markup {
  return markup`<dl>${rows.map(([term, value]) => markup`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}
