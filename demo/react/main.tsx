/**
 * The React page: a React 19 app renders the consent step with the React components of
 * `altinn-request-elements/react`. The header, language switch and footer are the portal's
 * (`portal.ts`); the app re-renders in the language the user picks.
 */
// First: React Fast Refresh's preamble, as a module, since the page's CSP refuses inline scripts.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appTexts } from '../app-texts.js';
import { startPortalPage } from '../portal.js';
import { ConsentStep } from './ConsentStep.js';

const container = document.querySelector('#app');
if (container) {
  const root = createRoot(container);
  startPortalPage(appTexts('React'), {
    eventLogKey: 'demobanken:events:react',
    onLanguage: (lang) =>
      root.render(
        <StrictMode>
          <ConsentStep lang={lang} />
        </StrictMode>,
      ),
  });
}
