/**
 * The letter form: who gets a letter (selected streets, or a risk zone), which kind, template
 * and language, which burglary it is about. It draws what the store holds and writes the
 * officer's picks back to it; "Brieven aanmaken" creates the campaign and hands it to the
 * progress box below the form.
 */
import { api, ApiError, type CreateCampaign } from './api';
import { byId } from './by-id';
import type { CampaignProgress } from './campaign-progress';
import { dateText, methodText } from './format';
import { amsterdamToIso } from './amsterdam-time';
import { messages } from './i18n';
import { LetterPreview } from './letter-preview';
import type { LetterTarget, OfficerStore } from './officer-store';

const t = messages({
  nl: {
    cocoon: 'Cocon-waarschuwing (cocoon-warning)',
    evening: 'Uitnodiging preventieavond (prevention-evening)',
    victim: 'Advies na inbraak (victim-advice)',
    areaDrawn: 'Gebied getekend. Versleep de hoeken om het aan te passen, of teken opnieuw.',
    areaHint:
      'Klik op de kaart de hoeken van het gebied aan en klik de eerste hoek nog eens (of druk op Enter). Daarna kunt u de hoeken verslepen.',
    unselect: '{name} uit de selectie halen',
    selected1: '1 straat geselecteerd.',
    selectedN: '{n} straten geselecteerd.',
    noStreets: 'Nog geen straat gekozen: klik op een straat op de kaart of vink straten aan in de tabel.',
    chooseZone: '— kies een zone —',
    noZones: 'Geen actieve risicozones',
    cocoonZone: 'Cocon',
    watchZone: 'Waakzone',
    noStreet: 'zonder straat',
    zoneOption: '{kind} {street} – {n} adressen, tot {until}',
    chooseIncident: '— kies een inbraak —',
    noIncidents: 'Geen inbraken in beeld',
    attempt: ' (poging)',
    number: 'nr. {id}',
    needIncident: 'Kies de inbraak waar de brief over gaat (lijst of klik op de kaart).',
    needEvening: 'Vul datum, tijd en locatie van de preventieavond in.',
    needArea: 'Teken eerst een gebied op de kaart.',
    needCocoon: 'Kies de inbraak waar de cocon omheen ligt.',
    needRadius: 'Kies een straal tussen 25 en 1000 meter.',
    needZone: 'Kies een risicozone.',
    needStreets: 'Kies eerst een of meer straten.',
    busy: 'Bezig…',
    failed: 'Niet gelukt: {message}',
    create: 'Brieven aanmaken',
  },
  en: {
    cocoon: 'Cocoon warning (cocoon-warning)',
    evening: 'Prevention evening invitation (prevention-evening)',
    victim: 'Advice after a burglary (victim-advice)',
    areaDrawn: 'Area drawn. Drag the corners to change it, or draw again.',
    areaHint:
      'Click the corners of the area on the map and click the first corner again (or press Enter). Then you can drag the corners.',
    unselect: 'Remove {name} from the selection',
    selected1: '1 street selected.',
    selectedN: '{n} streets selected.',
    noStreets: 'No street chosen yet: click a street on the map or tick streets in the table.',
    chooseZone: '— choose a zone —',
    noZones: 'No active risk zones',
    cocoonZone: 'Cocoon',
    watchZone: 'Watch zone',
    noStreet: 'no street',
    zoneOption: '{kind} {street} – {n} addresses, until {until}',
    chooseIncident: '— choose a burglary —',
    noIncidents: 'No burglaries in view',
    attempt: ' (attempt)',
    number: 'no. {id}',
    needIncident: 'Choose the burglary the letter is about (list, or click on the map).',
    needEvening: 'Enter the date, time and venue of the prevention evening.',
    needArea: 'Draw an area on the map first.',
    needCocoon: 'Choose the burglary the cocoon lies around.',
    needRadius: 'Choose a radius between 25 and 1000 metres.',
    needZone: 'Choose a risk zone.',
    needStreets: 'Choose one or more streets first.',
    busy: 'Working…',
    failed: 'Did not work: {message}',
    create: 'Create letters',
  },
});

const TEMPLATES: Record<CreateCampaign['kind'], NonNullable<CreateCampaign['template']>> = {
  cocoon: 'cocoon-warning',
  evening: 'prevention-evening',
  victim: 'victim-advice',
};

