import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getConfig } from '../../core/config.js';
import { DEFAULT_LANG, normaliseLang, type Lang } from '../../core/lang.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The parent element, stepping out of a shadow root to its host. */
function parentAcrossShadow(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The element's language: its own `lang`, then `configure({ lang })`, then the nearest `[lang]`
 * ancestor (shadow roots crossed, `<html>` included), then the browser's language. The first value found
 * decides; one that is not nb, nn or en gives bokmål.
 */
export function resolveLang(element: HTMLElement): Lang {
  // The property, not the attribute: lit renders before it reflects a new `lang` to the attribute.
  const own = element.lang;
  if (own) return normaliseLang(own) ?? DEFAULT_LANG;
  const configured = getConfig().lang;
  if (configured) return configured;
  for (let node = parentAcrossShadow(element); node; node = parentAcrossShadow(node)) {
    const value = node.getAttribute('lang');
    if (value) return normaliseLang(value) ?? DEFAULT_LANG;
  }
  return normaliseLang(globalThis.navigator?.language) ?? DEFAULT_LANG;
}

/*
 * One observer for every element on the page: a language switch that changes `<html lang>` or a
 * container's `lang` re-renders the elements in the new language.
 */
const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function updateAll(): void {
  for (const host of hosts) host.requestUpdate();
}

function subscribe(host: Host): void {
  hosts.add(host);
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(updateAll);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  globalThis.addEventListener('languagechange', updateAll);
}

function unsubscribe(host: Host): void {
  hosts.delete(host);
  if (hosts.size > 0 || !observer) return;
  observer.disconnect();
  observer = undefined;
  globalThis.removeEventListener('languagechange', updateAll);
}

/** Keeps a host's language current; read it with {@link LanguageController.lang}. */
export class LanguageController implements ReactiveController {
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The language found for the update under way: a render asks for it many times. */
  #updating: Lang | undefined;

  get lang(): Lang {
    return this.#updating ?? resolveLang(this.#host);
  }

  hostUpdate(): void {
    this.#updating = resolveLang(this.#host);
  }

  hostUpdated(): void {
    this.#updating = undefined;
  }

  hostConnected(): void {
    subscribe(this.#host);
  }

  hostDisconnected(): void {
    unsubscribe(this.#host);
  }
}
