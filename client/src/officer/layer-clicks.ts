/**
 * What a click on the map does, one handler per layer as in MapLibre's examples
 * (`map.on('click', layerId, handler)`). Where layers overlap, the topmost answers: an incident
 * before a cluster, a cluster before a street, a street before a risk zone.
 *
 * MapLibre runs the layer handlers of one click in the order they were added and hands them the
 * same event (its delegated listeners mutate the original event "so that preventDefault works as
 * expected"): a handler that answers calls `preventDefault()`, and the ones after it see
 * `defaultPrevented` and leave the click alone.
 */
import type { MapGeoJSONFeature, MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import { api } from './api';
import { dateText, methodText, methodsText, numberText } from './format';
import { messages } from './i18n';
import { incidentInfo } from './incident-info';
import type { MapPopup } from './map-popup';
import type { OfficerStore } from './officer-store';

type LayerClick = MapMouseEvent & { features?: MapGeoJSONFeature[] };

const t = messages({
  nl: {
    attempt: 'Poging tot inbraak',
    burglary: 'Inbraak',
    letterAbout: 'Brief over deze inbraak',
    details: 'Adres en details (wordt gelogd)',
    address: 'Adres: {v}',
    unknown: 'onbekend',
    when: 'Tijdvak: {v}',
    method: 'Werkwijze: {v}',
    registration: 'Registratienummer: {v}',
    street: 'Straat: {v}',
    cluster: 'Near-repeat cluster: {n} inbraken',
    days: '{v} dagen',
    streets: 'Straten: {v}',
    pickStreets: 'Straten kiezen voor brieven',
    activity: '{n} inbraken ({attempts} pogingen), laatste {last}',
    addresses: '{n} woonadressen; {per} per 1.000',
    none: 'Geen inbraken in de laatste {days} dagen.',
    picked: 'Gekozen voor brieven.',
    unpicked: 'Niet meer gekozen voor brieven.',
    cocoon: 'Cocon',
    watch: 'Waakzone',
    noStreet: 'zonder straat',
    zoneIncidents: '{n} inbraken, laatste {last}',
    zoneUntil: 'Loopt tot {v}',
    zoneAddresses: '{n} woonadressen in de zone',
    pickZone: 'Deze zone kiezen voor brieven',
  },
  en: {
    attempt: 'Attempted burglary',
    burglary: 'Burglary',
    letterAbout: 'Letter about this burglary',
    details: 'Address and details (logged)',
    address: 'Address: {v}',
    unknown: 'unknown',
    when: 'Time window: {v}',
    method: 'Method: {v}',
    registration: 'Registration number: {v}',
    street: 'Street: {v}',
    cluster: 'Near-repeat cluster: {n} burglaries',
    days: '{v} days',
    streets: 'Streets: {v}',
    pickStreets: 'Pick the streets for letters',
    activity: '{n} burglaries ({attempts} attempts), latest {last}',
    addresses: '{n} residential addresses; {per} per 1,000',
    none: 'No burglaries in the last {days} days.',
    picked: 'Picked for letters.',
    unpicked: 'No longer picked for letters.',
    cocoon: 'Cocoon',
    watch: 'Watch zone',
    noStreet: 'no street',
    zoneIncidents: '{n} burglaries, latest {last}',
    zoneUntil: 'Runs until {v}',
    zoneAddresses: '{n} residential addresses in the zone',
    pickZone: 'Pick this zone for letters',
  },
});

/**
 * Adds the click handlers of the officers' layers to `map`.
 *
 * @param onError - told when the incident details cannot be fetched
 */
export function addLayerClicks(
  map: MlMap,
  store: OfficerStore,
  popup: MapPopup,
  onError: (err: unknown) => void,
): void {
  /** `answer` says whether it handled the click (a cluster or zone the store does not know is passed on). */
  const onClick = (layers: string[], answer: (e: LayerClick, feature: MapGeoJSONFeature) => boolean) => {
    map.on('click', layers, (e: LayerClick) => {
      const feature = e.features?.[0];
      // While an area is being drawn or shaped, map clicks belong to the drawing.
      if (e.defaultPrevented || !feature || store.get().drawing) return;
      if (answer(e, feature)) e.preventDefault();
    });
  };

  onClick(['incidents-hit'], (e, f) => {
    const i = incidentInfo(f.properties);
    const title = `${i.attempt ? t('attempt') : t('burglary')} · ${dateText(i.date)}`;
    const letter: [string, () => void] = [t('letterAbout'), () => store.letterAbout(i)];
    // The address is a victim's: fetched only when asked for, and the server logs every view.
    const details: [string, () => void] = [
      t('details'),
      () => {
        void api.incident(i.id).then((d) => {
          const until =
            d.occurredTo.slice(0, 10) !== d.occurredFrom.slice(0, 10) ? ` – ${dateText(d.occurredTo)}` : '';
          popup.show(
            e.lngLat,
            title,
            [
              t('address', { v: d.address ?? d.locationLabel ?? t('unknown') }),
              t('when', { v: `${dateText(d.occurredFrom)}${until}` }),
              t('method', { v: `${d.modusOperandiLabel}${d.moText ? ` (${d.moText})` : ''}` }),
              t('registration', { v: `${d.registration} (${d.source})` }),
            ],
            [letter],
          );
        }, onError);
      },
    ];
    popup.show(
      e.lngLat,
      title,
      [t('street', { v: store.streetName(i.streetId) }), t('method', { v: methodText(i.modusOperandi) })],
      [details, letter],
    );
    return true;
  });

  // A cluster's hull before a one-place cluster's circle drawn on it.
  onClick(['cluster-fill', 'cluster-point'], (e) => {
    const hit = e.features!.find((x) => x.layer.id === 'cluster-fill') ?? e.features![0]!;
    const c = store.get().clusters?.features.find((x) => x.properties.id === hit.properties.id)?.properties;
    if (!c) return false;
    popup.show(
      e.lngLat,
      t('cluster', { n: c.size }),
      [
        `${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${t('days', { v: numberText(c.spanDays, 1) })})`,
        t('streets', { v: c.streets.map((s) => `${s.name} (${s.n})`).join(', ') }),
      ],
      [[t('pickStreets'), () => store.selectCluster(c.id)]],
    );
    return true;
  });

  // A coloured street (activity) before the invisible hit line of every street beneath it.
  onClick(['activity', 'streets-hit'], (e) => {
    const street = e.features!.find((x) => x.layer.id === 'activity') ?? e.features![0]!;
    const id = Number(street.layer.id === 'activity' ? street.properties.streetId : street.properties.id);
    const a = store.get().activity?.features.find((x) => x.properties.streetId === id)?.properties;
    const name = a?.name ?? String(street.properties.name ?? store.streetName(id));
    store.streetClicked(id, name);
    const lines = a
      ? [
          t('activity', { n: a.incidents, attempts: a.attempts, last: dateText(a.lastAt) }),
          t('addresses', {
            n: a.addresses,
            per: a.per1000Addresses === null ? '–' : numberText(a.per1000Addresses, 1),
          }),
          t('method', { v: methodsText(a.modusOperandi) }),
        ]
      : [t('none', { days: store.get().days })];
    lines.push(store.get().selectedStreets.has(id) ? t('picked') : t('unpicked'));
    popup.show(e.lngLat, name, lines, []);
    return true;
  });

  onClick(['zone-fill'], (e, f) => {
    const z = store.get().zones?.features.find((x) => x.properties.id === f.properties.id)?.properties;
    if (!z) return false;
    popup.show(
      e.lngLat,
      `${z.kind === 'cocoon' ? t('cocoon') : t('watch')}: ${z.streetName ?? t('noStreet')}`,
      [
        t('zoneIncidents', { n: z.incidents, last: dateText(z.lastIncidentAt) }),
        t('zoneUntil', { v: dateText(z.expiresAt) }),
        t('zoneAddresses', { n: z.addresses }),
      ],
      [[t('pickZone'), () => store.selectZone(z.id, { pickTarget: true })]],
    );
    return true;
  });
}
