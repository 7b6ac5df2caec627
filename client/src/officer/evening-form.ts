/**
 * The plan / change form of the evenings panel: title, start and end (Amsterdam time), venue
 * with its point picked by a click on the officers' map, capacity, speakers, language,
 * organiser, and the target area taken from what the officer picked for letters: the selected
 * streets, the drawn area or the chosen risk zone (officer-store.ts).
 */
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { amsterdamToIso, isoToAmsterdam } from './amsterdam-time';
import { eveningApi, type EveningDraft, type EveningView, type PanelArea } from './evening-api';
import { button, el, field, input } from './evening-dom';
import { et } from './evening-texts';
import type { OfficerStore } from './officer-store';

type AreaChoice = 'streets' | 'area' | 'zone' | 'keep';

export class EveningForm {
  readonly element = el('form', { id: 'pk-evening-form', className: 'pk-evening-form' });
  private point: { lon: number; lat: number } | null = null;
  private editing: EveningView | null = null;
  private readonly f = {
    title: input('pk-ev-title', 'text', { maxlength: '200' }),
    startsAt: input('pk-ev-start', 'datetime-local'),
    endsAt: input('pk-ev-end', 'datetime-local'),
    venueName: input('pk-ev-venue', 'text', { maxlength: '200' }),
    venueAddress: input('pk-ev-venue-address', 'text', { maxlength: '300' }),
    capacity: input('pk-ev-capacity', 'number', { min: '1', max: '10000', value: '40' }),
    speakers: el('textarea', { id: 'pk-ev-speakers' }),
    language: el('select', { id: 'pk-ev-language' }),
    organiser: input('pk-ev-organiser', 'text', { maxlength: '200' }),
    organiserEmail: input('pk-ev-organiser-email', 'email', { maxlength: '200' }),
    organiserPhone: input('pk-ev-organiser-phone', 'tel', { maxlength: '40' }),
  };
  private readonly heading = el('h3', { id: 'pk-ev-form-title' });
  private readonly pointText = el('p', {
    id: 'pk-ev-point',
    className: 'pk-hint',
    textContent: et('venueNone'),
  });
  private readonly areaBox = el('fieldset', { id: 'pk-ev-area' });
  private readonly error = el('p', { id: 'pk-ev-error', className: 'pk-error' });
  private readonly submit = el('button', { id: 'pk-ev-submit', className: 'pk-button' });
  private picking: ((e: MapMouseEvent) => void) | null = null;

  constructor(
    private readonly store: OfficerStore,
    private readonly map: () => MlMap | undefined,
    private readonly saved: (e: EveningView, created: boolean) => void,
  ) {
    this.error.setAttribute('role', 'alert');
    this.f.language.append(new Option(et('langNl'), 'nl'), new Option(et('langEn'), 'en'));
    this.submit.type = 'submit';
    const pick = button(et('venuePick'), () => this.pickPoint(), true, 'pk-ev-pick');
    this.element.noValidate = true;
    this.element.append(
      this.heading,
      ...field(et('title'), this.f.title),
      ...field(et('startsAt'), this.f.startsAt),
      ...field(et('endsAt'), this.f.endsAt),
      ...field(et('venueName'), this.f.venueName),
      ...field(et('venueAddress'), this.f.venueAddress),
      el('p', { className: 'pk-hint', textContent: et('venuePoint') }),
      pick,
      this.pointText,
      ...field(et('capacity'), this.f.capacity),
      ...field(et('speakers'), this.f.speakers),
      ...field(et('language'), this.f.language),
      ...field(et('organiserName'), this.f.organiser),
      ...field(et('organiserEmail'), this.f.organiserEmail),
      ...field(et('organiserPhone'), this.f.organiserPhone),
      this.areaBox,
      this.error,
      this.submit,
    );
    this.pointText.setAttribute('aria-live', 'polite');
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    store.subscribe(['selectedStreets', 'drawnArea', 'selectedZone', 'letterTarget'], () => this.drawArea());
    this.reset();
  }

  /** An empty form for a new evening. */
  reset(): void {
    this.editing = null;
    this.element.reset();
    this.f.capacity.value = '40';
    this.setPoint(null);
    this.heading.textContent = et('formNew');
    this.submit.textContent = et('save');
    this.error.textContent = '';
    this.drawArea();
  }

  /** The form filled with an evening, to change it. */
  edit(e: EveningView): void {
    this.editing = e;
    this.heading.textContent = et('formEdit', { title: e.title });
    this.submit.textContent = et('saveEdit');
    this.f.title.value = e.title;
    this.f.startsAt.value = isoToAmsterdam(e.startsAt);
    this.f.endsAt.value = isoToAmsterdam(e.endsAt);
    this.f.venueName.value = e.venue.name;
    this.f.venueAddress.value = e.venue.address;
    this.f.capacity.value = String(e.capacity);
    this.f.speakers.value = e.speakers.join('\n');
    this.f.language.value = e.language;
    this.f.organiser.value = e.organiser.name;
    this.f.organiserEmail.value = e.organiser.email ?? '';
    this.f.organiserPhone.value = e.organiser.phone ?? '';
    this.setPoint({ lon: e.venue.lon, lat: e.venue.lat });
    this.error.textContent = '';
    this.drawArea();
    this.heading.scrollIntoView({ block: 'nearest' });
  }

