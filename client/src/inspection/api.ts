/**
 * The API as the phone page uses it: relative URLs, the session cookie, and the session's CSRF
 * token on every state-changing request.
 */
import type { InspectionView } from '../../../server/inspections/inspections.service';

export type { InspectionView };

/** An answer other than 2xx, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's error code, e.g. totp_required. */
    readonly code?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const r = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!r.ok) {
    const e = (await r.json().catch(() => null)) as { error?: { message?: string; code?: string } } | null;
    throw new ApiError(r.status, e?.error?.message ?? `HTTP ${r.status}`, e?.error?.code);
  }
  return (await r.json()) as T;
}

/** A finding as the phone keeps and sends it. */
export interface PendingFinding {
  id: string;
  inspectionId: number;
  streetId: number;
  item: string;
  note: string;
  position?: { lon: number; lat: number };
  recordedAt: string;
  /** A photo to send after the finding (kept in IndexedDB as a Blob). */
  photo?: Blob;
  /** The server has the finding; only its photo still waits. */
  sent?: boolean;
}

/** Sends a finding's photo (PUT: sending it again replaces it). */
async function sendPhoto(id: number, findingId: string, photo: Blob): Promise<void> {
  const headers: Record<string, string> = { 'content-type': photo.type || 'image/jpeg' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const r = await fetch(`/api/inspections/${id}/findings/${findingId}/photo`, {
    method: 'PUT',
    headers,
    credentials: 'same-origin',
    body: photo,
  });
  if (!r.ok) {
    const e = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(r.status, e?.error?.message ?? `HTTP ${r.status}`);
  }
}

export const api = {
  sendPhoto,
  async session(): Promise<boolean> {
    try {
      const s = await call<{ csrfToken: string | null }>('GET', '/api/session');
      csrfToken = s.csrfToken;
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return false;
      throw e;
    }
  },
  /** `code`: the authenticator app's 6 digits, or a recovery code, when the account asks for one. */
  async signIn(email: string, password: string, code = ''): Promise<void> {
    const second = !code ? {} : /^\d{6}$/.test(code) ? { totp: code } : { recoveryCode: code };
    const s = await call<{ csrfToken: string }>('POST', '/api/session', { email, password, ...second });
    csrfToken = s.csrfToken;
  },
  inspection: (id: number) => call<InspectionView>('GET', `/api/inspections/${id}`),
  sendFindings: (id: number, findings: PendingFinding[]) =>
    call<{ received: string[]; stored: number; alreadyStored: number }>(
      'POST',
      `/api/inspections/${id}/findings`,
      {
        findings: findings.map(({ inspectionId: _i, photo: _p, sent: _s, ...f }) => f),
      },
    ),
};
