/**
 * A campaign's progress under the letter form: the counts, polled until every letter is
 * rendered, then the print file, the zip and the print shop's address list; the addresses left
 * out (only the answer to the POST lists them).
 */
import { api, type CampaignStatus, type CreatedCampaign } from './api';
import { byId } from './by-id';
import { dateTimeText } from './format';

const POLL_MS = 2000;

const DOWNLOADS = [
  ['letters.pdf', 'Drukbestand (PDF, op postcode)'],
  ['letters.zip', 'Eén PDF per adres (zip)'],
  ['manifest.csv', 'Adreslijst voor de drukker (CSV)'],
] as const;

/** The progress box of the campaign last created on this page. */
export class CampaignProgress {
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Addresses left out of the last campaign. */
  private excludedList: HTMLElement | null = null;
  /** The last campaign created on this page (tests read it through window.preventiekaartIntern). */
  campaign: CampaignStatus | undefined;

  constructor(private readonly host: HTMLElement = byId('pk-campaign')) {}

  /** Shows a campaign just created and polls its status until it is no longer rendering. */
  start(created: CreatedCampaign): void {
    this.excludedList = created.excludedAddresses.length ? excludedBox(created.excludedAddresses) : null;
    this.show(created);
    this.poll(created.id);
  }

  /** Stops polling (at sign-out). */
  stop(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private poll(id: number): void {
    this.stop();
    this.pollTimer = setTimeout(() => {
      void api.campaign(id).then(
        (s) => {
          if (this.campaign?.id !== id) return;
          this.show(s);
          if (s.status === 'rendering') this.poll(id);
        },
        () => this.poll(id),
      );
    }, POLL_MS);
  }

  private show(s: CampaignStatus): void {
    this.campaign = s;
    this.host.dataset.campaignId = String(s.id);
    this.host.dataset.status = s.status;
    const h = document.createElement('h3');
    h.textContent = `Campagne ${s.id}: ${s.status === 'rendering' ? 'brieven worden gemaakt' : s.status === 'done' ? 'klaar' : 'klaar, met fouten'}`;
    const dl = document.createElement('dl');
    const row = (k: string, v: number | string) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = String(v);
      dd.dataset.count = k;
      dl.append(dt, dd);
    };
    row('Brieven', s.counts.total);
    row('Gemaakt', s.counts.rendered);
    row('Mislukt', s.counts.failed);
    row('Uitgesloten', s.counts.excluded);
    row('Aangemaakt', dateTimeText(s.createdAt));
    const progress = document.createElement('progress');
    progress.max = Math.max(1, s.counts.total);
    progress.value = s.counts.rendered + s.counts.failed;
    progress.setAttribute('aria-label', 'Voortgang van het maken van de brieven');
    const parts: Node[] = [h, dl, progress];
    if (s.status === 'rendering') {
      const p = document.createElement('p');
      p.className = 'pk-hint';
      p.textContent =
        'De downloads komen hier zodra alle brieven gemaakt zijn (de brievenwerker moet draaien).';
      parts.push(p);
    } else {
      const ul = document.createElement('ul');
      for (const [file, label] of DOWNLOADS) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/api/campaigns/${s.id}/${file}`;
        a.textContent = label;
        a.setAttribute('download', '');
        li.appendChild(a);
        ul.appendChild(li);
      }
      parts.push(ul);
    }
    if (s.failures.length) {
      const p = document.createElement('p');
      p.className = 'pk-error';
      p.textContent = `Mislukt: ${s.failures.map((f) => `brief ${f.letterId}${f.reason ? ` (${f.reason})` : ''}`).join('; ')}`;
      parts.push(p);
    }
    if (this.excludedList) parts.push(this.excludedList);
    this.host.replaceChildren(...parts);
  }
}

function excludedBox(excluded: CreatedCampaign['excludedAddresses']): HTMLElement {
  const box = document.createElement('div');
  const h = document.createElement('h3');
  h.textContent = `Niet opnieuw aangeschreven (${excluded.length})`;
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