const targetRadios = () => document.querySelectorAll<HTMLInputElement>('input[name="pk-target"]');

/** The letter form, drawn from the store. */
export class LetterPanel {
  /** The live count and first-letter preview of what the form would send. */
  readonly preview = new LetterPreview(() => this.draft());
  /**
   * Wires the form and draws it whenever a pick or the figures it lists change.
   *
   * @param progress - shows the campaigns this form creates
   */
  constructor(
    private readonly store: OfficerStore,
    private readonly progress: CampaignProgress,
  ) {
    byId('pk-kind').addEventListener('change', () => this.render());
    for (const r of targetRadios())
      r.addEventListener('change', () => store.setLetterTarget(r.value as LetterTarget));
    byId('pk-zone').addEventListener('change', () =>
      store.selectZone(byId<HTMLSelectElement>('pk-zone').value || null, { pickTarget: false }),
    );
    byId('pk-incident').addEventListener('change', () => {
      const v = byId<HTMLSelectElement>('pk-incident').value;
      store.selectIncident(v ? Number(v) : null);
    });
    byId('pk-letter-form').addEventListener('input', () => this.preview.schedule());
    byId('pk-letter-form').addEventListener('change', () => this.preview.schedule());
    byId('pk-letter-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    store.subscribe(
      [
        'selectedStreets',
        'zones',
        'selectedZone',
        'incidents',
        'streetNames',
        'selectedIncident',
        'letterTarget',
        'drawnArea',
      ],
      () => this.render(),
    );
  }

  private kind(): CreateCampaign['kind'] {
    return byId<HTMLSelectElement>('pk-kind').value as CreateCampaign['kind'];
  }

  /** Draws the form from the store and the chosen kind of letter. */
  render(): void {
    const s = this.store.get();
    const kind = this.kind();
    const victim = kind === 'victim';
    const target = s.letterTarget;
    for (const r of targetRadios()) r.checked = r.value === target;
    const fieldset = document.querySelector<HTMLFieldSetElement>('#pk-letter-form fieldset')!;
    fieldset.hidden = victim;
    byId('pk-target-streets').hidden = victim || target !== 'streets';
    byId('pk-target-zone').hidden = victim || target !== 'zone';
    byId('pk-target-area').hidden = victim || target !== 'area';
    byId('pk-target-cocoon').hidden = victim || target !== 'cocoon';
    byId('pk-area-hint').textContent = s.drawnArea ? t('areaDrawn') : t('areaHint');
    byId('pk-evening-row').hidden = kind !== 'evening';
    byId('pk-incident-row').hidden = kind === 'evening';
    // The server accepts exactly one template per kind; the list shows that one.
    byId<HTMLSelectElement>('pk-template').replaceChildren(new Option(t(kind), TEMPLATES[kind]));

    const streets = s.selectedStreets;
    byId('pk-selected').replaceChildren(
      ...[...streets].map(([id, name]) => {
        const li = document.createElement('li');
        li.append(document.createTextNode(name));
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = '×';
        b.setAttribute('aria-label', t('unselect', { name }));
        b.addEventListener('click', () => this.store.toggleStreet(id, this.store.streetName(id), false));
        li.appendChild(b);
        return li;
      }),
    );
    byId('pk-selected-hint').textContent = streets.size
      ? streets.size === 1
        ? t('selected1')
        : t('selectedN', { n: streets.size })
      : t('noStreets');

    const zoneSelect = byId<HTMLSelectElement>('pk-zone');
    const zones = s.zones?.features ?? [];
    zoneSelect.replaceChildren(
      new Option(zones.length ? t('chooseZone') : t('noZones'), ''),
      ...[...zones]
        .sort((a, b) => b.properties.lastIncidentAt.localeCompare(a.properties.lastIncidentAt))
        .map(
          (z) =>
            new Option(
              t('zoneOption', {
                kind: z.properties.kind === 'cocoon' ? t('cocoonZone') : t('watchZone'),
                street: z.properties.streetName ?? t('noStreet'),
                n: z.properties.addresses,
                until: dateText(z.properties.expiresAt),
              }),
              z.properties.id,
            ),
        ),
    );
    zoneSelect.value = s.selectedZone ?? '';

    const all = [...s.incidents.values()];
    let incidents = all;
    if (kind === 'cocoon' && target === 'streets' && streets.size) {
      const onStreets = incidents.filter((i) => i.streetId !== null && streets.has(i.streetId));
      if (onStreets.length) incidents = onStreets;
    }
    const chosen = s.selectedIncident;
    const chosenInfo = all.find((i) => i.id === chosen);
    if (chosenInfo && !incidents.includes(chosenInfo)) incidents = [chosenInfo, ...incidents];
    const incidentSelect = byId<HTMLSelectElement>('pk-incident');
    incidentSelect.replaceChildren(
      new Option(incidents.length ? t('chooseIncident') : t('noIncidents'), ''),
      ...[...incidents]
        .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
        .slice(0, 300)
        .map(
          (i) =>
            new Option(
              `${dateText(i.date)} · ${this.store.streetName(i.streetId)} · ${methodText(i.modusOperandi)}${i.attempt ? t('attempt') : ''} · ${t('number', { id: i.id })}`,
              String(i.id),
            ),
        ),
    );
    incidentSelect.value = chosen !== null && incidents.some((i) => i.id === chosen) ? String(chosen) : '';
    this.preview.schedule();
  }

