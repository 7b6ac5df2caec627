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
import { incidentInfo } from './incident-info';
import type { MapPopup } from './map-popup';
import type { OfficerStore } from './officer-store';

type LayerClick = MapMouseEvent & { features?: MapGeoJSONFeature[] };

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
    const title = `${i.attempt ? 'Poging tot inbraak' : 'Inbraak'} · ${dateText(i.date)}`;
    const letter: [string, () => void] = ['Brief over deze inbraak', () => store.letterAbout(i)];
    // The address is a victim's: fetched only when asked for, and the server logs every view.
    const details: [string, () => void] = [
      'Adres en details (wordt gelogd)',
      () => {
        void api.incident(i.id).then((d) => {
          const until =
            d.occurredTo.slice(0, 10) !== d.occurredFrom.slice(0, 10) ? ` – ${dateText(d.occurredTo)}` : '';
          popup.show(
            e.lngLat,
            title,
            [
              `Adres: ${d.address ?? d.locationLabel ?? 'onbekend'}`,
              `Tijdvak: ${dateText(d.occurredFrom)}${until}`,
              `Werkwijze: ${d.modusOperandiLabel}${d.moText ? ` (${d.moText})` : ''}`,
              `Registratienummer: ${d.registration} (${d.source})`,
            ],
            [letter],
          );
        }, onError);
      },
    ];
    popup.show(
      e.lngLat,
      title,
      [`Straat: ${store.streetName(i.streetId)}`, `Werkwijze: ${methodText(i.modusOperandi)}`],
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
      `Near-repeat cluster: ${c.size} inbraken`,
      [
        `${dateText(c.firstAt)} – ${dateText(c.lastAt)} (${numberText(c.spanDays, 1)} dagen)`,
        `Straten: ${c.streets.map((s) => `${s.name} (${s.n})`).join(', ')}`,
      ],
      [['Straten kiezen voor brieven', () => store.selectCluster(c.id)]],
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
          `${a.incidents} inbraken (${a.attempts} pogingen), laatste ${dateText(a.lastAt)}`,
          `${a.addresses} woonadressen; ${a.per1000Addresses === null ? '–' : numberText(a.per1000Addresses, 1)} per 1.000`,
          `Werkwijze: ${methodsText(a.modusOperandi)}`,
        ]
      : [`Geen inbraken in de laatste ${store.get().days} dagen.`];
    lines.push(
      store.get().selectedStreets.has(id) ? 'Gekozen voor brieven.' : 'Niet meer gekozen voor brieven.',
    );
    popup.show(e.lngLat, name, lines, []);
    return true;
  });

  onClick(['zone-fill'], (e, f) => {
    const z = store.get().zones?.features.find((x) => x.properties.id === f.properties.id)?.properties;
    if (!z) return false;
    popup.show(
      e.lngLat,
      `${z.kind === 'cocoon' ? 'Cocon' : 'Waakzone'}: ${z.streetName ?? 'zonder straat'}`,
      [
        `${z.incidents} inbraken, laatste ${dateText(z.lastIncidentAt)}`,
        `Loopt tot ${dateText(z.expiresAt)}`,
        `${z.addresses} woonadressen in de zone`,
      ],
      [['Deze zone kiezen voor brieven', () => store.selectZone(z.id, { pickTarget: true })]],
    );
    return true;
  });
}
