/** Small helpers for element tests: reading what a user sees, and recording navigation. */
import { configure, resetConfig } from '../../src/index.js';

/** The visible text of an element's shadow root (slotted text included), white space folded. */
export function shownText(element: Element): string {
  const root = element.shadowRoot;
  if (!root) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
      return;
    }
    if (node instanceof HTMLElement && node.hidden) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    node.childNodes.forEach(walk);
  };
  root.childNodes.forEach(walk);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The text of `node` (a node in a shadow root), slots resolved, white space folded: what a screen
 * reader names a button by (visually hidden text included), or with `visibleOnly` what the eye sees.
 */
export function textOf(node: Node, { visibleOnly = false } = {}): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    if (current instanceof HTMLSlotElement) {
      const assigned = current.assignedNodes({ flatten: true });
      (assigned.length ? assigned : [...current.childNodes]).forEach(walk);
      return;
    }
    if (current instanceof HTMLElement && current.hidden) return;
    if (
      visibleOnly &&
      current instanceof HTMLElement &&
      current.classList.contains('visually-hidden')
    ) {
      return;
    }
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    current.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
}

/** The element's inner native button. */
export function innerButton(element: Element, part = 'button'): HTMLButtonElement {
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!button) throw new Error(`no [part~=${part}] in <${element.localName}>`);
  return button;
}

/** The text of the shadow part `name`. */
export function partText(element: Element, name: string): string {
  return (element.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Makes navigation observable without leaving the test page: every URL the elements would open is
 * recorded instead. (One test proves the real default navigation in an iframe.)
 */
export function recordNavigation(): { urls: string[]; windows: string[] } {
  const record = { urls: [] as string[], windows: [] as string[] };
  resetConfig();
  configure({
    navigate: (url) => void record.urls.push(url),
    openWindow: (url) => {
      record.windows.push(url);
      return true;
    },
  });
  return record;
}

/** Puts `search` (and `hash`) on the test page's URL, as Altinn's redirect back would. */
export function setPageUrl(searchAndHash: string): void {
  history.replaceState(null, '', `${location.pathname}${searchAndHash}`);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Records, through `configure({ fetch })`, when each fetch is sent and when its answer arrives.
 * `waits()` are the pauses from an answer to the next fetch: what an element's polling decides,
 * without the time the test server (shared, and perhaps busy) took to answer.
 */
export function recordFetchTimes(): { readonly count: number; waits(): number[] } {
  const sent: number[] = [];
  const answered: number[] = [];
  configure({
    fetch: async (input, init) => {
      const index = sent.push(performance.now()) - 1;
      try {
        return await fetch(input, init);
      } finally {
        answered[index] = performance.now();
      }
    },
  });
  return {
    get count() {
      return sent.length;
    },
    waits: () =>
      sent.slice(1).map((time, index) => time - (answered[index] ?? Number.POSITIVE_INFINITY)),
  };
}
