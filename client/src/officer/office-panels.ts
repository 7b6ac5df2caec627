/**
 * Two panels of the officers' workspace: "Nog te schrijven" (burglaries of the last 14 days
 * whose cocoon had no letter yet, newest first, with the hours since; "Brieven voorbereiden"
 * fills the letter form with the burglary and its street) and "Verstuurde brieven" (the
 * campaigns: when, by whom, kind, counts, status, downloads; cancel until printed, retry the
 * failed letters). Both reload after a campaign is created, cancelled or retried.
 */
import { api, ApiError, type CampaignListItem, type TodoIncident } from './api';
import { byId } from './by-id';
import { stateText, type CampaignProgress } from './campaign-progress';
import { dateTimeText, methodText } from './format';
import { lang, messages } from './i18n';
import type { OfficerStore } from './officer-store';

const t = messages({
  nl: {
    kindCocoon: 'Waarschuwing buren',
    kindEvening: 'Uitnodiging avond',
    kindVictim: 'Advies slachtoffer',
    nothingToDo: 'Niets te doen.',
    noStreet: 'zonder straat',
    unknownStreet: 'onbekende straat',
    attempt: ' (poging)',
    hoursAgo: '{n} uur geleden',
    prepare: 'Brieven voorbereiden',
    prepareLabel: 'Brieven voorbereiden voor de inbraak in {street}',
    noCampaigns: 'Nog geen campagnes.',
    campaignsCaption: 'Campagnes, nieuwste eerst',
    colNumber: 'Nr.',
    colCreated: 'Aangemaakt',
    colKind: 'Soort',
    colLetters: 'Brieven',
    colStatus: 'Status',
    colActions: 'Acties',
    createdBy: '{when} door {who}',
    street1: 'straat',
    streets: 'straten',
    failed: ', {n} mislukt',
    printed: ', gedrukt',
    printFile: 'Drukbestand',
    printFileLabel: 'Drukbestand van campagne {id}',
    cancel: 'Annuleren',
    cancelLabel: 'Campagne {id} annuleren',
    retry: 'Opnieuw proberen',
    retryLabel: 'Mislukte brieven van campagne {id} opnieuw proberen',
    noLetters: 'Nog geen brieven verstuurd.',
    streetsCaption: 'Straten met brieven, laatste brief eerst',
    colStreet: 'Straat',
    colLast: 'Laatste brief',
    colDays: 'Dagen geleden',
    colCampaigns: 'Campagnes',
    colHistory: 'Geschiedenis',
    history: 'Geschiedenis',
    historyLabel: 'Geschiedenis: brieven aan {street}',
    lettersTo: 'Brieven aan {street}',
    letter1: 'brief',
    letters: 'brieven',
    historyLine: '{when}: {kind}, {n} {letters} (campagne {id}, door {who})',
  },
  en: {
    kindCocoon: 'Warning to neighbours',
    kindEvening: 'Evening invitation',
    kindVictim: 'Advice to victim',
    nothingToDo: 'Nothing to do.',
    noStreet: 'no street',
    unknownStreet: 'unknown street',
    attempt: ' (attempt)',
    hoursAgo: '{n} hours ago',
    prepare: 'Prepare letters',
    prepareLabel: 'Prepare letters for the burglary in {street}',
    noCampaigns: 'No campaigns yet.',
    campaignsCaption: 'Campaigns, newest first',
    colNumber: 'No.',
    colCreated: 'Created',
    colKind: 'Kind',
    colLetters: 'Letters',
    colStatus: 'Status',
    colActions: 'Actions',
    createdBy: '{when} by {who}',
    street1: 'street',
    streets: 'streets',
    failed: ', {n} failed',
    printed: ', printed',
    printFile: 'Print file',
    printFileLabel: 'Print file of campaign {id}',
    cancel: 'Cancel',
    cancelLabel: 'Cancel campaign {id}',
    retry: 'Retry',
    retryLabel: 'Retry the failed letters of campaign {id}',
    noLetters: 'No letters sent yet.',
    streetsCaption: 'Streets with letters, latest letter first',
    colStreet: 'Street',
    colLast: 'Latest letter',
    colDays: 'Days ago',
    colCampaigns: 'Campaigns',
    colHistory: 'History',
    history: 'History',
    historyLabel: 'History: letters to {street}',
    lettersTo: 'Letters to {street}',
    letter1: 'letter',
    letters: 'letters',
    historyLine: '{when}: {kind}, {n} {letters} (campaign {id}, by {who})',
  },
});

