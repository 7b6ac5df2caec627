/**
 * One inspection on the officers' page: status, team and notes; the start (a click on the map or
 * an address) and the walking route (length, time, the streets in walking order and the steps);
 * the A4 sheet and the phone page; the findings with their follow-up, which can be changed here.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { RouteStep } from '../../../server/routing/walk-route';
import { lang, locale, messages } from './i18n';
import { field, h } from './inspection-dom';
import {
  inspectionApi,
  inspectionLinks,
  type Finding,
  type FollowUp,
  type InspectionView,
} from './inspection-api';
import { pickPoint } from './inspection-map';
import { findingsTable } from './inspection-findings';
import type { OfficerStore } from './officer-store';

const t = messages({
  nl: {
    status: 'Status',
    planned: 'Gepland',
    done: 'Gelopen',
    cancelled: 'Afgelast',
    team: 'Team: {names}',
    noTeam: 'Nog geen team.',
    start: 'Startpunt',
    pick: 'Startpunt op de kaart kiezen',
    picking: 'Klik op de kaart waar de schouw begint.',
    picked: 'Gekozen punt {lon}, {lat}',
    street: 'Of een adres: straat',
    number: 'Huisnummer',
    label: 'Naam van het startpunt (bijv. wijkcentrum)',
    compute: 'Looproute berekenen',
    needStart: 'Kies een punt op de kaart of geef een adres.',
    computing: 'De looproute wordt berekend…',
    noRoute: 'Nog geen looproute: kies een startpunt en bereken de route.',
    summary: 'Start: {start}. {km} km, ongeveer {min} minuten.',
    order: 'Straten in looproute',
    steps: 'Aanwijzingen ({n})',
    unnamed: 'pad of steeg zonder naam',
    stepText: '{name}: {m} m',
    sheet: 'Werkblad (PDF) maken',
    sheetBusy: 'Het werkblad wordt gemaakt…',
    sheetLink: 'Werkblad downloaden (PDF)',
    sheetFailed: 'Het werkblad is niet klaar gekomen; probeer het nog eens.',
    phone: 'Telefoonpagina voor het team',
  },
  en: {
    status: 'Status',
    planned: 'Planned',
    done: 'Walked',
    cancelled: 'Cancelled',
    team: 'Team: {names}',
    noTeam: 'No team yet.',
    start: 'Start',
    pick: 'Pick the start on the map',
    picking: 'Click on the map where the inspection starts.',
    picked: 'Picked point {lon}, {lat}',
    street: 'Or an address: street',
    number: 'House number',
    label: 'Name of the start (e.g. community centre)',
    compute: 'Compute walking route',
    needStart: 'Pick a point on the map or give an address.',
    computing: 'Computing the walking route…',
    noRoute: 'No walking route yet: choose a start and compute the route.',
    summary: 'Start: {start}. {km} km, about {min} minutes.',
    order: 'Streets in walking order',
    steps: 'Directions ({n})',
    unnamed: 'unnamed path or alley',
    stepText: '{name}: {m} m',
    sheet: 'Make the sheet (PDF)',
    sheetBusy: 'Making the sheet…',
    sheetLink: 'Download the sheet (PDF)',
    sheetFailed: 'The sheet was not ready in time; try again.',
    phone: "The team's phone page",
  },
});

export interface DetailContext {
  store: OfficerStore;
  map: () => MlMap | undefined;
  showError: (err: unknown) => void;
  /** Reload the inspection (and its findings) and draw it again. */
  reload: (insp?: InspectionView) => Promise<void>;
}

