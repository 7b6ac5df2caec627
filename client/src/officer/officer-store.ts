/**
 * What the officers' page shows and what the officer picked, in one store. Every change goes
 * through a method here, as one patch; the panels and the map subscribe to the keys they draw.
 * No DOM: the unit tests run it in node.
 */
import type { Polygon } from 'geojson';
import type { Clusters, Knox, MunicipalityInfo, RiskZones, StreetActivity } from './api';
import type { IncidentInfo } from './incident-info';
import type { Period } from './period';
import { messages } from './i18n';
import { Store } from './store';

const t = messages({
  nl: { unknown: 'onbekende straat', street: 'straat {id}' },
  en: { unknown: 'unknown street', street: 'street {id}' },
});

/** Who gets letters: the selected streets, or the addresses of one risk zone. */
/** Who gets letters: picked streets, a risk zone, an area drawn on the map, or the cocoon around a burglary. */
export type LetterTarget = 'streets' | 'zone' | 'area' | 'cocoon';

/** The Knox test is computed per municipality and can take a while. */
export type KnoxState =
  { status: 'computing' } | { status: 'ready'; result: Knox } | { status: 'failed'; message: string };

/** Everything the officers' page shows and the officer picked. */
export interface OfficerState {
  municipality?: MunicipalityInfo;
  /** The period chosen in the toolbar, in days. */
  days: number;
  /** The period the loaded figures are for (the tiles use the same). */
  period?: Period;
  activity?: StreetActivity;
  clusters?: Clusters;
  zones?: RiskZones;
  knox: KnoxState;
  /** Streets picked for letters, by id, with their names. */
  selectedStreets: ReadonlyMap<number, string>;
  selectedZone: string | null;
  /** The burglary a letter is about. */
  selectedIncident: number | null;
  letterTarget: LetterTarget;
  /** The area drawn on the map (WGS84), for letters to every address inside. */
  drawnArea: Polygon | null;
  /** An area is being drawn or shaped on the map: clicks there do not pick streets or burglaries. */
  drawing: boolean;
  /** Incidents in the loaded tiles: the list the letter form offers. */
  incidents: ReadonlyMap<number, IncidentInfo>;
  /** Names of streets seen in the figures or clicked on the map. */
  streetNames: ReadonlyMap<number, string>;
  /** Map layer groups switched on (keys of LAYER_GROUPS). */
  layers: Readonly<Record<string, boolean>>;
  /** Days since each street's last letter (street id to days), for the map's letter layer. */
  letterAge: ReadonlyMap<number, number>;
}

/** The figures of one period, as loaded together. */
export interface PeriodData {
  period: Period;
  activity: StreetActivity;
  clusters: Clusters;
  zones: RiskZones;
}

/** The officers' state with one method per change. */
export class OfficerStore extends Store<OfficerState> {
  /** @param layers - the layer groups switched on at the start */
  constructor(layers: Record<string, boolean> = {}) {
    super({
      days: 90,
      knox: { status: 'computing' },
      selectedStreets: new Map(),
      selectedZone: null,
      selectedIncident: null,
      letterTarget: 'streets',
      drawnArea: null,
      drawing: false,
      incidents: new Map(),
      streetNames: new Map(),
      layers,
      letterAge: new Map(),
    });
  }

  /** A street's name as far as the page knows it. */
  streetName(id: number | null): string {
    if (id === null) return t('unknown');
    return this.get().streetNames.get(id) ?? t('street', { id });
  }

  /** Shows another municipality: nothing of the previous one stays picked. */
  showMunicipality(m: MunicipalityInfo): void {
    this.set({
      municipality: m,
      selectedStreets: new Map(),
      selectedZone: null,
      selectedIncident: null,
      drawnArea: null,
      streetNames: new Map(),
    });
  }

  /** The streets that had letters, with the days since the last one (their names are remembered). */
  lettersLoaded(streets: ReadonlyArray<{ streetId: number; name: string; days: number }>): void {
    const streetNames = new Map(this.get().streetNames);
    for (const s of streets) streetNames.set(s.streetId, s.name);
    this.set({ letterAge: new Map(streets.map((s) => [s.streetId, s.days])), streetNames });
  }

  /** Chooses the length of the period (the figures follow with `dataLoaded`). */
  setDays(days: number): void {
    this.set({ days });
  }

