/**
 * The public sign-up page for a prevention evening (aanmelden.html): reached by the QR code in
 * the invitation (the code in the URL fragment, which no server sees) or by typing the code.
 * The code is kept in memory only and never shown: the fragment is removed from the address
 * bar at once, and the code field is emptied after a successful look-up. Dutch and English.
 */
import type { SignupView } from '../../../server/evenings/evening-signups';
import { fill, TEXT, type Lang } from './i18n';
import './signup.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const params = new URLSearchParams(location.search);
let lang: Lang = params.get('lang') === 'en' ? 'en' : 'nl';
let code: string | null = null;
let current: SignupView | null = null;

const t = (k: string) => TEXT[lang][k] ?? k;

function applyLang(): void {
  document.documentElement.lang = lang;
  document.title = `${t('pageTitle')} – Preventiekaart`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t!);
  const other = $<HTMLButtonElement>('ps-lang');
  other.textContent = t('otherLang');
  other.lang = lang === 'nl' ? 'en' : 'nl';
  if (current) render(current);
}

function message(text: string): void {
  $('ps-message').textContent = text;
}

async function call(path: string, body: unknown): Promise<SignupView> {
  const r = await fetch(`/api/public/signup${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'omit',
    body: JSON.stringify(body),
  });
  const json = (await r.json().catch(() => null)) as (SignupView & { error?: { message: string } }) | null;
  if (!r.ok || !json) throw new Error(json?.error?.message ?? `HTTP ${r.status}`);
  return json;
}

function when(v: SignupView['evening']): string {
  const day = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(v.startsAt));
  const time = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${day}, ${time.format(new Date(v.startsAt))}–${time.format(new Date(v.endsAt))}`;
}

function render(v: SignupView): void {
  current = v;
  $('ps-code').hidden = true;
  $('ps-app').hidden = false;
  $('ps-evening-title').textContent = v.evening.title;
  $('ps-when').textContent = when(v.evening);
  $('ps-venue').textContent = `${t('venue')}: ${v.evening.venue.name}`;
  $('ps-area').textContent = v.evening.areaStreets.length
    ? `${t('area')}: ${v.evening.areaStreets.slice(0, 12).join(', ')}${v.evening.areaStreets.length > 12 ? ' …' : ''}`
    : '';
  const open = v.evening.status === 'planned';
  $('ps-form').hidden = !open;
  const s = v.signup;
  const persons = (n: number) => (n === 1 ? t('person') : t('persons'));
  let state = !open
    ? t(v.evening.status === 'cancelled' ? 'eveningCancelled' : 'eveningOver')
    : !s
      ? t('none') + (v.evening.full ? ` ${t('full')}` : '')
      : s.status === 'confirmed'
        ? fill(t('confirmed'), { n: s.people, persons: persons(s.people) })
        : fill(t('waiting'), { n: s.people, persons: persons(s.people), pos: s.waitingPosition ?? '' });
  if (s?.contactStored) state += ` ${t('contactStored')}`;
  $('ps-state').textContent = state;
  $<HTMLSelectElement>('ps-people').value = String(s?.people ?? 1);
  $('ps-submit').textContent = t(s ? 'submitChange' : 'submitNew');
  $('ps-cancel').hidden = !s;
}

async function lookUp(c: string): Promise<void> {
  try {
    const v = await call('/lookup', { code: c });
    code = c;
    $<HTMLInputElement>('ps-code-input').value = '';
    message('');
    render(v);
  } catch (e) {
    message((e as Error).message);
  }
}

function init(): void {
  const people = $<HTMLSelectElement>('ps-people');
  for (let i = 1; i <= 10; i++) people.append(new Option(String(i), String(i)));
  $('ps-lang').addEventListener('click', () => {
    lang = lang === 'nl' ? 'en' : 'nl';
    applyLang();
  });
  $('ps-code-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void lookUp($<HTMLInputElement>('ps-code-input').value);
  });
  $('ps-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!code) return;
    const name = $<HTMLInputElement>('ps-name').value.trim();
    const email = $<HTMLInputElement>('ps-email').value.trim();
    const consent = $<HTMLInputElement>('ps-consent').checked;
    if ((name || email) && !consent) return message(t('consentNeeded'));
    const body = {
      code,
      people: Number(people.value),
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      consent,
    };
    call('', body)
      .then((v) => {
        message('');
        render(v);
      })
      .catch((err: Error) => message(err.message));
  });
  $('ps-cancel').addEventListener('click', () => {
    if (!code) return;
    call('/cancel', { code })
      .then((v) => {
        render(v);
        $('ps-state').textContent = t('cancelledSignup');
      })
      .catch((err: Error) => message(err.message));
  });
  applyLang();
  // From the QR code: #code=XXXXXXXX. Taken out of the address bar (and history) at once.
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('code');
  if (fromHash) {
    history.replaceState(null, '', location.pathname + location.search);
    void lookUp(fromHash);
  }
}

init();
