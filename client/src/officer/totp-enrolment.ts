/**
 * Setting up two-factor sign-in, for a role that must use it (the server says `mustEnrolTotp`):
 * the QR code of a new secret, the first code to confirm it, then the recovery codes, shown once.
 */
import { api } from './api';
import { byId } from './by-id';
import { messages } from './i18n';

const t = messages({
  nl: { failed: 'Dat lukte niet: {message}' },
  en: { failed: 'That did not work: {message}' },
});

/** Shows the enrolment screen; resolves when the user has enrolled and chose to go on. */
export async function enrolTotp(): Promise<void> {
  byId('pk-signin').hidden = true;
  byId('pk-enrol').hidden = false;
  const start = await api.startTotp();
  byId<HTMLImageElement>('pk-enrol-qr').src =
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.qrSvg)}`;
  byId('pk-enrol-secret').textContent = start.secret.replace(/(.{4})/g, '$1 ').trim();
  byId('pk-enrol-code').focus();
  await new Promise<void>((resolve) => {
    byId('pk-enrol-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const error = byId('pk-enrol-error');
      error.textContent = '';
      void api.confirmTotp(byId<HTMLInputElement>('pk-enrol-code').value.trim()).then(
        (r) => {
          byId('pk-enrol-form').hidden = true;
          byId('pk-recovery-codes').replaceChildren(
            ...r.recoveryCodes.map((c) => Object.assign(document.createElement('li'), { textContent: c })),
          );
          byId('pk-enrol-done').hidden = false;
          byId('pk-enrol-continue').focus();
          byId('pk-enrol-continue').addEventListener('click', () => resolve(), { once: true });
        },
        (err: Error) => (error.textContent = t('failed', { message: err.message })),
      );
    });
  });
  byId('pk-enrol').hidden = true;
}