/** The short name of a kind of letter, in the page's language. */
export function kindText(kind: string): string {
  return kind === 'cocoon'
    ? t('kindCocoon')
    : kind === 'evening'
      ? t('kindEvening')
      : kind === 'victim'
        ? t('kindVictim')
        : kind;
}

export class OfficePanels {
  /** @param progress - its campaigns being created or finished reload the lists */
  constructor(
    private readonly store: OfficerStore,
    progress: CampaignProgress,
  ) {
    store.subscribe(['municipality'], () => void this.reload());
    progress.onChange = () => void this.reload();
  }

  /** Reloads the panels (to do, campaigns, streets with letters) for the current municipality. */
  async reload(): Promise<void> {
    const m = this.store.get().municipality;
    if (!m) return;
    await Promise.all([
      api.todo(m.code).then(
        (r) => this.drawTodo(r.incidents),
        (e: Error) => (byId('pk-todo').textContent = e.message),
      ),
      api.campaigns(m.code).then(
        (r) => this.drawCampaigns(r.campaigns),
        (e: Error) => (byId('pk-campaigns').textContent = e.message),
      ),
      api.letterAge(m.code).then(
        (r) => this.drawStreets(r.streets),
        (e: Error) => (byId('pk-street-letters').textContent = e.message),
      ),
    ]);
  }

  private drawTodo(items: TodoIncident[]): void {
    byId('pk-todo-count').textContent = items.length ? `(${items.length})` : '';
    const list = byId('pk-todo');
    if (!items.length) {
      list.replaceChildren(Object.assign(document.createElement('li'), { textContent: t('nothingToDo') }));
      return;
    }
    list.replaceChildren(
      ...items.map((i) => {
        const li = document.createElement('li');
        li.dataset.incidentId = String(i.incidentId);
        const text = document.createElement('span');
        text.textContent = `${i.street.name ?? t('noStreet')} · ${methodText(i.modusOperandi)}${i.attempt ? t('attempt') : ''} · ${t('hoursAgo', { n: i.hoursSince })}`;
        if (i.hoursSince > 48) text.classList.add('pk-late');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'pk-button pk-button-secondary';
        b.textContent = t('prepare');
        b.setAttribute('aria-label', t('prepareLabel', { street: i.street.name ?? t('unknownStreet') }));
        b.addEventListener('click', () => this.prepare(i));
        li.append(text, b);
        return li;
      }),
    );
  }

  /** Fills the letter form: a cocoon warning about this burglary to its street. */
  private prepare(i: TodoIncident): void {
    byId<HTMLSelectElement>('pk-kind').value = 'cocoon';
    byId('pk-kind').dispatchEvent(new Event('change'));
    this.store.setLetterTarget('streets');
    if (i.street.id !== null) this.store.toggleStreet(i.street.id, i.street.name ?? '', true);
    this.store.selectIncident(i.incidentId);
    const section = byId<HTMLDetailsElement>('pk-letters');
    section.open = true;
    byId('pk-kind').focus();
  }

