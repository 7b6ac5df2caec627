/**
 * The phone page of a street inspection (inspectie.html?id=N): the streets in walking order, the
 * checklist per street and a note; findings are kept on the phone and sent when there is a
 * connection, each exactly once (see outbox.ts), with the number still waiting always shown.
 */
import './inspection.css';
import { api, ApiError, type InspectionView, type PendingFinding } from './api';
import { newId, outbox } from './outbox';
import { shrinkPhoto } from './photo';
import { showRouteMap } from './route-map';

const el = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const LAST_KEY = 'pk-schouw-last';
// The installed app starts at inspectie.html without ?id=: the inspection opened last.
const inspectionId = Number(new URLSearchParams(location.search).get('id') ?? localStorage.getItem(LAST_KEY));
let sending = false;

function message(text: string): void {
  el('pi-message').textContent = text;
}

async function showOutbox(): Promise<void> {
  const n = (await outbox.all(inspectionId)).length;
  el('pi-outbox').textContent =
    n === 0
      ? 'Alle bevindingen zijn verzonden.'
      : `${n} ${n === 1 ? 'bevinding wacht' : 'bevindingen wachten'} op verzending${navigator.onLine ? '' : ' (geen verbinding)'}.`;
  el('pi-outbox').dataset.waiting = String(n);
}

/** Sends what waits; keeps it when the connection fails, forgets what the server has received. */
async function sync(): Promise<void> {
  if (sending) return;
  sending = true;
  try {
    const waiting = await outbox.all(inspectionId);
    const unsent = waiting.filter((f) => !f.sent);
    if (unsent.length > 0 && navigator.onLine) {
      try {
        const r = await api.sendFindings(inspectionId, unsent);
        const received = new Set(r.received);
        const done = unsent.filter((f) => received.has(f.id));
        await outbox.remove(done.filter((f) => !f.photo).map((f) => f.id));
        await outbox.markSent(done.filter((f) => f.photo));
      } catch (e) {
        // A refused finding (400) would block the others forever: say so; a lost connection is retried.
        if (e instanceof ApiError && e.status === 400) message(`Bevinding niet geaccepteerd: ${e.message}`);
      }
    }
    // Photos after their findings: the server takes a photo only for a finding it has.
    for (const f of (await outbox.all(inspectionId)).filter((x) => x.sent && x.photo)) {
      if (!navigator.onLine) break;
      try {
        await api.sendPhoto(inspectionId, f.id, f.photo!);
        await outbox.remove([f.id]);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status >= 500) break;
        // Too big or not an image: it will never be taken; the finding itself is stored.
        message(`Foto niet geaccepteerd: ${e.message}`);
        await outbox.remove([f.id]);
      }
    }
  } finally {
    sending = false;
    await showOutbox();
  }
}

function position(): Promise<{ lon: number; lat: number } | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
      () => resolve(undefined),
      { timeout: 5000, maximumAge: 60_000 },
    ),
  );
}

function streetSection(insp: InspectionView, s: InspectionView['streets'][number], n: number): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'pi-street';
  li.dataset.streetId = String(s.streetId);
  const form = document.createElement('form');
  const h = document.createElement('h3');
  h.id = `pi-street-${s.streetId}`;
  h.textContent = `${n}. ${s.name}`;
  form.setAttribute('aria-labelledby', h.id);
  const fs = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Wat valt op?';
  fs.append(legend);
  for (const item of insp.checklist) {
    const id = `pi-${s.streetId}-${item.key}`;
    const label = document.createElement('label');
    label.className = 'pi-check';
    label.htmlFor = id;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.name = 'item';
    box.value = item.key;
    label.append(box, ` ${item.label}`);
    fs.append(label);
  }
  const noteLabel = document.createElement('label');
  noteLabel.htmlFor = `pi-note-${s.streetId}`;
  noteLabel.textContent = 'Notitie';
  const note = document.createElement('textarea');
  note.id = `pi-note-${s.streetId}`;
  note.name = 'note';
  note.rows = 2;
  note.maxLength = 2000;
  const posLabel = document.createElement('label');
  posLabel.className = 'pi-check';
  const pos = document.createElement('input');
  pos.type = 'checkbox';
  pos.name = 'position';
  posLabel.append(pos, ' Mijn positie meesturen');
  const photoLabel = document.createElement('label');
  photoLabel.htmlFor = `pi-photo-${s.streetId}`;
  photoLabel.textContent = 'Foto (mag leeg)';
  const photo = document.createElement('input');
  photo.type = 'file';
  photo.id = `pi-photo-${s.streetId}`;
  photo.name = 'photo';
  photo.accept = 'image/jpeg,image/png,image/webp';
  photo.setAttribute('capture', 'environment');
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'pi-button';
  button.textContent = 'Bevinding opslaan';
  const done = document.createElement('p');
  done.className = 'pi-done';
  done.setAttribute('aria-live', 'polite');
  form.append(h, fs, noteLabel, note, photoLabel, photo, posLabel, button, done);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const items = [...form.querySelectorAll<HTMLInputElement>('input[name=item]:checked')].map(
        (b) => b.value,
      );
      const text = note.value.trim();
      if (items.length === 0 && !text) {
        done.textContent = 'Vink een punt aan of schrijf een notitie.';
        return;
      }
      const where = pos.checked ? await position() : undefined;
      const file = photo.files?.[0];
      const picture = file ? await shrinkPhoto(file) : undefined;
      const recordedAt = new Date().toISOString();
      // One finding per ticked item (each gets its own follow-up); a note alone is 'other'.
      const findings: PendingFinding[] = (items.length > 0 ? items : ['other']).map((item) => ({
        id: newId(),
        inspectionId,
        streetId: s.streetId,
        item,
        note: text,
        ...(where ? { position: where } : {}),
        ...(picture ? { photo: picture } : {}),
        recordedAt,
      }));
      await outbox.add(findings);
      form.reset();
      done.textContent = `${findings.length} ${findings.length === 1 ? 'bevinding' : 'bevindingen'} opgeslagen voor ${s.name}.`;
      await showOutbox();
      await sync();
    })();
  });
  li.append(form);
  return li;
}

