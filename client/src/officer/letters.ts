/**
 * The letter form: who gets a letter (selected streets, or a risk zone), which kind, template
 * and language, which burglary it is about; then the campaign's progress, polled until every
 * letter is rendered, with the print file, the zip and the print shop's address list.
 */
import { api, ApiError, type CampaignStatus, type CreateCampaign, type RiskZones } from './api';
import { dateText, dateTimeText, methodText } from './format';
import type { IncidentInfo } from './incident-info';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const TEMPLATES: Record<CreateCampaign['kind'], { value: NonNullable<CreateCampaign['template']>; label: string }> = {
  cocoon: { value: 'cocoon-warning', label: 'Cocon-waarschuwing (cocoon-warning)' },
  evening: { value: 'prevention-evening', label: 'Uitnodiging preventieavond (prevention-evening)' },
  victim: { value: 'victim-advice', label: 'Advies na inbraak (victim-advice)' },
};

export interface LetterContext {
  municipality: () => string;
  selectedStreets: () => Map<number, string>;
  removeStreet: (id: number) => void;
  zones: () => RiskZones | undefined;
  selectedZone: () => string | null;
  selectZone: (id: string | null) => void;
  incidents: () => IncidentInfo[];
  streetName: (id: number | null) => string;
  selectedIncident: () => number | null;
  selectIncident: (id: number | null) => void;
}

const POLL_MS = 2000;

export class LetterPanel {
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Addresses left out of the last campaign (only the POST answer lists them). */
  private excludedList: HTMLElement | null = null;
  /** The last campaign created on this page (tests read it through window.preventiekaartIntern). */
  campaign: CampaignStatus | undefined;

