/** The sign-in form: e-mail address and password, POST /api/session, a message that says what went wrong. */
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
      const error = byId('pk-signin-error');
      error.textContent = '';
      if (!email || !password) {
        error.textContent = 'Vul uw e-mailadres en wachtwoord in.';
        return;
      }
      void api.signIn(email, password).then(
        (s) => {
          setCsrfToken(s.csrfToken);
          byId<HTMLInputElement>('pk-password').value = '';
          return onSignedIn(s.user);
        },
        (err: unknown) => {
          error.textContent =
            err instanceof ApiError && err.status === 401
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
