/**
 * The consent page ("Søknad om boliglån"): its texts (in `consent-texts.ts`), the hint shown
 * until the consent has a status, and the income the bank's server fetches with the consent token
 * once the consent is accepted. The rest (the Altinn origin, the language switch, the event log)
 * is in `portal.ts`.
 */
import { CONSENT_TEXTS } from './consent-texts.js';
import { hideUntilRequest, startPortalPage, type Lang } from './portal.js';

interface Income {
  year: string;
  amount: number;
  currency: string;
}

let lang: Lang = 'nb';
let incomes: Income[] | undefined;

/** The fetched incomes, as text only, in the page's language. */
function showIncome(): void {
  const box = document.querySelector<HTMLElement>('#income');
  const list = document.querySelector<HTMLElement>('#income-list');
  if (!box || !list || !incomes) return;
  const money = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
  });
  list.replaceChildren(
    ...incomes.map(({ year, amount }) => {
      const row = document.createElement('div');
      const term = document.createElement('dt');
      term.textContent = CONSENT_TEXTS[lang].incomeYear?.replace('{year}', year) ?? year;
      const value = document.createElement('dd');
      value.textContent = money.format(amount);
      row.append(term, value);
      return row;
    }),
  );
  box.hidden = false;
}

/** Asks the bank's own server for the income; it holds the consent token, the page never does. */
async function fetchIncome(consentId: string): Promise<void> {
  const failed = document.querySelector<HTMLElement>('#income-failed');
  try {
    const response = await fetch(`/api/demo/income?consentId=${encodeURIComponent(consentId)}`);
    if (!response.ok) throw new Error(String(response.status));
    incomes = ((await response.json()) as { incomes: Income[] }).incomes;
    if (failed) failed.hidden = true;
    showIncome();
  } catch {
    if (failed) failed.hidden = false;
  }
}

startPortalPage(CONSENT_TEXTS, {
  onLanguage: (chosen) => {
    lang = chosen;
    showIncome();
  },
});

const status = document.querySelector('consent-status');
// "No request yet", until the status element has a request to show.
hideUntilRequest(status, document.querySelector<HTMLElement>('#status-none'));
status?.addEventListener('altinn-status-change', (event) => {
  if (event.detail.status === 'accepted') void fetchIncome(event.detail.id);
  else document.querySelector<HTMLElement>('#income')?.setAttribute('hidden', '');
});
