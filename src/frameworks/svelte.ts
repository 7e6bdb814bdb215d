/**
 * `altinn-request-elements/svelte`: types the elements in Svelte templates (`svelte-check`, the
 * Svelte language server), through Svelte's global `svelteHTML.IntrinsicElements`. Types only, and
 * opt-in: name this module once in a project, e.g. in `src/app.d.ts`
 *
 * ```ts
 * import type {} from 'altinn-request-elements/svelte';
 * ```
 *
 * Svelte 5 listens to an event for an attribute named `on` followed by the event's name
 * (`onaltinn-request-created={…}`); Svelte 4's `on:altinn-request-created={…}` is typed too. Svelte
 * sets a name the element has as a property (`rights={[…]}`) as a property. Register the elements
 * with `import 'altinn-request-elements'` in the browser (in SvelteKit, in `onMount` or a client-only
 * module).
 *
 * @example
 * <request-consent-button resource="standard-samtykke-for-dele-data" valid-to="P90D"
 *   onaltinn-request-created={(event) => console.log(event.detail.id)}>Hent inntekt</request-consent-button>
 */
import type { AltinnRequestElements, AltinnRequestTag } from './elements.js';

export type * from './elements.js';

/** An event handler as Svelte types them: `currentTarget` is the element. */
export type SvelteEventHandler<E extends Event, T extends EventTarget> = (
  event: E & { currentTarget: EventTarget & T },
) => unknown;

/** An element's events as Svelte 5 (`onaltinn-…`) and Svelte 4 (`on:altinn-…`) attributes. */
export type SvelteCustomEventProps<Events, T extends EventTarget> = {
  [Name in keyof Events & string as `on${Name}`]?: Events[Name] extends Event
    ? SvelteEventHandler<Events[Name], T> | null
    : never;
} & {
  [Name in keyof Events & string as `on:${Name}`]?: Events[Name] extends Event
    ? SvelteEventHandler<Events[Name], T> | null
    : never;
};

/**
 * The global attributes a page may put on any of the elements. Svelte's own, fuller
 * `HTMLAttributes` live in `svelte/elements`, which this file does not import, so that it type-checks
 * without Svelte installed.
 */
export type SvelteGlobalAttributes = {
  class?: string | null;
  id?: string | null;
  style?: string | null;
  slot?: string | null;
  title?: string | null;
  hidden?: boolean | null;
  tabindex?: number | null;
  role?: string | null;
  part?: string | null;
  inert?: boolean | null;
} & { [Name in `aria-${string}`]?: string | number | boolean | null } & {
  [Name in `data-${string}`]?: unknown;
};

/** Everything a tag takes in a Svelte template: its properties, attributes and events. */
export type SvelteElementProps<Tag extends AltinnRequestTag> = Omit<
  SvelteGlobalAttributes,
  keyof AltinnRequestElements[Tag]['props']
> &
  AltinnRequestElements[Tag]['props'] &
  SvelteCustomEventProps<
    AltinnRequestElements[Tag]['events'],
    AltinnRequestElements[Tag]['element']
  >;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Svelte's template types live in a namespace.
  namespace svelteHTML {
    interface IntrinsicElements {
      'request-consent-button': SvelteElementProps<'request-consent-button'>;
      'consent-status': SvelteElementProps<'consent-status'>;
      'request-access-button': SvelteElementProps<'request-access-button'>;
      'access-request-status': SvelteElementProps<'access-request-status'>;
      'request-system-user-button': SvelteElementProps<'request-system-user-button'>;
      'system-user-request-status': SvelteElementProps<'system-user-request-status'>;
      'altinn-request-list': SvelteElementProps<'altinn-request-list'>;
    }
  }
}
