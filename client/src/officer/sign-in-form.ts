/**
 * The sign-in form: e-mail address and password, and the authenticator app's code when the
 * account asks for one (POST /api/session answers `totp_required`); a message that says what
 * went wrong (wrong password, wrong code, a locked account with until when).
 */
import { api, ApiError, setCsrfToken, type SessionUser } from './api';
import { byId } from './by-id';
import { messages } from './i18n';

const t = messages({
  nl: {
    missing: 'Vul uw e-mailadres en wachtwoord in.',
    totp: 'Vul de code uit uw authenticator-app in.',
    totpWrong: 'De code klopt niet of is verlopen: vul de code in die de app nu toont.',
    locked:
      'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw of vraag de beheerder om een nieuw wachtwoord.',
    wrong: 'E-mailadres of wachtwoord klopt niet.',
    failed: 'Aanmelden lukt niet: {message}',
  },
  en: {
    missing: 'Enter your e-mail address and password.',
    totp: 'Enter the code from your authenticator app.',
    totpWrong: 'The code is wrong or has expired: enter the code the app shows now.',
    locked:
      'This account is locked for a while after too many failed attempts. Try again later or ask the administrator for a new password.',
    wrong: 'E-mail address or password is wrong.',
    failed: 'Signing in does not work: {message}',
  },
});

/** The sign-in form of the page. */
export class SignInForm {
  /** @param onSignedIn - starts the page for the user who signed in */
  constructor(onSignedIn: (user: SessionUser) => Promise<void>) {
    byId('pk-signin-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const email = byId<HTMLInputElement>('pk-email').value.trim();
      const password = byId<HTMLInputElement>('pk-password').value;
      const code = byId<HTMLInputElement>('pk-totp').value.trim();
      const error = byId('pk-signin-error');
      error.textContent = '';
      if (!email || !password) {
        error.textContent = t('missing');
        return;
      }
      const second = !code ? {} : /^\d{6}$/.test(code) ? { totp: code } : { recoveryCode: code };
      void api.signIn(email, password, second).then(
        (s) => {
          setCsrfToken(s.csrfToken);
          byId<HTMLInputElement>('pk-password').value = '';
          byId<HTMLInputElement>('pk-totp').value = '';
          return onSignedIn(s.user);
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.code === 'totp_required') {
            byId('pk-totp-row').hidden = false;
            byId('pk-totp').focus();
            error.textContent = t('totp');
            return;
          }
          error.textContent =
            err instanceof ApiError && err.code === 'totp_wrong'
              ? t('totpWrong')
              : err instanceof ApiError && err.status === 423
                ? t('locked')
                : err instanceof ApiError && err.status === 401
                  ? t('wrong')
                  : t('failed', { message: (err as Error).message });
        },
      );
    });
  }

  /** Hides the page and shows the form (no session, or it expired). */
  show(): void {
    byId('pk-app').hidden = true;
    byId('pk-user').hidden = true;
    byId('pk-signin').hidden = false;
    byId('pk-email').focus();
  }
}
