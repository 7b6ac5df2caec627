/**
 * The sign-in form: e-mail address and password, and the authenticator app's code when the
 * account asks for one (POST /api/session answers `totp_required`); a message that says what
 * went wrong (wrong password, wrong code, a locked account with until when).
 */
import { api, ApiError, setCsrfToken, type SessionUser } from './api';
import { byId } from './by-id';

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
        error.textContent = 'Vul uw e-mailadres en wachtwoord in.';
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
            error.textContent = 'Vul de code uit uw authenticator-app in.';
            return;
          }
          error.textContent =
            err instanceof ApiError && err.code === 'totp_wrong'
              ? 'De code klopt niet of is verlopen: vul de code in die de app nu toont.'
              : err instanceof ApiError && err.status === 423
                ? 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw of vraag de beheerder om een nieuw wachtwoord.'
                : err instanceof ApiError && err.status === 401
                  ? 'E-mailadres of wachtwoord klopt niet.'
                  : `Aanmelden lukt niet: ${(err as Error).message}`;
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
