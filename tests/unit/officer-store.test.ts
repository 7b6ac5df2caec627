import type { Clusters, MunicipalityInfo, RiskZones, StreetActivity } from '../../client/src/officer/api';
import type { IncidentInfo } from '../../client/src/officer/incident-info';
import { OfficerStore, type OfficerState } from '../../client/src/officer/officer-store';

const delft = { code: 'GM0503', name: 'Delft' } as MunicipalityInfo;
const rijswijk = { code: 'GM0603', name: 'Rijswijk' } as MunicipalityInfo;
const period = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

const activity = (...streets: [number, string][]) =>
  ({
    type: 'FeatureCollection',
    totals: { incidents: streets.length, on_streets: streets.length, unlocated: 0 },
    features: streets.map(([streetId, name]) => ({
      type: 'Feature',
      id: streetId,
      geometry: null,
      properties: { streetId, name },
    })),
  }) as unknown as StreetActivity;

const clusters = (...cs: { id: string; streets: [number, string][]; members: number[] }[]) =>
  ({
    type: 'FeatureCollection',
    features: cs.map((c) => ({
      type: 'Feature',
      id: c.id,
      properties: {
        id: c.id,
        streets: c.streets.map(([id, name]) => ({ id, name, n: 1 })),
        members: c.members,
      },
    })),
  }) as unknown as Clusters;

const zones = (...ids: string[]) =>
  ({
    type: 'FeatureCollection',
    features: ids.map((id) => ({ type: 'Feature', id, properties: { id } })),
  }) as unknown as RiskZones;

const incident = (id: number, date: string, streetId: number | null = null): IncidentInfo => ({
  id,
  date,
  attempt: false,
  modusOperandi: 'unknown',
  streetId,
});

/** Records which keys each set changed. */
function recorder(store: OfficerStore): (keyof OfficerState)[][] {
  const log: (keyof OfficerState)[][] = [];
  const all = Object.keys(store.get()).concat(
    'municipality',
    'period',
    'activity',
    'clusters',
    'zones',
  ) as (keyof OfficerState)[];
  store.subscribe(all, (_, changed) => log.push([...changed].sort()));
  return log;
}

test('starts with nothing picked, 90 days, the Knox test computing and the layer groups given', () => {
  const s = new OfficerStore({ activity: true, zones: false }).get();
  expect(s.days).toBe(90);
  expect(s.knox).toEqual({ status: 'computing' });
  expect([...s.selectedStreets]).toEqual([]);
  expect(s.selectedZone).toBeNull();
  expect(s.selectedIncident).toBeNull();
  expect(s.letterTarget).toBe('streets');
  expect(s.layers).toEqual({ activity: true, zones: false });
});

test('toggleStreet picks and drops a street in one change; picking makes the streets the target', () => {
  const store = new OfficerStore();
  store.setLetterTarget('zone');
  const log = recorder(store);
  store.toggleStreet(7, 'Mekelweg');
  expect([...store.get().selectedStreets]).toEqual([[7, 'Mekelweg']]);
  expect(store.get().letterTarget).toBe('streets');
  store.setLetterTarget('zone');
  store.toggleStreet(7, 'Mekelweg');
  expect(store.get().selectedStreets.size).toBe(0);
  // Dropping a street leaves the target alone.
  expect(store.get().letterTarget).toBe('zone');
  // Dropping a street that is not picked, or picking one again, changes no picks.
  store.toggleStreet(8, 'Oude Delft', false);
  store.toggleStreet(9, 'Oude Delft', true);
  store.toggleStreet(9, 'Oude Delft', true);
  expect(log).toEqual([
    ['letterTarget', 'selectedStreets'],
    ['letterTarget'],
    ['selectedStreets'],
    ['letterTarget', 'selectedStreets'],
  ]);
});

test('a picked street keeps its place; the map of picks is replaced, never changed', () => {
  const store = new OfficerStore();
  store.toggleStreet(1, 'A');
  store.toggleStreet(2, 'B');
  const before = store.get().selectedStreets;
  store.toggleStreet(1, 'A renamed', true);
  expect([...store.get().selectedStreets]).toEqual([
    [1, 'A renamed'],
    [2, 'B'],
  ]);
  expect([...before]).toEqual([
    [1, 'A'],
    [2, 'B'],
  ]);
});

test('streetClicked remembers the name and toggles the street', () => {
  const store = new OfficerStore();
  expect(store.streetName(5)).toBe('straat 5');
  expect(store.streetName(null)).toBe('onbekende straat');
  store.streetClicked(5, 'Phoenixstraat');
  expect(store.streetName(5)).toBe('Phoenixstraat');
  expect(store.get().selectedStreets.has(5)).toBe(true);
  store.streetClicked(5, 'Phoenixstraat');
  expect(store.get().selectedStreets.has(5)).toBe(false);
});

test('selectZone makes the zone the target only when asked and a zone is picked', () => {
  const store = new OfficerStore();
  store.selectZone('cocoon:s1', { pickTarget: false });
  expect(store.get()).toMatchObject({ selectedZone: 'cocoon:s1', letterTarget: 'streets' });
  store.selectZone(null, { pickTarget: true });
  expect(store.get()).toMatchObject({ selectedZone: null, letterTarget: 'streets' });
  store.selectZone('watch:s2', { pickTarget: true });
  expect(store.get()).toMatchObject({ selectedZone: 'watch:s2', letterTarget: 'zone' });
});