let routeMapShown = false;

function render(insp: InspectionView): void {
  document.title = `Schouw: ${insp.title} – Preventiekaart`;
  el('pi-title').textContent = insp.title;
  el('pi-when').textContent = new Date(insp.startsAt).toLocaleString('nl-NL', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  });
  el('pi-route').textContent = insp.route
    ? `Start: ${insp.route.start.label}. ${(insp.route.lengthM / 1000).toFixed(1).replace('.', ',')} km, ongeveer ${insp.route.minutes} minuten.`
    : 'Nog geen looproute berekend: de straten staan op naam.';
  if (insp.route && !routeMapShown)
    routeMapShown = showRouteMap(
      el('pi-map'),
      insp.route,
      `Kaart van de looproute vanaf ${insp.route.start.label}; de straten staan op volgorde hieronder.`,
    );
  const list = el<HTMLOListElement>('pi-streets');
  list.replaceChildren(...insp.streets.map((s, i) => streetSection(insp, s, i + 1)));
}

async function start(): Promise<void> {
  el('pi-signin').hidden = true;
  const insp = await api.inspection(inspectionId);
  localStorage.setItem(LAST_KEY, String(inspectionId));
  render(insp);
  el('pi-app').hidden = false;
  await sync();
}

function main(): void {
  if (!Number.isInteger(inspectionId) || inspectionId <= 0) {
    message('Deze link mist het nummer van de schouw (?id=…).');
    return;
  }
  // Opens without a connection next time, and can be installed (inspectie.webmanifest).
  if ('serviceWorker' in navigator)
    navigator.serviceWorker
      .register('/inspectie-sw.js', { scope: '/inspectie.html' })
      .catch((e: unknown) => console.error(`service worker: ${(e as Error).message}`));
  window.addEventListener('online', () => void sync());
  window.addEventListener('offline', () => void showOutbox());
  setInterval(() => void sync(), 15_000);
  el('pi-signin-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const error = el('pi-signin-error');
    error.textContent = '';
    void api
      .signIn(
        el<HTMLInputElement>('pi-email').value.trim(),
        el<HTMLInputElement>('pi-password').value,
        el<HTMLInputElement>('pi-totp').value.trim(),
      )
      .then(start, (err: unknown) => {
        const code = err instanceof ApiError ? err.code : undefined;
        if (code === 'totp_required') {
          el('pi-totp-row').hidden = false;
          el('pi-totp').focus();
        }
        error.textContent =
          code === 'totp_required'
            ? 'Vul de code uit uw authenticator-app in.'
            : code === 'totp_wrong'
              ? 'De code klopt niet of is verlopen: vul de code in die de app nu toont.'
              : code === 'totp_enrolment_required'
                ? 'Uw rol meldt zich aan met een code van uw telefoon: stel die eerst in op de interne kaart (intern.html).'
                : err instanceof ApiError && err.status === 423
                  ? 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen.'
                  : err instanceof ApiError && err.status === 401
                    ? 'E-mailadres of wachtwoord klopt niet.'
                    : `Aanmelden lukt niet: ${(err as Error).message}`;
      });
  });
  void showOutbox();
  void api.session().then(
    (signedIn) => {
      if (signedIn) return start();
      el('pi-signin').hidden = false;
    },
    (e: unknown) => message(`De schouw kan niet worden geladen: ${(e as Error).message}`),
  );
}

main();
