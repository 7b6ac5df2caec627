/**
 * "Schouw plannen": title, date and time, what it covers (the streets selected on the map or
 * added by name, a near-repeat cluster, a risk zone or the area drawn on the map), the team
 * (users of the tool and volunteers by name) and notes. Clusters, zones and the drawn area are
 * the officers' (they are made of burglaries); a planner plans from streets.
 */
import type { AreaDraw } from './area-draw';
import { messages } from './i18n';
import { h, field, localToIso } from './inspection-dom';
import type { NewInspection, PlanningOptions, Selection } from './inspection-api';
import type { OfficerStore } from './officer-store';

const t = messages({
  nl: {
    heading: 'Nieuwe schouw',
    title: 'Titel',
    startsAt: 'Datum en tijd',
    covers: 'Welke straten?',
    streets: 'Geselecteerde straten',
    cluster: 'Een near-repeat cluster',
    zone: 'Een risicozone',
    area: 'Het getekende gebied',
    streetsHint: 'Klik straten aan op de kaart, of voeg ze hieronder op naam toe.',
    plannerHint: 'Voeg straten op naam toe.',
    areaHint:
      'Klik op de kaart de hoeken van het gebied aan en klik de eerste hoek nog eens (of druk op Enter); daarna kunt u de hoeken verslepen.',
    draw: 'Gebied tekenen',
    clear: 'Wissen',
    noArea: 'Er is nog geen gebied getekend.',
    addStreet: 'Straat op naam',
    add: 'Toevoegen',
    remove: '{name} weghalen',
    noStreets: 'Nog geen straten gekozen.',
    selectedStreets: 'Straten van de schouw',
    unknownStreet: "Geen straat '{name}' in deze gemeente.",
    clusterLabel: 'Cluster',
    clusterOption: '{n} inbraken: {streets}',
    zoneLabel: 'Risicozone',
    zoneOption: '{kind} {street}',
    team: 'Team',
    volunteers: 'Vrijwilligers en anderen zonder account (één naam per regel)',
    notes: 'Notities',
    submit: 'Schouw plannen',
    needTitle: 'Geef de schouw een titel en een datum en tijd.',
    needSelection: 'Kies eerst straten, een cluster, een risicozone of een gebied.',
  },
  en: {
    heading: 'New inspection',
    title: 'Title',
    startsAt: 'Date and time',
    covers: 'Which streets?',
    streets: 'Selected streets',
    cluster: 'A near-repeat cluster',
    zone: 'A risk zone',
    area: 'The drawn area',
    streetsHint: 'Click streets on the map, or add them by name below.',
    plannerHint: 'Add streets by name.',
    areaHint:
      'Click the corners of the area on the map and click the first corner again (or press Enter); then you can drag the corners.',
    draw: 'Draw an area',
    clear: 'Clear',
    noArea: 'No area has been drawn yet.',
    addStreet: 'Street by name',
    add: 'Add',
    remove: 'Remove {name}',
    noStreets: 'No streets chosen yet.',
    selectedStreets: 'Streets of the inspection',
    unknownStreet: "No street '{name}' in this municipality.",
    clusterLabel: 'Cluster',
    clusterOption: '{n} burglaries: {streets}',
    zoneLabel: 'Risk zone',
    zoneOption: '{kind} {street}',
    team: 'Team',
    volunteers: 'Volunteers and others without an account (one name per line)',
    notes: 'Notes',
    submit: 'Plan inspection',
    needTitle: 'Give the inspection a title and a date and time.',
    needSelection: 'Choose streets, a cluster, a risk zone or an area first.',
  },
});

type Source = 'streets' | 'cluster' | 'zone' | 'area';

