/**
 * Helpers for the stories' `play` functions and hooks. The elements render into shadow roots, which
 * Testing Library's queries do not enter, so these reach the parts (`[part~=…]`) directly.
 */
import { expect, userEvent, waitFor } from 'storybook/test';
import { configure, getConfig } from '../../src/core/config.js';
import { normaliseLang, type Lang } from '../../src/core/lang.js';
import { MESSAGES, type MessageKey, type Messages } from '../../src/i18n/index.js';
import { requestsTo, resetEndpoint } from './fake-backend.js';

/** How long a `play` function waits for an element to reach a state. */
const WAIT = { timeout: 6000 };

/** The story's one element named `tag`. */
export function elementIn<T extends HTMLElement = HTMLElement>(
  canvasElement: HTMLElement,
  tag: keyof HTMLElementTagNameMap,
): T {
  const element = canvasElement.querySelector<T>(tag);
  if (!element) throw new Error(`The story has no <${tag}>.`);
  return element;
}

/** The shadow part `name` of `element`. */
export function part(element: Element, name: string): HTMLElement {
  const found = element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${element.localName}> has no part "${name}".`);
  return found;
}

/** The text of the shadow part `name`, white space folded. */
export function partText(element: Element, name: string): string {
  const found = element.shadowRoot?.querySelector(`[part~="${name}"]`);
  return (found?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The language `element` speaks (its own `lang`, else the nearest `[lang]`). */
export function langOf(element: Element): Lang {
  return normaliseLang(element.closest('[lang]')?.getAttribute('lang') ?? undefined) ?? 'nb';
}

/** The messages in the language `element` speaks. */
export function messagesOf(element: Element): Messages {
  return MESSAGES[langOf(element)];
}

/** Clicks the part `name` (default: the button) as a user does. */
export async function clickPart(element: Element, name = 'button'): Promise<void> {
  await userEvent.click(part(element, name));
}

/** Waits until `element` is in the custom state `state` (`:state(busy)` …). */
export async function expectState(element: Element, state: string): Promise<void> {
  await waitFor(() => expect(element.matches(`:state(${state})`)).toBe(true), WAIT);
}

/** Waits until the part `name` says the message `key`, in the element's language. */
export async function expectMessage(
  element: Element,
  name: string,
  key: MessageKey,
): Promise<void> {
  await waitFor(() => expect(partText(element, name)).toBe(messagesOf(element)[key]), WAIT);
}

/** Waits until a status element shows `status` (the reflected attribute). */
export async function expectStatus(element: Element, status: string): Promise<void> {
  await waitFor(() => expect(element.getAttribute('status')).toBe(status), WAIT);
}

/**
 * A `beforeEach` that makes backend calls give up after `ms`, and restores the time-out after. Not on
 * a docs page: the time-out is library-wide, and there it would cut short the other stories' calls
 * (an 8 s "loading" story would show a time-out instead).
 */
export function withTimeout(
  ms: number,
): (context: { viewMode: string }) => (() => void) | undefined {
  return ({ viewMode }) => {
    if (viewMode === 'docs') return undefined;
    const previous = getConfig().timeout;
    configure({ timeout: ms });
    return () => {
      configure({ timeout: previous });
    };
  };
}

/** A `beforeEach` that forgets earlier calls to `endpoint`, so its scenario starts over. */
export function freshEndpoint(endpoint: string): () => void {
  return () => resetEndpoint(endpoint);
}

/** What a `play` function receives that these helpers use. */
interface PlayContext {
  canvasElement: HTMLElement;
  args: { endpoint?: string };
}

/** Errors that trying again may cure (network, time-out, 5xx, 429); the others are refusals. */
const RETRYABLE = new Set<MessageKey>([
  'errorNetwork',
  'errorTimeout',
  'errorInvalidResponse',
  'errorServer',
  'errorTooManyRequests',
]);

/**
 * The `play` of a button story that fails with `key`: a click, the error in words, and "Prøv igjen"
 * where trying again can help, its label kept in the accessible name ("Prøv igjen: Be om tilgang");
 * a refused request keeps its `label`.
 */
export function buttonFailurePlay(
  tag: 'request-consent-button' | 'request-access-button' | 'request-system-user-button',
  key: MessageKey,
  label: MessageKey | ((lang: Lang) => string),
): (context: PlayContext) => Promise<void> {
  return async ({ canvasElement }) => {
    const element = elementIn(canvasElement, tag);
    await clickPart(element);
    await expectState(element, 'error');
    await expectMessage(element, 'error', key);
    const messages = messagesOf(element);
    const labelText = typeof label === 'function' ? label(langOf(element)) : messages[label];
    await waitFor(
      () =>
        expect(partText(element, 'button')).toBe(
          RETRYABLE.has(key) ? `${messages.retry}: ${labelText}` : labelText,
        ),
      WAIT,
    );
  };
}

type StatusTag = 'consent-status' | 'access-request-status' | 'system-user-request-status';

/**
 * The `play` of a status story whose fetch fails with `key`: the error, and the retry button where
 * trying again can help (none for a refusal: 400, 401, 403, 404).
 */
export function statusFailurePlay(
  tag: StatusTag,
  key: MessageKey,
): (context: PlayContext) => Promise<void> {
  return async ({ canvasElement }) => {
    const element = elementIn(canvasElement, tag);
    await expectMessage(element, 'text', key);
    await expect(element.matches(':state(error)')).toBe(true);
    if (RETRYABLE.has(key)) await expectMessage(element, 'retry-button', 'retry');
    else await expect(element.shadowRoot?.querySelector('[part~="retry-button"]')).toBeNull();
  };
}

/** The `play` of a status story without a request: nothing shown, nothing called. */
export function noRequestPlay(tag: StatusTag): (context: PlayContext) => Promise<void> {
  return async ({ canvasElement, args }) => {
    const element = elementIn(canvasElement, tag);
    await expect(part(element, 'base').childElementCount).toBe(0);
    await expect(element.hasAttribute('status')).toBe(false);
    await expect(requestsTo(args.endpoint ?? '')).toHaveLength(0);
  };
}

/** The `play` of a status story during its first fetch: the loading text and `aria-busy`. */
export function loadingPlay(tag: StatusTag): (context: PlayContext) => Promise<void> {
  return async ({ canvasElement }) => {
    const element = elementIn(canvasElement, tag);
    await expectMessage(element, 'text', 'statusLoading');
    await expect(part(element, 'base').getAttribute('aria-busy')).toBe('true');
  };
}
