import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { configure, getConfig } from '../src/core/config.js';
import { trustedAltinnUrl } from '../src/core/redirect-guard.js';
import manifest from '../custom-elements.json';
import { fakeFetch, navigate, openWindow } from '../stories/support/fake-backend.js';
import { forStorybook, type Manifest } from '../stories/support/manifest.js';

// The docs tables (attributes, properties, events, slots, CSS parts and custom properties) come from
// the Custom Elements Manifest that `npm run analyze` writes.
setCustomElementsManifest(forStorybook(manifest as unknown as Manifest));

// The backend, Altinn and the browser's navigation are played inside the preview: no server, and
// nothing ever leaves the Storybook iframe.
configure({ fetch: fakeFetch, navigate, openWindow });

// "Fortsett i Altinn" and "Åpne Altinn" are plain links: log them instead of following them.
document.addEventListener(
  'click',
  (event) => {
    const anchor = event
      .composedPath()
      .find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    if (!anchor || !trustedAltinnUrl(anchor.href, getConfig().altinnOrigins)) return;
    event.preventDefault();
    action(anchor.target === '_blank' ? 'link to Altinn (new tab)' : 'link to Altinn')(anchor.href);
  },
  { capture: true },
);

const preview: Preview = {
  parameters: {
    // Every story must pass axe: a violation fails the story's test.
    a11y: { test: 'error' },
    controls: { expanded: true },
    docs: { toc: true },
    options: {
      storySort: {
        order: [
          'Elements',
          [
            'request-consent-button',
            'consent-status',
            'request-access-button',
            'access-request-status',
          ],
        ],
      },
    },
  },
  globalTypes: {
    lang: {
      description: 'The language of the page around the elements (`lang` on a wrapper)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'nb', title: 'Bokmål (nb)' },
          { value: 'nn', title: 'Nynorsk (nn)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'nb' },
  decorators: [
    // Elements without a `lang` of their own speak the language of the nearest `[lang]` ancestor.
    (story, { globals }) =>
      html`<div lang=${typeof globals.lang === 'string' ? globals.lang : 'nb'}>${story()}</div>`,
  ],
};

export default preview;
