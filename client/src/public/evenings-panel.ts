/**
 * Upcoming prevention evenings on the public map: a list in the advice panel (date, title, venue,
 * the streets invited, status; a .ics per evening and the municipality's webcal: feed) and a
 * marker at each venue. The API answers in the language asked for and holds nothing personal.
 */
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { PublicEvening } from '../../../server/evenings/evenings-public';
import { lang, t } from './i18n';

interface EveningsResponse {
  feed: { ics: string; webcal: string };
  evenings: PublicEvening[];
}

let markers: Marker[] = [];

export async function renderEvenings(code: string, map: MlMap | undefined): Promise<void> {
  const host = document.getElementById('pk-evenings')!;
  const r = await fetch(`/api/public/${encodeURIComponent(code)}/evenings?lang=${lang()}`);
  if (!r.ok) return;
  const data = (await r.json()) as EveningsResponse;
  for (const m of markers) m.remove();
  markers = [];
  host.replaceChildren();
  host.hidden = data.evenings.length === 0;
  if (host.hidden) return;
  const h = document.createElement('h3');
  h.textContent = t('eveningsTitle');
  const intro = document.createElement('p');
  intro.textContent = t('eveningsIntro');
  const ul = document.createElement('ul');
  ul.className = 'pk-evening-list';
  for (const e of data.evenings) {
    const li = document.createElement('li');
    const when = document.createElement('b');
    when.textContent = e.when;
    const what = document.createElement('div');
    what.textContent = `${e.title} – ${e.venue.name}${e.status === 'planned' ? '' : ` (${e.statusLabel})`}`;
    const area = document.createElement('div');
    area.textContent = e.areaStreets.length
      ? `${t('eveningsFor')} ${e.areaStreets.slice(0, 8).join(', ')}${e.areaStreets.length > 8 ? ' …' : ''}`
      : '';
    const ics = document.createElement('a');
    ics.href = e.ics;
    ics.textContent = t('eveningsIcs');
    li.append(when, what, area, ics);
    ul.append(li);
    if (map && e.status === 'planned') {
      const marker = new Marker({ color: '#1f4fd1' }).setLngLat([e.venue.lon, e.venue.lat]);
      marker
        .getElement()
        .setAttribute('aria-label', `${t('eveningsTitle')}: ${e.title}, ${e.when}, ${e.venue.name}`);
      marker.getElement().setAttribute('title', `${e.title} – ${e.when}`);
      markers.push(marker.addTo(map));
    }
  }
  const feed = document.createElement('a');
  feed.href = data.feed.webcal;
  feed.textContent = t('eveningsFeed');
  host.append(h, intro, ul, feed);
}
