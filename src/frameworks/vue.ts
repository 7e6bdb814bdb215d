/**
 * `altinn-request-elements/vue`: types the elements in Vue 3 templates (`vue-tsc`, Volar), through
 * Vue's `GlobalComponents`, the way Vue's guide types custom elements that are not built with Vue.
 * Types only, and opt-in: name this module once in a project, e.g. in `src/env.d.ts` or any `.ts`
 * file
 *
 * ```ts
 * import type {} from 'altinn-request-elements/vue';
 * ```
 *
 * At run time Vue must render the tags as custom elements, not look them up as components: in
 * vite.config.ts,
 *
 * ```ts
 * vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } })
 * ```
 *
 * and register the elements with `import 'altinn-request-elements'` before `createApp(…).mount()`.
 *
 * @example
 * <request-consent-button
 *   :rights.prop="rights"
 *   valid-to="P90D"
 *   @altinn-request-created="(event) => log(event.detail.id)"
 * >Hent inntekt</request-consent-button>
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { AltinnRequestElements, AltinnRequestTag } from './elements.js';

export type * from './elements.js';

/** An element's events in the shape Vue reads `$emit` in: `(event) => void` by event name. */
export type VueEmit<Events> = EmitFn<{
  [Name in keyof Events & string]: (event: Events[Name]) => void;
}>;

/**
 * One element, for `GlobalComponents`: its instance type, with `$props` and `$emit` for template
 * type checking only (they do not exist on the element). The props are the element's properties in
 * camelCase: vue-tsc reads `valid-to="P90D"` as `validTo`. Objects and arrays are best bound as
 * properties, `:rights.prop="rights"`; numbers with `:`, `:poll-interval="2000"`.
 */
export type DefineAltinnElement<Tag extends AltinnRequestTag> =
  new () => AltinnRequestElements[Tag]['element'] & {
    /** @deprecated For template type checking only: not on the element. */
    $props: Omit<HTMLAttributes, keyof AltinnRequestElements[Tag]['properties']> &
      AltinnRequestElements[Tag]['properties'] &
      PublicProps;
    /** @deprecated For template type checking only: not on the element. */
    $emit: VueEmit<AltinnRequestElements[Tag]['events']>;
  };

declare module 'vue' {
  /**
   * The global `slot` attribute, for the elements' named slots (`<span slot="accepted">`): Vue's
   * own types leave it out (Vue 2 used it for its slots), so `strictTemplates` would refuse it.
   */
  interface HTMLAttributes {
    slot?: string | undefined;
  }

  interface GlobalComponents {
    'request-consent-button': DefineAltinnElement<'request-consent-button'>;
    'consent-status': DefineAltinnElement<'consent-status'>;
    'request-access-button': DefineAltinnElement<'request-access-button'>;
    'access-request-status': DefineAltinnElement<'access-request-status'>;
    'request-system-user-button': DefineAltinnElement<'request-system-user-button'>;
    'system-user-request-status': DefineAltinnElement<'system-user-request-status'>;
    'altinn-request-list': DefineAltinnElement<'altinn-request-list'>;
  }
}