test('dataLoaded keeps street names, drops a zone that is gone and starts the incident list again', () => {
  const store = new OfficerStore();
  store.selectZone('cocoon:s1', { pickTarget: false });
  store.addIncidents([incident(1, '2026-11-01')]);
  const log = recorder(store);
  store.dataLoaded({
    period,
    activity: activity([1, 'Mekelweg']),
    clusters: clusters({ id: 'c1', streets: [[2, 'Julianalaan']], members: [] }),
    zones: zones('cocoon:s1'),
  });
  expect(log).toEqual([['activity', 'clusters', 'incidents', 'period', 'streetNames', 'zones']]);
  expect(store.get().selectedZone).toBe('cocoon:s1');
  expect(store.get().incidents.size).toBe(0);
  expect(store.streetName(1)).toBe('Mekelweg');
  expect(store.streetName(2)).toBe('Julianalaan');

  store.dataLoaded({
    period,
    activity: activity([3, 'Oostsingel']),
    clusters: clusters(),
    zones: zones('watch:s9'),
  });
  expect(store.get().selectedZone).toBeNull();
  // Names of the earlier period stay known (they label picked streets and incidents).
  expect(store.streetName(1)).toBe('Mekelweg');
  expect(store.streetName(3)).toBe('Oostsingel');
});

test('showMunicipality forgets the picks and street names of the previous one', () => {
  const store = new OfficerStore();
  store.showMunicipality(delft);
  store.streetClicked(5, 'Phoenixstraat');
  store.selectZone('cocoon:s1', { pickTarget: true });
  store.selectIncident(3);
  store.showMunicipality(rijswijk);
  const s = store.get();
  expect(s.municipality).toBe(rijswijk);
  expect(s.selectedStreets.size).toBe(0);
  expect(s.selectedZone).toBeNull();
  expect(s.selectedIncident).toBeNull();
  expect(store.streetName(5)).toBe('straat 5');
});

test('addIncidents changes the store only for incidents it does not know', () => {
  const store = new OfficerStore();
  const log = recorder(store);
  store.addIncidents([incident(1, '2026-11-01'), incident(2, '2026-11-02')]);
  const first = store.get().incidents;
  store.addIncidents([incident(2, '2026-11-02'), incident(1, '2026-11-01')]);
  store.addIncidents([]);
  expect(store.get().incidents).toBe(first);
  store.addIncidents([incident(2, '2026-11-02'), incident(3, '2026-11-03'), incident(3, '2026-11-03')]);
  expect([...store.get().incidents.keys()]).toEqual([1, 2, 3]);
  expect(first.size).toBe(2);
  expect(log).toEqual([['incidents'], ['incidents']]);
});

test('letterAbout picks the burglary and its street, in one change', () => {
  const store = new OfficerStore();
  store.dataLoaded({ period, activity: activity([4, 'Mekelweg']), clusters: clusters(), zones: zones() });
  store.setLetterTarget('zone');
  const log = recorder(store);
  store.letterAbout(incident(9, '2026-11-20', 4));
  expect(store.get()).toMatchObject({ selectedIncident: 9, letterTarget: 'streets' });
  expect([...store.get().selectedStreets]).toEqual([[4, 'Mekelweg']]);
  store.letterAbout(incident(10, '2026-11-21', null));
  expect(store.get().selectedIncident).toBe(10);
  expect(store.get().selectedStreets.size).toBe(1);
  expect(log).toEqual([['letterTarget', 'selectedIncident', 'selectedStreets'], ['selectedIncident']]);
});

test("selectCluster picks the cluster's streets and its newest burglary the page knows of", () => {
  const store = new OfficerStore();
  store.dataLoaded({
    period,
    activity: activity(),
    clusters: clusters(
      {
        id: 'c1',
        streets: [
          [1, 'A'],
          [2, 'B'],
        ],
        members: [11, 12, 13],
      },
      { id: 'c2', streets: [], members: [99] },
    ),
    zones: zones(),
  });
  store.addIncidents([incident(11, '2026-11-01', 1), incident(12, '2026-11-09', 2)]);
  store.setLetterTarget('zone');
  const log = recorder(store);
  store.selectCluster('c1');
  expect([...store.get().selectedStreets]).toEqual([
    [1, 'A'],
    [2, 'B'],
  ]);
  expect(store.get()).toMatchObject({ selectedIncident: 12, letterTarget: 'streets' });
  expect(log).toEqual([['letterTarget', 'selectedIncident', 'selectedStreets']]);

  // No streets and no known member: nothing changes; an unknown cluster neither.
  store.selectCluster('c2');
  store.selectCluster('nope');
  expect(log).toHaveLength(1);
});

test('setDays, setKnox and setLayer replace their values', () => {
  const store = new OfficerStore({ activity: true, incidents: true });
  const layers = store.get().layers;
  store.setLayer('incidents', false);
  expect(store.get().layers).toEqual({ activity: true, incidents: false });
  expect(layers).toEqual({ activity: true, incidents: true });
  store.setDays(30);
  expect(store.get().days).toBe(30);
  store.setKnox({ status: 'failed', message: 'te weinig inbraken' });
  expect(store.get().knox).toEqual({ status: 'failed', message: 'te weinig inbraken' });
});
