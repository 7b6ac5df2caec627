/**
 * Two panels of the officers' workspace: "Nog te schrijven" (burglaries of the last 14 days
 * whose cocoon had no letter yet, newest first, with the hours since; "Brieven voorbereiden"
 * fills the letter form with the burglary and its street) and "Verstuurde brieven" (the
 * campaigns: when, by whom, kind, counts, status, downloads; cancel until printed, retry the
 * failed letters). Both reload after a campaign is created, cancelled or retried.
 */
import { api, ApiError, type CampaignListItem, type TodoIncident } from './api';
import { byId } from './by-id';
import { dataTable } from './data-table';
import { stateText, type CampaignProgress } from './campaign-progress';
import { dateTimeText, methodText } from './format';
import { lang } from './i18n';
import { kindText, t } from './office-texts';
import type { OfficerStore } from './officer-store';

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
    const { table, body } = dataTable(t('campaignsCaption'), [
      t('colNumber'),
      t('colCreated'),
      t('colKind'),
      t('colLetters'),
      t('colStatus'),
      t('colActions'),
    ]);
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
        actions.append(
          this.action(t('retry'), t('retryLabel', { id: c.id }), () => api.retryCampaign(c.id)),
          failureReasons(c.id),
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
    const { table, body } = dataTable(t('streetsCaption'), [
      t('colStreet'),
      t('colLast'),
      t('colDays'),
      t('colCampaigns'),
      t('colHistory'),
    ]);
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

/** The failed letters of a campaign with their reasons, fetched when opened. */
function failureReasons(campaignId: number): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = 'pk-failures';
  const summary = document.createElement('summary');
  summary.textContent = t('why');
  const list = document.createElement('ul');
  details.append(summary, list);
  details.addEventListener('toggle', () => {
    if (!details.open || list.childElementCount) return;
    void api.campaign(campaignId).then(
      (s) =>
        list.replaceChildren(
          ...s.failures.map((f) =>
            Object.assign(document.createElement('li'), {
              textContent: t('letterFailed', { id: f.letterId, reason: f.reason ?? t('noReason') }),
            }),
          ),
        ),
      (err: Error) => (list.textContent = err.message),
    );
  });
  return details;
}
