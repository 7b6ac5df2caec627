/**
 * A campaign's progress under the letter form: the counts, pushed by the server as events
 * (GET /api/campaigns/:id/events, an EventSource) until every letter is rendered, then the print file, the zip and the print shop's address list; the addresses left
 * out (only the answer to the POST lists them).
 */
import { api, type CampaignStatus, type CreatedCampaign } from './api';
import { byId } from './by-id';
import { dateTimeText } from './format';
import { messages } from './i18n';

const t = messages({
  nl: {
    pdf: 'Drukbestand (PDF, op postcode)',
    zip: 'Eén PDF per adres (zip)',
    manifest: 'Adreslijst voor de drukker (CSV)',
    rendering: 'brieven worden gemaakt',
    done: 'klaar',
    done_with_failures: 'klaar, met fouten',
    cancelled: 'geannuleerd',
    heading: 'Campagne {id}: {state}',
    total: 'Brieven',
    rendered: 'Gemaakt',
    failed: 'Mislukt',
    excluded: 'Uitgesloten',
    created: 'Aangemaakt',
    progress: 'Voortgang van het maken van de brieven',
    waiting: 'De downloads komen hier zodra alle brieven gemaakt zijn (de brievenwerker moet draaien).',
    failures: 'Mislukt: {list}',
    letter: 'brief {id}',
    notAgain: 'Niet opnieuw aangeschreven ({n})',
  },
  en: {
    pdf: 'Print file (PDF, by postcode)',
    zip: 'One PDF per address (zip)',
    manifest: 'Address list for the print shop (CSV)',
    rendering: 'letters being made',
    done: 'done',
    done_with_failures: 'done, with failures',
    cancelled: 'cancelled',
    heading: 'Campaign {id}: {state}',
    total: 'Letters',
    rendered: 'Made',
    failed: 'Failed',
    excluded: 'Left out',
    created: 'Created',
    progress: 'Progress of making the letters',
    waiting: 'The downloads appear here once every letter is made (the letter worker must be running).',
    failures: 'Failed: {list}',
    letter: 'letter {id}',
    notAgain: 'Not written to again ({n})',
  },
});

const DOWNLOADS = [
  ['letters.pdf', 'pdf'],
  ['letters.zip', 'zip'],
  ['manifest.csv', 'manifest'],
] as const;

/** A campaign's state in words, in the page's language (also used by the campaign list). */
export function stateText(state: CampaignStatus['status']): string {
  return t(state);
}

/** The progress box of the campaign last created on this page. */
export class CampaignProgress {
  private source: EventSource | undefined;
  /** Addresses left out of the last campaign. */
  private excludedList: HTMLElement | null = null;
  /** The last campaign created on this page (tests read it through window.preventiekaartIntern). */
  campaign: CampaignStatus | undefined;

  /** Called when a campaign is created and when it is done (the lists reload). */
  onChange: () => void = () => undefined;

  constructor(private readonly host: HTMLElement = byId('pk-campaign')) {}

  /** Shows a campaign just created and follows its pushed status until it is no longer rendering. */
  start(created: CreatedCampaign): void {
    this.excludedList = created.excludedAddresses.length ? excludedBox(created.excludedAddresses) : null;
    this.show(created);
    this.onChange();
    if (created.status === 'rendering') this.follow(created.id);
  }

  /** Stops following (at sign-out, or when done). */
  stop(): void {
    this.source?.close();
    this.source = undefined;
  }

  private follow(id: number): void {
    this.stop();
    // The browser reconnects by itself after a network error; the server ends the stream when done.
    const source = new EventSource(`/api/campaigns/${id}/events`);
    source.addEventListener('status', (e) => {
      if (this.campaign?.id !== id) return;
      const s = JSON.parse((e as MessageEvent<string>).data) as CampaignStatus;
      this.show(s);
      if (s.status !== 'rendering') {
        this.stop();
        this.onChange();
      }
    });
    source.addEventListener('error', () => {
      // Closed for good (e.g. signed out): one last look, so the box does not stay stale.
      if (source.readyState === EventSource.CLOSED)
        void api.campaign(id).then((s) => this.campaign?.id === id && this.show(s));
    });
    this.source = source;
  }

  private show(s: CampaignStatus): void {
    this.campaign = s;
    this.host.dataset.campaignId = String(s.id);
    this.host.dataset.status = s.status;
    const h = document.createElement('h3');
    h.textContent = t('heading', { id: s.id, state: stateText(s.status) });
    const dl = document.createElement('dl');
    // data-count names the figure in any language (tests and scripts read it).
    const row = (k: 'total' | 'rendered' | 'failed' | 'excluded' | 'created', v: number | string) => {
      const dt = document.createElement('dt');
      dt.textContent = t(k);
      const dd = document.createElement('dd');
      dd.textContent = String(v);
      dd.dataset.count = k;
      dl.append(dt, dd);
    };
    row('total', s.counts.total);
    row('rendered', s.counts.rendered);
    row('failed', s.counts.failed);
    row('excluded', s.counts.excluded);
    row('created', dateTimeText(s.createdAt));
    const progress = document.createElement('progress');
    progress.max = Math.max(1, s.counts.total);
    progress.value = s.counts.rendered + s.counts.failed;
    progress.setAttribute('aria-label', t('progress'));
    const parts: Node[] = [h, dl, progress];
    if (s.status === 'rendering') {
      const p = document.createElement('p');
      p.className = 'pk-hint';
      p.textContent = t('waiting');
      parts.push(p);
    } else {
      const ul = document.createElement('ul');
      for (const [file, label] of DOWNLOADS) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/api/campaigns/${s.id}/${file}`;
        a.textContent = t(label);
        a.setAttribute('download', '');
        li.appendChild(a);
        ul.appendChild(li);
      }
      parts.push(ul);
    }
    if (s.failures.length) {
      const p = document.createElement('p');
      p.className = 'pk-error';
      p.textContent = t('failures', {
        list: s.failures
          .map((f) => `${t('letter', { id: f.letterId })}${f.reason ? ` (${f.reason})` : ''}`)
          .join('; '),
      });
      parts.push(p);
    }
    if (this.excludedList) parts.push(this.excludedList);
    this.host.replaceChildren(...parts);
  }
}

function excludedBox(excluded: CreatedCampaign['excludedAddresses']): HTMLElement {
  const box = document.createElement('div');
  const h = document.createElement('h3');
  h.textContent = t('notAgain', { n: excluded.length });
  const ul = document.createElement('ul');
  ul.append(
    ...excluded.slice(0, 50).map((e) => {
      const li = document.createElement('li');
      li.textContent = `${e.address}${e.reason ? ` – ${e.reason}` : ''}`;
      return li;
    }),
  );
  box.append(h, ul);
  return box;
}
