import { LitElement, type PropertyDeclarations } from 'lit';
import { BackendClient } from '../../core/client.js';
import { getConfig } from '../../core/config.js';
import type { AltinnRequestError } from '../../core/errors.js';
import type { Lang } from '../../core/lang.js';
import type { RequestKind } from '../../core/status.js';
import { AltinnRequestErrorEvent } from '../../events/altinn-request-error.js';
import { errorMessageKey, messagesFor, type Messages } from '../../i18n/index.js';
import { LanguageController } from './language-controller.js';
import { resolveEndpoint } from './navigation.js';

/**
 * What every element of this library shares: `endpoint` and `lang`, the messages in the element's
 * language, the backend client, custom states, and `emit()`.
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

  /** The kind of request this element handles, for events. */
  protected abstract readonly kind: RequestKind;

  readonly #language = new LanguageController(this);
  // Not in Node: there `attachInternals` does not exist, and importing must not throw.
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The language the element speaks now. */
  protected get language(): Lang {
    return this.#language.lang;
  }

  /** The messages in the element's language. */
  protected get messages(): Messages {
    return messagesFor(this.language);
  }

  /** The backend this element calls: its `endpoint`, else the configured one. */
  get resolvedEndpoint(): string {
    return resolveEndpoint(this.endpoint || getConfig().endpoint);
  }

  /** A client for this element's `endpoint`, with the rest from `configure()`. */
  protected get client(): BackendClient {
    return new BackendClient(this.endpoint ? { endpoint: this.endpoint } : {});
  }

  /** Dispatches `event` from this element and returns it (to read `defaultPrevented`). */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** Sets one custom state, styleable as `:state(name)`. */
  protected setCustomState(name: string, on: boolean): void {
    try {
      if (on) this.#internals?.states.add(name);
      else this.#internals?.states.delete(name);
    } catch {
      // Browsers without CustomStateSet still work; they only lose the `:state()` selectors.
    }
  }

  /** The localized text for an error. */
  protected errorText(error: AltinnRequestError): string {
    return this.messages[errorMessageKey(error.code, error.httpStatus)];
  }

  /** Announces an error to the page as an `altinn-request-error` event. */
  protected emitError(error: AltinnRequestError): void {
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