const km = (m: number) =>
  (m / 1000).toLocaleString(locale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function routePart(insp: InspectionView, ctx: DetailContext): HTMLElement {
  let point: { lon: number; lat: number } | null = null;
  const pickButton = h(
    'button',
    { type: 'button', className: 'pk-button pk-button-secondary', id: 'pk-insp-pick' },
    t('pick'),
  );
  const pickNote = h('p', { className: 'pk-hint', id: 'pk-insp-picked' });
  pickNote.setAttribute('aria-live', 'polite');
  const street = h('input', { id: 'pk-insp-start-street', type: 'text', autocomplete: 'off' });
  street.setAttribute('list', 'pk-insp-street-names');
  const number = h('input', { id: 'pk-insp-start-number', type: 'text', inputMode: 'numeric', maxLength: 6 });
  const label = h('input', { id: 'pk-insp-start-label', type: 'text', maxLength: 200 });
  const compute = h(
    'button',
    { type: 'button', className: 'pk-button', id: 'pk-insp-compute' },
    t('compute'),
  );
  const error = h('p', { className: 'pk-error', role: 'alert' });
  pickButton.addEventListener('click', () => {
    const map = ctx.map();
    if (!map) return;
    pickNote.textContent = t('picking');
    ctx.store.setDrawing(true); // the map's own clicks (streets, burglaries) wait meanwhile
    pickPoint(map, (p) => {
      point = p;
      ctx.store.setDrawing(false);
      pickNote.textContent = t('picked', { lon: p.lon, lat: p.lat });
    });
  });
  compute.addEventListener('click', () => {
    error.textContent = '';
    const m = /^(\d+)\s*([A-Za-z])?$/.exec(number.value.trim());
    const start =
      street.value.trim() && m
        ? { street: street.value.trim(), huisnummer: Number(m[1]), ...(m[2] ? { huisletter: m[2] } : {}) }
        : point
          ? { ...point, ...(label.value.trim() ? { label: label.value.trim() } : {}) }
          : null;
    if (!start) return void (error.textContent = t('needStart'));
    compute.disabled = true;
    error.textContent = t('computing');
    inspectionApi.route(insp.id, start).then(
      (r) => ctx.reload(r),
      (err: unknown) => {
        compute.disabled = false;
        error.textContent = (err as Error).message;
      },
    );
  });
  const part = h(
    'fieldset',
    { className: 'pk-insp-start' },
    h('legend', {}, t('start')),
    pickButton,
    pickNote,
    ...field(t('label'), label),
    ...field(t('street'), street),
    ...field(t('number'), number),
    compute,
    error,
  );
  return part;
}

function routeSummary(insp: InspectionView): HTMLElement {
  const r = insp.route;
  if (!r) return h('p', { className: 'pk-hint', id: 'pk-insp-route' }, t('noRoute'));
  const steps = (r.steps as RouteStep[]) ?? [];
  const order = [...insp.streets].sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9));
  return h(
    'div',
    { id: 'pk-insp-route' },
    h('p', {}, t('summary', { start: r.start.label, km: km(r.lengthM), min: Math.round(r.minutes) })),
    h('h4', {}, t('order')),
    h('ol', { id: 'pk-insp-order' }, ...order.map((s) => h('li', {}, s.name))),
    h(
      'details',
      {},
      h('summary', {}, t('steps', { n: steps.length })),
      h(
        'ol',
        { id: 'pk-insp-steps' },
        ...steps.map((s) =>
          h('li', {}, t('stepText', { name: s.name ?? t('unnamed'), m: Math.round(s.lengthM) })),
        ),
      ),
    ),
  );
}

function sheetPart(insp: InspectionView): HTMLElement {
  const phone = h('a', { href: inspectionLinks.phone(insp.id), id: 'pk-insp-phone-link' }, t('phone'));
  const out = h('p', { id: 'pk-insp-sheet' });
  out.setAttribute('aria-live', 'polite');
  if (!insp.route) return h('div', {}, h('p', {}, phone));
  const make = h(
    'button',
    { type: 'button', className: 'pk-button pk-button-secondary', id: 'pk-insp-make-sheet' },
    t('sheet'),
  );
  make.addEventListener('click', () => {
    make.disabled = true;
    out.textContent = t('sheetBusy');
    void (async () => {
      try {
        await inspectionApi.requestSheet(insp.id);
        for (let i = 0; i < 60; i++) {
          if (await inspectionApi.sheetReady(insp.id)) {
            out.replaceChildren(
              h(
                'a',
                {
                  href: inspectionLinks.sheet(insp.id),
                  id: 'pk-insp-sheet-link',
                  download: `schouw-${insp.id}.pdf`,
                },
                t('sheetLink'),
              ),
            );
            return;
          }
          await new Promise((r) => setTimeout(r, 1500));
        }
        out.textContent = t('sheetFailed');
      } catch (err) {
        out.textContent = (err as Error).message;
      } finally {
        make.disabled = false;
      }
    })();
  });
  return h('div', {}, make, out, h('p', {}, phone));
}

/** The inspection's part of the section. */
export function inspectionDetail(insp: InspectionView, findings: Finding[], ctx: DetailContext): HTMLElement {
  const status = h('select', { id: 'pk-insp-status' });
  status.append(
    ...(['planned', 'done', 'cancelled'] as const).map((s) =>
      h('option', { value: s, selected: s === insp.status }, t(s)),
    ),
  );
  status.addEventListener('change', () => {
    inspectionApi.update(insp.id, { status: status.value }).then((r) => ctx.reload(r), ctx.showError);
  });
  const when = new Date(insp.startsAt).toLocaleString(lang() === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });
  const names = insp.team.map((m) => m.name).join(', ');
  return h(
    'div',
    { className: 'pk-insp-detail', id: 'pk-insp-detail', dataset: { inspectionId: String(insp.id) } },
    h('h3', {}, insp.title),
    h('p', {}, when),
    ...field(t('status'), status),
    h('p', {}, names ? t('team', { names }) : t('noTeam')),
    ...(insp.notes ? [h('p', { className: 'pk-hint' }, insp.notes)] : []),
    routeSummary(insp),
    routePart(insp, ctx),
    sheetPart(insp),
    findingsTable(insp, findings, (f: Finding, followUp: FollowUp) =>
      inspectionApi.followUp(insp.id, f.id, followUp).then(() => ctx.reload(), ctx.showError),
    ),
  );
}
