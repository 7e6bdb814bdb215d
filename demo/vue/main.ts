/**
 * The Vue page: a Vue 3 app renders the consent step with the elements themselves in its template
 * (vite.config.ts tells Vue's compiler they are custom elements). The header, language switch and
 * footer are the portal's (`portal.ts`); the app re-renders in the language the user picks.
 */
// With @vitejs/plugin-react in the same Vite config, plugin-vue also runs React Fast Refresh's
// transform over the SFCs' TypeScript (vitejs/vite-plugin-vue#798): a `use…` call then needs
// `$RefreshSig$`, which React's preamble defines (as a no-op, outside React's own modules).
import '@vitejs/plugin-react/preamble';
// Then: register the elements, so that Vue finds them defined when it sets their properties.
import 'altinn-request-elements';
import { createApp, h, ref } from 'vue';
import type { Lang } from '../shell.js';
import { appTexts } from '../app-texts.js';
import { startPortalPage } from '../portal.js';
import ConsentStep from './ConsentStep.vue';

const lang = ref<Lang>('nb');
startPortalPage(appTexts('Vue'), {
  eventLogKey: 'demobanken:events:vue',
  onLanguage: (next) => {
    lang.value = next;
  },
});
createApp({ render: () => h(ConsentStep, { lang: lang.value }) }).mount('#app');
