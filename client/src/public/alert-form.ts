/**
 * The alert form under a search answer: e-mail alerts (double opt-in: the server sends a
 * confirmation mail) for the street found, for its area (the neighbourhood a postcode search
 * answers with), or for every street within a circle around it (250 m to 2 km; the centre is
 * the street's, never the resident's house, and the server rounds it to about 100 m). Nothing
 * finer than the public map. Shown only when a street is selected; the address is sent to the
 * server and nowhere else.
 */
import type { SearchHit } from './api';
import { lang, t } from './i18n';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** The circle's radii offered (the API takes 250-2000 m). */
const RADII = [250, 500, 1000, 2000];

type Where = 'street' | 'area' | 'circle';

let current: { code: string; hit: SearchHit } | undefined;

/** The middle of the street's bounding box: the circle's centre. */
function streetCentre(hit: SearchHit): { lon: number; lat: number } | null {
  const b = hit.street.bbox;
  return b ? { lon: (b[0] + b[2]) / 2, lat: (b[1] + b[3]) / 2 } : null;
}

function option(where: Where, label: string, checked: boolean): HTMLLabelElement {
  const l = document.createElement('label');
  const r = document.createElement('input');
  r.type = 'radio';
  r.name = 'pk-alert-where';
  r.value = where;
  r.id = `pk-alert-where-${where}`;
  r.checked = checked;
  l.append(r, ` ${label}`);
  return l;
}

/** The "about what" choice for the street found (drawn again for another street or language). */
function renderWhere(hit: SearchHit): void {
  let box = document.getElementById('pk-alert-where');
  if (!box) {
    box = document.createElement('fieldset');
    box.id = 'pk-alert-where';
    box.className = 'pk-alert-where';
    $('pk-alert-form').insertBefore(box, $('pk-alert-frequency').previousElementSibling);
  }
  const was = box.querySelector<HTMLInputElement>('input[name="pk-alert-where"]:checked')?.value as
    Where | undefined;
  const radius = box.querySelector<HTMLSelectElement>('#pk-alert-radius')?.value ?? '500';
  const legend = document.createElement('legend');
  legend.textContent = t('alertWhere');
  const choices: [Where, string][] = [['street', t('alertWhereStreet', { street: hit.street.name })]];
  if (!hit.area.hidden) choices.push(['area', t('alertWhereArea', { area: hit.area.name })]);
  if (streetCentre(hit)) choices.push(['circle', t('alertWhereCircle', { street: hit.street.name })]);
  const pick = choices.some(([w]) => w === was) ? was : 'street';
  const select = document.createElement('select');
  select.id = 'pk-alert-radius';
  for (const m of RADII)
    select.add(new Option(t('alertRadiusOption', { m: m.toLocaleString(lang()) }), String(m)));
  select.value = radius;
  const radiusLabel = document.createElement('label');
  radiusLabel.htmlFor = select.id;
  radiusLabel.textContent = t('alertRadius');
  const radiusRow = document.createElement('div');
  radiusRow.id = 'pk-alert-radius-row';
  radiusRow.append(radiusLabel, select);
  radiusRow.hidden = pick !== 'circle';
  box.replaceChildren(legend, ...choices.map(([w, label]) => option(w, label, w === pick)), radiusRow);
  box.onchange = () => {
    radiusRow.hidden = box.querySelector<HTMLInputElement>('input:checked')?.value !== 'circle';
  };
}

/** Shows the form for the selected street (hidden without one). */
export function renderAlertForm(code: string, hit: SearchHit | undefined): void {
  current = hit ? { code, hit } : undefined;
  $('pk-alert').hidden = !hit;
  if (!hit) return;
  $('pk-alert-intro').textContent = t('alertIntro', { street: hit.street.name });
  renderWhere(hit);
}

/** Where the alerts are about, as the API takes it. */
function place(hit: SearchHit): Record<string, unknown> {
  const where = document.querySelector<HTMLInputElement>('input[name="pk-alert-where"]:checked')?.value;
  const centre = streetCentre(hit);
  if (where === 'area') return { areaKey: hit.area.key };
  if (where === 'circle' && centre)
    return { circle: { ...centre, radiusM: Number($<HTMLSelectElement>('pk-alert-radius').value) } };
  return { streetId: hit.street.id };
}

export function initAlertForm(): void {
  $('pk-alert-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!current) return;
    const status = $('pk-alert-status');
    const body = {
      email: $<HTMLInputElement>('pk-alert-email').value,
      frequency: $<HTMLSelectElement>('pk-alert-frequency').value,
      lang: lang(),
      ...place(current.hit),
      consent: $<HTMLInputElement>('pk-alert-consent').checked,
    };
    void fetch(`/api/public/${current.code}/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(async (res) => {
        const json = (await res.json().catch(() => ({}))) as {
          expiresInHours?: number;
          error?: { message?: string };
        };
        status.textContent = res.ok
          ? t('alertSent', { hours: json.expiresInHours ?? 48 })
          : t('alertFailed', { message: json.error?.message ?? String(res.status) });
      })
      .catch((err: Error) => (status.textContent = t('alertFailed', { message: err.message })));
  });
}