  private drawCampaigns(items: CampaignListItem[]): void {
    const host = byId('pk-campaigns');
    if (!items.length) {
      host.textContent = t('noCampaigns');
      return;
    }
    const table = document.createElement('table');
    table.className = 'pk-table';
    table.createCaption().textContent = t('campaignsCaption');
    const head = table.createTHead().insertRow();
    for (const h of [
      t('colNumber'),
      t('colCreated'),
      t('colKind'),
      t('colLetters'),
      t('colStatus'),
      t('colActions'),
    ]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const c of items) {
      const row = body.insertRow();
      row.dataset.campaignId = String(c.id);
      row.insertCell().textContent = String(c.id);
      row.insertCell().textContent = t('createdBy', { when: dateTimeText(c.createdAt), who: c.createdBy });
      row.insertCell().textContent = kindText(c.kind);
      row.insertCell().textContent = `${c.counts.letters} (${c.streets} ${c.streets === 1 ? t('street1') : t('streets')})${c.counts.failed ? t('failed', { n: c.counts.failed }) : ''}`;
      row.insertCell().textContent = stateText(c.status) + (c.printedAt ? t('printed') : '');
      const actions = row.insertCell();
      if (c.counts.rendered && c.status !== 'cancelled' && c.status !== 'rendering') {
        const a = document.createElement('a');
        a.href = `/api/campaigns/${c.id}/letters.pdf`;
        a.textContent = t('printFile');
        a.setAttribute('aria-label', t('printFileLabel', { id: c.id }));
        actions.appendChild(a);
      }
      if (c.cancellable)
        actions.appendChild(
          this.action(t('cancel'), t('cancelLabel', { id: c.id }), () => api.cancelCampaign(c.id)),
        );
      if (c.counts.failed && c.status !== 'cancelled')
        actions.appendChild(
          this.action(t('retry'), t('retryLabel', { id: c.id }), () => api.retryCampaign(c.id)),
        );
    }
    host.replaceChildren(table);
  }

  /** Streets with letters, most recent first: days since the last one; a button opens the street's history. */
  private drawStreets(
    streets: Array<{ streetId: number; name: string; lastAt: string; days: number; campaigns: number }>,
  ): void {
    this.store.lettersLoaded(streets);
    const host = byId('pk-street-letters');
    if (!streets.length) {
      host.textContent = t('noLetters');
      return;
    }
    const table = document.createElement('table');
    table.className = 'pk-table';
    table.createCaption().textContent = t('streetsCaption');
    const head = table.createTHead().insertRow();
    for (const h of [t('colStreet'), t('colLast'), t('colDays'), t('colCampaigns'), t('colHistory')]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const s of [...streets].sort((a, b) => a.days - b.days || a.name.localeCompare(b.name, lang()))) {
      const row = body.insertRow();
      row.dataset.streetId = String(s.streetId);
      row.insertCell().textContent = s.name;
      row.insertCell().textContent = dateTimeText(s.lastAt);
      row.insertCell().textContent = String(s.days);
      row.insertCell().textContent = String(s.campaigns);
      row
        .insertCell()
        .appendChild(
          this.action(
            t('history'),
            t('historyLabel', { street: s.name }),
            () => this.showHistory(s.streetId),
            false,
          ),
        );
    }
    host.replaceChildren(table);
  }

  private async showHistory(streetId: number): Promise<void> {
    const h = await api.streetLetters(streetId);
    const box = byId('pk-street-history');
    const title = document.createElement('h4');
    title.textContent = t('lettersTo', { street: h.street.name });
    const ul = document.createElement('ul');
    for (const l of h.letters) {
      const li = document.createElement('li');
      li.textContent = t('historyLine', {
        when: dateTimeText(l.sentAt),
        kind: kindText(l.kind),
        n: l.letters,
        letters: l.letters === 1 ? t('letter1') : t('letters'),
        id: l.campaignId,
        who: l.createdBy,
      });
      ul.appendChild(li);
    }
    box.replaceChildren(title, ul);
  }

  private action(text: string, label: string, run: () => Promise<unknown>, reload = true): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'pk-button pk-button-secondary';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', () => {
      b.disabled = true;
      void run().then(
        async () => {
          if (reload) await this.reload();
          else b.disabled = false;
        },
        (err: unknown) => {
          b.disabled = false;
          b.title = err instanceof ApiError ? err.message : String(err);
        },
      );
    });
    return b;
  }
}