  constructor(private readonly ctx: LetterContext) {
    $('pk-kind').addEventListener('change', () => this.render());
    for (const r of document.querySelectorAll<HTMLInputElement>('input[name="pk-target"]')) r.addEventListener('change', () => this.render());
    $('pk-zone').addEventListener('change', () => ctx.selectZone($<HTMLSelectElement>('pk-zone').value || null));
    $('pk-incident').addEventListener('change', () => {
      const v = $<HTMLSelectElement>('pk-incident').value;
      ctx.selectIncident(v ? Number(v) : null);
    });
    $('pk-letter-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
  }

  private kind(): CreateCampaign['kind'] {
    return $<HTMLSelectElement>('pk-kind').value as CreateCampaign['kind'];
  }

  target(): 'streets' | 'zone' {
    return document.querySelector<HTMLInputElement>('input[name="pk-target"]:checked')?.value === 'zone' ? 'zone' : 'streets';
  }

  /** Switches the target (a click on a zone on the map picks "risk zone"). */
  setTarget(t: 'streets' | 'zone'): void {
    const r = document.querySelector<HTMLInputElement>(`input[name="pk-target"][value="${t}"]`);
    if (r) r.checked = true;
    this.render();
  }

  render(): void {
    const kind = this.kind();
    const victim = kind === 'victim';
    const target = this.target();
    const fieldset = document.querySelector<HTMLFieldSetElement>('#pk-letter-form fieldset')!;
    fieldset.hidden = victim;
    $('pk-target-streets').hidden = victim || target !== 'streets';
    $('pk-target-zone').hidden = victim || target !== 'zone';
    $('pk-evening-row').hidden = kind !== 'evening';
    $('pk-incident-row').hidden = kind === 'evening';
    const template = $<HTMLSelectElement>('pk-template');
    // The server accepts exactly one template per kind; the list shows that one.
    template.replaceChildren(new Option(TEMPLATES[kind].label, TEMPLATES[kind].value));

    const chips = $('pk-selected');
    const streets = this.ctx.selectedStreets();
    chips.replaceChildren(
      ...[...streets].map(([id, name]) => {
        const li = document.createElement('li');
        li.append(document.createTextNode(name));
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = '×';
        b.setAttribute('aria-label', `${name} uit de selectie halen`);
        b.addEventListener('click', () => this.ctx.removeStreet(id));
        li.appendChild(b);
        return li;
      }),
    );
    $('pk-selected-hint').textContent = streets.size
      ? `${streets.size} ${streets.size === 1 ? 'straat' : 'straten'} geselecteerd.`
      : 'Nog geen straat gekozen: klik op een straat op de kaart of vink straten aan in de tabel.';

    const zoneSelect = $<HTMLSelectElement>('pk-zone');
    const zones = this.ctx.zones()?.features ?? [];
    zoneSelect.replaceChildren(
      new Option(zones.length ? '— kies een zone —' : 'Geen actieve risicozones', ''),
      ...[...zones]
        .sort((a, b) => b.properties.lastIncidentAt.localeCompare(a.properties.lastIncidentAt))
        .map((z) => new Option(
          `${z.properties.kind === 'cocoon' ? 'Cocon' : 'Waakzone'} ${z.properties.streetName ?? 'zonder straat'} – ${z.properties.addresses} adressen, tot ${dateText(z.properties.expiresAt)}`,
          z.properties.id,
        )),
    );
    zoneSelect.value = this.ctx.selectedZone() ?? '';

    const incidentSelect = $<HTMLSelectElement>('pk-incident');
    let incidents = this.ctx.incidents();
    if (kind === 'cocoon' && target === 'streets' && streets.size) {
      const onStreets = incidents.filter((i) => i.streetId !== null && streets.has(i.streetId));
      if (onStreets.length) incidents = onStreets;
    }
    const chosen = this.ctx.selectedIncident();
    const chosenInfo = this.ctx.incidents().find((i) => i.id === chosen);
    if (chosenInfo && !incidents.includes(chosenInfo)) incidents = [chosenInfo, ...incidents];
    incidentSelect.replaceChildren(
      new Option(incidents.length ? '— kies een inbraak —' : 'Geen inbraken in beeld', ''),
      ...[...incidents]
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
        .slice(0, 300)
        .map((i) => new Option(`${dateText(i.date)} · ${this.ctx.streetName(i.streetId)} · ${methodText(i.modusOperandi)}${i.attempt ? ' (poging)' : ''} · nr. ${i.id}`, String(i.id))),
    );
    incidentSelect.value = chosen !== null && incidents.some((i) => i.id === chosen) ? String(chosen) : '';
  }

  private body(): CreateCampaign {
    const kind = this.kind();
    const body: CreateCampaign = {
      municipality: this.ctx.municipality(),
      kind,
      template: TEMPLATES[kind].value,
      language: $<HTMLSelectElement>('pk-language').value as 'nl' | 'en',
      selection: { streetIds: [] },
    };
    const incidentId = this.ctx.selectedIncident();
    if (kind !== 'evening') {
      if (incidentId === null) throw new Error('Kies de inbraak waar de brief over gaat (lijst of klik op de kaart).');
      body.incidentId = incidentId;
    }
    if (kind === 'victim') {
      body.selection = { incidentId: incidentId! };
      return body;
    }
    if (kind === 'evening') {
      const at = $<HTMLInputElement>('pk-evening-at').value;
      const location = $<HTMLInputElement>('pk-evening-location').value.trim();
      if (!at || !location) throw new Error('Vul datum, tijd en locatie van de preventieavond in.');
      body.evening = { at: new Date(at).toISOString(), location };
    }
    if (this.target() === 'zone') {
      const id = this.ctx.selectedZone();
      const zone = this.ctx.zones()?.features.find((z) => z.properties.id === id);
      if (!zone) throw new Error('Kies een risicozone.');
      // The server selects exactly the addresses the zone listing counted (true circles).
      body.selection = { riskZoneIds: [zone.properties.id] };
    } else {
      const ids = [...this.ctx.selectedStreets().keys()];
      if (!ids.length) throw new Error('Kies eerst een of meer straten.');
      body.selection = { streetIds: ids };
    }
    return body;
  }

  private async submit(): Promise<void> {
    const error = $('pk-letter-error');
    error.textContent = '';
    let body: CreateCampaign;
    try {
      body = this.body();
    } catch (err) {
      error.textContent = (err as Error).message;
      return;
    }
    const button = $<HTMLButtonElement>('pk-letter-submit');
    button.disabled = true;
    button.textContent = 'Bezig…';
    try {
      const created = await api.createCampaign(body);
      const excluded = created.excludedAddresses;
      this.excludedList = null;
      if (excluded.length) {
        const box = document.createElement('div');
        const h = document.createElement('h3');
        h.textContent = `Niet opnieuw aangeschreven (${excluded.length})`;
        const ul = document.createElement('ul');
        ul.append(...excluded.slice(0, 50).map((e) => {
          const li = document.createElement('li');
          li.textContent = `${e.address}${e.reason ? ` – ${e.reason}` : ''}`;
          return li;
        }));
        box.append(h, ul);
        this.excludedList = box;
      }
      this.show(created);
      this.poll(created.id);
    } catch (err) {
      error.textContent = err instanceof ApiError ? `Niet gelukt: ${err.message}` : `Niet gelukt: ${(err as Error).message}`;
    } finally {
      button.disabled = false;
      button.textContent = 'Brieven aanmaken';
    }
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

  stop(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private show(s: CampaignStatus): void {
    this.campaign = s;
    const host = $('pk-campaign');
    host.dataset.campaignId = String(s.id);
    host.dataset.status = s.status;
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
      p.textContent = 'De downloads komen hier zodra alle brieven gemaakt zijn (de brievenwerker moet draaien).';
      parts.push(p);
    } else {
      const ul = document.createElement('ul');
      for (const [file, label] of [['letters.pdf', 'Drukbestand (PDF, op postcode)'], ['letters.zip', 'Eén PDF per adres (zip)'], ['manifest.csv', 'Adreslijst voor de drukker (CSV)']] as const) {
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
    host.replaceChildren(...parts);
  }
}