/** The planning form; `onSubmit` gets a complete request (or the form shows what is missing); `dispose` lets go of the store. */
export function planForm(
  store: OfficerStore,
  options: PlanningOptions,
  officer: boolean,
  onSubmit: (body: NewInspection) => Promise<void>,
  draw: () => AreaDraw | undefined = () => undefined,
): { form: HTMLFormElement; dispose: () => void } {
  const title = h('input', { id: 'pk-insp-title', type: 'text', maxLength: 200, required: true });
  const when = h('input', { id: 'pk-insp-when', type: 'datetime-local', required: true });
  // A planner sees no burglary: no cluster or risk zone, but streets and a drawn area.
  const sources: Source[] = officer ? ['streets', 'cluster', 'zone', 'area'] : ['streets', 'area'];
  const radios = sources.map((s) =>
    h('input', { type: 'radio', name: 'pk-insp-source', value: s, checked: s === 'streets' }),
  );
  const covers = h(
    'fieldset',
    {},
    h('legend', {}, t('covers')),
    ...radios.map((r) => h('label', {}, r, ` ${t(r.value as Source)}`)),
  );
  const chips = h('ul', { className: 'pk-chips', id: 'pk-insp-streets' });
  chips.setAttribute('aria-label', t('selectedStreets'));
  const list = h('datalist', { id: 'pk-insp-street-names' });
  list.append(...options.streets.map((s) => h('option', { value: s.name })));
  const byName = h('input', { id: 'pk-insp-street-name', type: 'text', autocomplete: 'off' });
  byName.setAttribute('list', list.id);
  const addButton = h('button', { type: 'button', className: 'pk-button pk-button-secondary' }, t('add'));
  const nameError = h('p', { className: 'pk-error', role: 'alert' });
  const streetsPart = h(
    'div',
    { id: 'pk-insp-source-streets' },
    h('p', { className: 'pk-hint' }, officer ? t('streetsHint') : t('plannerHint')),
    chips,
    ...field(t('addStreet'), byName),
    list,
    addButton,
    nameError,
  );
  const cluster = h('select', { id: 'pk-insp-cluster' });
  const zone = h('select', { id: 'pk-insp-zone' });
  const areaNote = h('p', { className: 'pk-hint', id: 'pk-insp-area-note' });
  const drawButton = h(
    'button',
    { type: 'button', id: 'pk-insp-draw', className: 'pk-button pk-button-secondary' },
    t('draw'),
  );
  const clearButton = h(
    'button',
    { type: 'button', id: 'pk-insp-clear', className: 'pk-button pk-button-secondary' },
    t('clear'),
  );
  drawButton.addEventListener('click', () => draw()?.start());
  clearButton.addEventListener('click', () => draw()?.clear());
  const parts: Record<Source, HTMLElement> = {
    streets: streetsPart,
    cluster: h('div', { hidden: true }, ...field(t('clusterLabel'), cluster)),
    zone: h('div', { hidden: true }, ...field(t('zoneLabel'), zone)),
    area: h('div', { hidden: true }, areaNote, drawButton, clearButton),
  };
  const users = options.users.map((u) => h('input', { type: 'checkbox', value: String(u.id) }));
  const team = h(
    'fieldset',
    { className: 'pk-insp-team' },
    h('legend', {}, t('team')),
    ...users.map((b, i) => h('label', { className: 'pk-check' }, b, ` ${options.users[i]!.name}`)),
  );
  const volunteers = h('textarea', { id: 'pk-insp-volunteers', rows: 2 });
  const notes = h('textarea', { id: 'pk-insp-notes', rows: 2, maxLength: 5000 });
  const error = h('p', { className: 'pk-error', role: 'alert', id: 'pk-insp-error' });
  const submit = h('button', { type: 'submit', className: 'pk-button', id: 'pk-insp-submit' }, t('submit'));
  const form = h(
    'form',
    { id: 'pk-insp-form', noValidate: true },
    h('h3', {}, t('heading')),
    ...field(t('title'), title),
    ...field(t('startsAt'), when),
    covers,
    ...sources.map((s) => parts[s]),
    team,
    ...field(t('volunteers'), volunteers),
    ...field(t('notes'), notes),
    error,
    submit,
  );

  const source = () => (radios.find((r) => r.checked)?.value ?? 'streets') as Source;
  const render = () => {
    const s = store.get();
    for (const k of sources) parts[k].hidden = k !== source();
    chips.replaceChildren(
      ...(s.selectedStreets.size === 0
        ? [h('li', { className: 'pk-chip-empty' }, t('noStreets'))]
        : [...s.selectedStreets].map(([id, name]) => {
            const x = h('button', { type: 'button', textContent: '×' });
            x.setAttribute('aria-label', t('remove', { name }));
            x.addEventListener('click', () => store.toggleStreet(id, name, false));
            return h('li', {}, name, x);
          })),
    );
    const clusters = s.clusters?.features ?? [];
    cluster.replaceChildren(
      ...clusters.map((c) =>
        h(
          'option',
          { value: c.properties.id },
          t('clusterOption', {
            n: c.properties.size,
            streets: c.properties.streets.map((x) => x.name).join(', '),
          }),
        ),
      ),
    );
    zone.replaceChildren(
      ...(s.zones?.features ?? []).map((z) =>
        h(
          'option',
          { value: z.properties.id, selected: z.properties.id === s.selectedZone },
          t('zoneOption', { kind: z.properties.kind, street: z.properties.streetName ?? '' }),
        ),
      ),
    );
    areaNote.textContent = s.drawnArea ? t('areaHint') : `${t('noArea')} ${t('areaHint')}`;
  };
  for (const r of radios) r.addEventListener('change', render);
  const dispose = store.subscribe(
    ['selectedStreets', 'clusters', 'zones', 'selectedZone', 'drawnArea'],
    render,
  );
  render();

  const addByName = () => {
    const name = byName.value.trim();
    const found = options.streets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    nameError.textContent = found || !name ? '' : t('unknownStreet', { name });
    if (found) {
      store.toggleStreet(found.id, found.name, true);
      byName.value = '';
    }
  };
  addButton.addEventListener('click', addByName);
  byName.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addByName();
    }
  });

  const selection = (): Selection | null => {
    const s = store.get();
    switch (source()) {
      case 'streets':
        return s.selectedStreets.size ? { streetIds: [...s.selectedStreets.keys()] } : null;
      case 'cluster': {
        const c = s.clusters?.features.find((f) => f.properties.id === cluster.value);
        return c ? { cluster: { incidentIds: c.properties.members } } : null;
      }
      case 'zone':
        return zone.value ? { riskZoneIds: [zone.value] } : null;
      case 'area':
        return s.drawnArea ? { polygon: s.drawnArea } : null;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    const sel = selection();
    if (!title.value.trim() || !when.value) return void (error.textContent = t('needTitle'));
    if (!sel) return void (error.textContent = t('needSelection'));
    submit.disabled = true;
    void onSubmit({
      municipality: options.municipality,
      title: title.value.trim(),
      startsAt: localToIso(when.value),
      notes: notes.value,
      team: {
        userIds: users.filter((b) => b.checked).map((b) => Number(b.value)),
        names: volunteers.value
          .split('\n')
          .map((n) => n.trim())
          .filter(Boolean),
      },
      selection: sel,
    })
      .then(
        () => form.reset(),
        (err: unknown) => (error.textContent = (err as Error).message),
      )
      .finally(() => {
        submit.disabled = false;
        render();
      });
  });
  return { form, dispose };
}