  /** The form's body, or why it is not complete yet (for the preview). */
  draft(): CreateCampaign | Error {
    try {
      return this.body();
    } catch (err) {
      return err as Error;
    }
  }

  /** The POST /api/campaigns body of the form; throws with what is still missing. */
  private body(): CreateCampaign {
    const s = this.store.get();
    const kind = this.kind();
    const body: CreateCampaign = {
      municipality: s.municipality!.code,
      kind,
      template: TEMPLATES[kind],
      language: byId<HTMLSelectElement>('pk-language').value as 'nl' | 'en',
      selection: { streetIds: [] },
    };
    const incidentId = s.selectedIncident;
    if (kind !== 'evening') {
      if (incidentId === null) throw new Error(t('needIncident'));
      body.incidentId = incidentId;
    }
    if (kind === 'victim') {
      body.selection = { incidentId: incidentId! };
      return body;
    }
    if (kind === 'evening') {
      const at = byId<HTMLInputElement>('pk-evening-at').value;
      const location = byId<HTMLInputElement>('pk-evening-location').value.trim();
      if (!at || !location) throw new Error(t('needEvening'));
      // An Amsterdam wall-clock time, whatever the browser's own zone.
      body.evening = { at: amsterdamToIso(at) ?? new Date(at).toISOString(), location };
    }
    if (s.letterTarget === 'area') {
      if (!s.drawnArea) throw new Error(t('needArea'));
      // A terra-draw polygon: closed rings of [lng, lat] positions, as the selection takes them.
      body.selection = {
        polygon: s.drawnArea as Extract<CreateCampaign['selection'], { polygon: unknown }>['polygon'],
      };
    } else if (s.letterTarget === 'cocoon') {
      if (incidentId === null) throw new Error(t('needCocoon'));
      const radiusM = Number(byId<HTMLInputElement>('pk-radius').value);
      if (!(radiusM >= 25 && radiusM <= 1000)) throw new Error(t('needRadius'));
      body.selection = { incidentId, radiusM };
    } else if (s.letterTarget === 'zone') {
      const zone = s.zones?.features.find((z) => z.properties.id === s.selectedZone);
      if (!zone) throw new Error(t('needZone'));
      // The server selects exactly the addresses the zone listing counted (true circles).
      body.selection = { riskZoneIds: [zone.properties.id] };
    } else {
      const ids = [...s.selectedStreets.keys()];
      if (!ids.length) throw new Error(t('needStreets'));
      body.selection = { streetIds: ids };
    }
    return body;
  }

  private async submit(): Promise<void> {
    const error = byId('pk-letter-error');
    error.textContent = '';
    let body: CreateCampaign;
    try {
      body = this.body();
    } catch (err) {
      error.textContent = (err as Error).message;
      return;
    }
    const button = byId<HTMLButtonElement>('pk-letter-submit');
    button.disabled = true;
    button.textContent = t('busy');
    try {
      this.progress.start(await api.createCampaign(body));
      this.preview.schedule();
    } catch (err) {
      error.textContent = t('failed', {
        message: err instanceof ApiError ? err.message : (err as Error).message,
      });
    } finally {
      button.disabled = false;
      button.textContent = t('create');
      this.preview.schedule();
    }
  }
}
