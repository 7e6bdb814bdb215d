import { LitElement, type PropertyDeclarations } from 'lit';
import { BackendClient } from '../../core/client.js';
import { getConfig } from '../../core/config.js';
import type { AltinnRequestError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { RequestKind } from '../../core/request-status.js';
import { AltinnRequestErrorEvent } from '../../events/altinn-request-error.js';
import { COMMON_TEXTS, errorMessageKey } from '../../i18n/common.js';
import type { CommonMessages } from '../../i18n/nb.js';
import { LanguageController } from '../controllers/language-controller.js';
import { resolveEndpoint } from './navigation.js';

/**
 * What every element of this library has: `endpoint` and `lang`, the messages in the element's
 * language, custom states and events. Behaviour is not here: each element composes the controllers
 * it needs (`src/elements/controllers/`), which reach the element through these members.
 */
export abstract class AltinnElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    lang: { type: String, reflect: true },
  };

  /** The portal backend's base URL. Default: `configure({ endpoint })`, else `/api/altinn`. */
  declare endpoint: string | undefined;

  /** `nb`, `nn` or `en`. Default: the nearest `[lang]` ancestor, `<html lang>`, then the browser's language. */
  declare lang: string;

  /** @internal The kind of request this element handles. */
  abstract readonly kind: RequestKind;

  readonly #language = new LanguageController(this);
  // Not in Node: there `attachInternals` does not exist, and importing must not throw.
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** @internal The language the element speaks now. */
  get language(): Lang {
    return this.#language.lang;
  }

  /** @internal What every element says, in the element's language (each kind has its own texts too). */
  get messages(): CommonMessages {
    return COMMON_TEXTS[this.language];
  }

  /** The backend this element calls: its `endpoint`, else the configured one. */
  get resolvedEndpoint(): string {
    return resolveEndpoint(this.endpoint || getConfig().endpoint);
  }

  /** @internal A client for this element's `endpoint`, with the rest from `configure()`. */
  get client(): BackendClient {
    return new BackendClient(this.endpoint ? { endpoint: this.endpoint } : {});
  }

  /** @internal Dispatches `event` from this element and returns it (to read `defaultPrevented`). */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** @internal Sets one custom state, styleable as `:state(name)`. */
  setCustomState(name: string, on: boolean): void {
    try {
      if (on) this.#internals?.states.add(name);
      else this.#internals?.states.delete(name);
    } catch {
      // Browsers without CustomStateSet still work; they only lose the `:state()` selectors.
    }
  }

  /** @internal The localized text for an error. */
  errorText(error: AltinnRequestError): string {
    return this.messages[errorMessageKey(error.code, error.httpStatus)];
  }

  /** @internal Announces an error to the page as an `altinn-request-error` event. */
  emitError(error: AltinnRequestError): void {
    this.emit(
      new AltinnRequestErrorEvent({
        kind: this.kind,
        code: error.code,
        message: this.errorText(error),
        retryable: error.retryable,
        ...(error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus }),
        ...(error.problem === undefined ? {} : { problem: error.problem }),
      }),
    );
  }
}