  private setPoint(p: { lon: number; lat: number } | null): void {
    this.point = p;
    this.pointText.textContent = p
      ? et('venuePicked', { lat: p.lat.toFixed(5), lon: p.lon.toFixed(5) })
      : et('venueNone');
  }

  /** The next click on the map is the venue (it picks no street meanwhile). */
  private pickPoint(): void {
    const map = this.map();
    if (!map || this.picking) return;
    this.pointText.textContent = et('venuePicking');
    this.store.setDrawing(true);
    map.getCanvas().style.cursor = 'crosshair';
    this.picking = (e) => {
      map.off('click', this.picking!);
      this.picking = null;
      map.getCanvas().style.cursor = '';
      // After this click's other handlers ran: they saw `drawing` and left it alone.
      setTimeout(() => this.store.setDrawing(false), 0);
      this.setPoint({ lon: e.lngLat.lng, lat: e.lngLat.lat });
    };
    map.on('click', this.picking);
  }

  private choices(): { value: AreaChoice; label: string; area: PanelArea | null }[] {
    const s = this.store.get();
    const list: { value: AreaChoice; label: string; area: PanelArea | null }[] = [];
    if (this.editing) list.push({ value: 'keep', label: et('areaKeep'), area: null });
    if (this.editing?.campaignId) return list;
    if (s.selectedStreets.size)
      list.push({
        value: 'streets',
        label: et('areaStreets', { n: s.selectedStreets.size }),
        area: { streetIds: [...s.selectedStreets.keys()] },
      });
    if (s.drawnArea) list.push({ value: 'area', label: et('areaDrawn'), area: { polygon: s.drawnArea } });
    if (s.selectedZone)
      list.push({ value: 'zone', label: et('areaZone'), area: { riskZoneIds: [s.selectedZone] } });
    return list;
  }

  private drawArea(): void {
    const chosen = this.areaBox.querySelector<HTMLInputElement>('input:checked')?.value;
    const list = this.choices();
    const preferred = ({ streets: 'streets', area: 'area', zone: 'zone', cocoon: 'streets' } as const)[
      this.store.get().letterTarget
    ];
    const pick = list.find((c) => c.value === chosen) ?? list.find((c) => c.value === preferred) ?? list[0];
    this.areaBox.replaceChildren(el('legend', { textContent: et('area') }));
    for (const c of list) {
      const r = input(`pk-ev-area-${c.value}`, 'radio', { name: 'pk-ev-area', value: c.value });
      r.checked = c === pick;
      this.areaBox.append(el('label', {}, r, ` ${c.label}`));
    }
    const hint = this.editing?.campaignId ? et('areaFixed') : list.length ? et('areaHint') : et('areaNone');
    this.areaBox.append(el('p', { className: 'pk-hint', textContent: hint }));
  }

  private draft(): EveningDraft | string {
    const f = this.f;
    const missing = (
      [
        [f.title, 'title'],
        [f.startsAt, 'startsAt'],
        [f.endsAt, 'endsAt'],
        [f.venueName, 'venueName'],
        [f.venueAddress, 'venueAddress'],
        [f.capacity, 'capacity'],
        [f.organiser, 'organiserName'],
      ] as const
    )
      .filter(([i]) => !i.value.trim())
      .map(([, k]) => et(k));
    if (missing.length) return et('missing', { fields: missing.join(', ') });
    if (!this.point) return et('noPoint');
    const startsAt = amsterdamToIso(f.startsAt.value);
    const endsAt = amsterdamToIso(f.endsAt.value);
    if (!startsAt || !endsAt || endsAt <= startsAt) return et('badTime');
    const choice = this.areaBox.querySelector<HTMLInputElement>('input:checked')?.value;
    const area = this.choices().find((c) => c.value === choice)?.area ?? undefined;
    if (!area && !this.editing) return et('areaNone');
    const email = f.organiserEmail.value.trim();
    const phone = f.organiserPhone.value.trim();
    return {
      title: f.title.value.trim(),
      startsAt,
      endsAt,
      venue: { name: f.venueName.value.trim(), address: f.venueAddress.value.trim(), ...this.point },
      capacity: Number(f.capacity.value),
      speakers: f.speakers.value
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
      language: f.language.value as 'nl' | 'en',
      organiser: { name: f.organiser.value.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      ...(area ? { area } : {}),
    };
  }

  private async save(): Promise<void> {
    this.error.textContent = '';
    const d = this.draft();
    if (typeof d === 'string') {
      this.error.textContent = d;
      return;
    }
    const code = this.store.get().municipality?.code;
    if (!code) return;
    this.submit.disabled = true;
    try {
      const editing = this.editing;
      const e = editing ? await eveningApi.update(editing.id, d) : await eveningApi.create(code, d);
      this.saved(e, !editing);
    } catch (err) {
      this.error.textContent = et('error', { message: (err as Error).message });
    } finally {
      this.submit.disabled = false;
    }
  }
}
