/**
 * What a consent page of the demo shows once the consent is accepted: the data the bank's server
 * fetched from the data owner with the consent token. The page never holds the token; it asks the
 * bank's own server (`/api/demo/income`), and shows the answer as text only.
 */
import type { Lang, PageTexts } from './shell.js';

interface Income {
  year: string;
  amount: number;
}

/** Shows the income under the page's `status` element once it reads `accepted`. */
export function showIncomeOnAcceptance(texts: PageTexts): (lang: Lang) => void {
  let lang: Lang = 'nb';
  let incomes: Income[] | undefined;
  const box = document.querySelector<HTMLElement>('#income');
  const list = document.querySelector<HTMLElement>('#income-list');
  const failed = document.querySelector<HTMLElement>('#income-failed');

  function show(): void {
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
        term.textContent = texts[lang].incomeYear?.replace('{year}', year) ?? year;
        const value = document.createElement('dd');
        value.textContent = money.format(amount);
        row.append(term, value);
        return row;
      }),
    );
    box.hidden = false;
  }

  async function fetchIncome(consentId: string): Promise<void> {
    try {
      const response = await fetch(`/api/demo/income?consentId=${encodeURIComponent(consentId)}`);
      if (!response.ok) throw new Error(String(response.status));
      incomes = ((await response.json()) as { incomes: Income[] }).incomes;
      if (failed) failed.hidden = true;
      show();
    } catch {
      if (failed) failed.hidden = false;
    }
  }

  document.querySelector('consent-status')?.addEventListener('altinn-status-change', (event) => {
    if (event.detail.status === 'accepted') void fetchIncome(event.detail.id);
    else {
      incomes = undefined;
      if (box) box.hidden = true;
    }
  });
  return (chosen) => {
    lang = chosen;
    show();
  };
}
