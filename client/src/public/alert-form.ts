/**
 * The alert form under a search answer: e-mail alerts for the street found (double opt-in: the
 * server sends a confirmation mail). Shown only when a street is selected; the address is sent to
 * the server and nowhere else.
 */
import type { SearchHit } from './api';
import { lang, t } from './i18n';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let current: { code: string; hit: SearchHit } | undefined;

/** Shows the form for the selected street (hidden without one). */
export function renderAlertForm(code: string, hit: SearchHit | undefined): void {
  current = hit ? { code, hit } : undefined;
  $('pk-alert').hidden = !hit;
  if (hit) $('pk-alert-intro').textContent = t('alertIntro', { street: hit.street.name });
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
      streetId: current.hit.street.id,
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
