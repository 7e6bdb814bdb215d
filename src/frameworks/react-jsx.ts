/**
 * `altinn-request-elements/react-jsx`: types the bare tags (`<request-consent-button>` …) in React 19's
 * JSX. Types only, and opt-in: name this module once in a project, e.g. in any `.ts` file
 *
 * ```ts
 * import type {} from 'altinn-request-elements/react-jsx';
 * ```
 *
 * or in tsconfig.json (`"types": ["altinn-request-elements/react-jsx"]`). The elements themselves
 * are registered by `import 'altinn-request-elements'`, before the first render.
 *
 * React 19 sets a prop the element has as a property (`validTo`, `rights`, `requestMessage`) and any
 * other as an attribute (`valid-to="P90D"`), and listens to an event for a prop named `on` followed
 * by the event's name, exactly as it is spelled: `onaltinn-request-created`, not
 * `onAltinnRequestCreated` (a prop ending in `Capture` listens in the capture phase). For camelCase
 * event props, use the wrappers of `altinn-request-elements/react`, which also work in React 18.
 *
 * @example
 * <request-consent-button
 *   resource="standard-samtykke-for-dele-data"
 *   valid-to="P90D"
 *   onaltinn-request-created={(event) => console.log(event.detail.id)}
 * >
 *   Hent inntekt
 * </request-consent-button>
 */
import type * as React from 'react';
import type { AltinnRequestElements, AltinnRequestTag } from './elements.js';

export type * from './elements.js';

/** An element's events as React 19 props: `on<event-name>`, and `on<event-name>Capture`. */
export type ReactCustomEventProps<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void;
} & {
  [Name in keyof Events & string as `on${Name}Capture`]?: (event: Events[Name]) => void;
};

/** Everything a bare tag takes in React 19: its own properties, attributes and events, and React's. */
export type ReactElementProps<Tag extends AltinnRequestTag> = Omit<
  React.DetailedHTMLProps<
    React.HTMLAttributes<AltinnRequestElements[Tag]['element']>,
    AltinnRequestElements[Tag]['element']
  >,
  keyof AltinnRequestElements[Tag]['props']
> &
  AltinnRequestElements[Tag]['props'] &
  ReactCustomEventProps<AltinnRequestElements[Tag]['events']> & {
    /** React 19 passes `class` to a custom element as it is; `className` works as well. */
    class?: string;
  };

/** The bare tags' props, by tag: what this module adds to React's `JSX.IntrinsicElements`. */
export type AltinnRequestJsxElements = { [Tag in AltinnRequestTag]: ReactElementProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'request-consent-button': ReactElementProps<'request-consent-button'>;
      'consent-status': ReactElementProps<'consent-status'>;
      'request-access-button': ReactElementProps<'request-access-button'>;
      'access-request-status': ReactElementProps<'access-request-status'>;
      'request-system-user-button': ReactElementProps<'request-system-user-button'>;
      'system-user-request-status': ReactElementProps<'system-user-request-status'>;
      'altinn-request-list': ReactElementProps<'altinn-request-list'>;
    }
  }
}