  /**
   * New figures: their street names are remembered, a picked zone that no longer exists is
   * dropped, and the incident list starts again (the tiles of the new period fill it).
   */
  dataLoaded(d: PeriodData): void {
    const s = this.get();
    const streetNames = new Map(s.streetNames);
    for (const f of d.activity.features) streetNames.set(f.properties.streetId, f.properties.name);
    for (const c of d.clusters.features)
      for (const st of c.properties.streets) streetNames.set(st.id, st.name);
    const zoneStays =
      s.selectedZone !== null && d.zones.features.some((z) => z.properties.id === s.selectedZone);
    this.set({ ...d, streetNames, selectedZone: zoneStays ? s.selectedZone : null, incidents: new Map() });
  }

  /** Adds incidents seen in the tiles; changes nothing when all of them are known. */
  addIncidents(list: Iterable<IncidentInfo>): void {
    const known = this.get().incidents;
    let incidents: Map<number, IncidentInfo> | undefined;
    for (const i of list) {
      if (known.has(i.id) || incidents?.has(i.id)) continue;
      incidents ??= new Map(known);
      incidents.set(i.id, i);
    }
    if (incidents) this.set({ incidents });
  }

  /** Picks a street for letters, or drops it (`on` left out: the other way round). */
  toggleStreet(id: number, name: string, on = !this.get().selectedStreets.has(id)): void {
    this.set(this.streetPatch(this.get(), [[id, name]], on));
  }

  /** A click on a street on the map: remembers its name and picks it, or drops it. */
  streetClicked(id: number, name: string): void {
    const s = this.get();
    const streetNames = new Map(s.streetNames).set(id, name);
    this.set({ streetNames, ...this.streetPatch(s, [[id, name]], !s.selectedStreets.has(id)) });
  }

  /**
   * Picks a risk zone (null: none).
   *
   * @param opts.pickTarget - also make the zone the letters' target (a pick on the map does)
   */
  selectZone(id: string | null, opts: { pickTarget: boolean }): void {
    this.set({
      selectedZone: id,
      ...(opts.pickTarget && id ? { letterTarget: 'zone' as const } : {}),
    });
  }

  /** Picks the burglary a letter is about (null: none). */
  selectIncident(id: number | null): void {
    this.set({ selectedIncident: id });
  }

  /** "Brief over deze inbraak": the burglary, and its street for letters. */
  letterAbout(i: IncidentInfo): void {
    const s = this.get();
    const streets =
      i.streetId === null ? {} : this.streetPatch(s, [[i.streetId, this.streetName(i.streetId)]], true);
    this.set({ selectedIncident: i.id, ...streets });
  }

  /** "Straten kiezen": a cluster's streets, and its newest burglary that the page knows of. */
  selectCluster(id: string): void {
    const s = this.get();
    const c = s.clusters?.features.find((f) => f.properties.id === id)?.properties;
    if (!c) return;
    const patch: Partial<OfficerState> = this.streetPatch(
      s,
      c.streets.map((st) => [st.id, st.name]),
      true,
    );
    // The newest member we know of is what the cocoon letter is about.
    const members = c.members.map((m) => s.incidents.get(m)).filter((i): i is IncidentInfo => !!i);
    const newest = members.sort((a, b) => b.date.localeCompare(a.date))[0];
    if (newest) patch.selectedIncident = newest.id;
    this.set(patch);
  }

  /** Chooses who gets letters. */
  setLetterTarget(letterTarget: LetterTarget): void {
    this.set({ letterTarget });
  }

  /** The area drawn on the map (null: none); drawing one makes it the letters' target. */
  setDrawnArea(drawnArea: Polygon | null): void {
    this.set({ drawnArea, ...(drawnArea ? { letterTarget: 'area' as const } : {}) });
  }

  /** Drawing on the map starts or ends. */
  setDrawing(drawing: boolean): void {
    this.set({ drawing });
  }

  /** The state of the Knox test. */
  setKnox(knox: KnoxState): void {
    this.set({ knox });
  }

  /** Switches a map layer group on or off. */
  setLayer(group: string, on: boolean): void {
    this.set({ layers: { ...this.get().layers, [group]: on } });
  }

  /** Streets picked or dropped; picking a street makes the streets the letters' target. */
  private streetPatch(s: OfficerState, streets: [number, string][], on: boolean): Partial<OfficerState> {
    if (!streets.length) return {};
    const target = on ? { letterTarget: 'streets' as const } : {};
    const same = streets.every(([id, name]) =>
      on ? s.selectedStreets.get(id) === name : !s.selectedStreets.has(id),
    );
    if (same) return target;
    const selectedStreets = new Map(s.selectedStreets);
    for (const [id, name] of streets) {
      if (on) selectedStreets.set(id, name);
      else selectedStreets.delete(id);
    }
    return { selectedStreets, ...target };
  }
}
