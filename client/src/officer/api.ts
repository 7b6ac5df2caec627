/**
 * The officer API as this page uses it: relative URLs only (the page never talks to another
 * host), the session cookie, and the session's CSRF token on every state-changing request.
 */
import type { KnoxCell } from '../../../server/analysis/knox';
import type { NearRepeatCluster } from '../../../server/analysis/analysis.service';
import type { RiskZone } from '../../../server/analysis/risk-zones';
import type { IncidentDetail } from '../../../server/incidents/incident-detail';
import type { IncidentImportSummary } from '../../../server/incidents/incident-import.service';
import type {
  CampaignListItem,
  CampaignPreview,
  CampaignStatus,
  CreateCampaign,
} from '../../../server/campaigns/campaigns.service';
import type { MunicipalityInfo } from '../../../server/public/public.types';
import type { Geometry, MultiPolygon, Point, Polygon } from 'geojson';

export type { KnoxCell, CampaignListItem, CampaignPreview, CampaignStatus, CreateCampaign, MunicipalityInfo };

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: 'admin' | 'officer' | 'planner';
  municipalities: number[] | 'all';
  municipalityCodes: string[] | 'all';
  totpEnabled: boolean;
  /** Two-factor sign-in is required for the role and not set up yet: only enrolment is open. */
  mustEnrolTotp: boolean;
}

export interface StreetActivityProps {
  streetId: number;
  name: string;
  place: string;
  incidents: number;
  attempts: number;
  completed: number;
  lastAt: string;
  modusOperandi: Record<string, number>;
  addresses: number;
  per1000Addresses: number | null;
}

export interface StreetActivity {
  type: 'FeatureCollection';
  period: { from: string; to: string };
  totals: { incidents: number; on_streets: number; unlocated: number };
  features: { type: 'Feature'; id: number; geometry: Geometry | null; properties: StreetActivityProps }[];
}

/** Cluster properties as GET /api/clusters sends them (the hull is the feature's geometry). */
export type ClusterProps = Omit<NearRepeatCluster, 'hull' | 'centroid'> & { centroid: Point };

export interface Clusters {
  type: 'FeatureCollection';
  parameters: { from: string; to: string; distanceM: number; days: number; minSize: number };
  features: { type: 'Feature'; id: string; geometry: Geometry; properties: ClusterProps }[];
}

/** Risk zone properties as GET /api/risk-zones sends them. */
export type RiskZoneProps = RiskZone;

export interface RiskZones {
  type: 'FeatureCollection';
  parameters: {
    at: string;
    cocoonDistanceM: number;
    cocoonDays: number;
    watchDistanceM: number;
    watchDays: number;
  };
  features: { type: 'Feature'; id: string; geometry: Polygon | MultiPolygon; properties: RiskZoneProps }[];
}

export interface Knox {
  parameters: {
    from: string;
    to: string;
    distanceBands: number[];
    timeBands: number[];
    permutations: number;
    seed: number;
  };
  incidents: number;
  pairs: number;
  cells: KnoxCell[];
}

export type CreatedCampaign = CampaignStatus & {
  excludedAddresses: { addressId: number; address: string; reason: string | null }[];
};

/** An answer other than 2xx, with the server's message ({ error: { code, message } }). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from sign-in or GET /api/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One request to this server with the session cookie and, unless GET, the CSRF token; a non-2xx answer throws an ApiError. */
export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const r = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (r.status === 204) return undefined as T;
  const data = (await r.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!r.ok) {
    throw new ApiError(
      r.status,
      data?.error?.code ?? 'http_error',
      data?.error?.message ?? `${method} ${url.split('?')[0]}: HTTP ${r.status}`,
    );
  }
  return data as T;
}

export interface PeriodQuery {
  municipality: string;
  from: Date;
  to: Date;
}

/** The query string of a municipality and period. */
export function periodParams(p: PeriodQuery): string {
  return new URLSearchParams({
    municipality: p.municipality,
    from: p.from.toISOString(),
    to: p.to.toISOString(),
  }).toString();
}

/** The summary POST /api/incidents/import answers (also inside a 422 for a rejected file). */
export type ImportSummary = IncidentImportSummary;

/** Uploads a police file (multipart); a rejected file resolves too, with `committed: false`. */
async function importIncidents(form: FormData): Promise<{ summary: ImportSummary; message?: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const r = await fetch('/api/incidents/import', {
    method: 'POST',
    headers,
    body: form,
    credentials: 'same-origin',
  });
  const data = (await r.json().catch(() => null)) as
    (ImportSummary & { summary?: ImportSummary; error?: { code?: string; message?: string } }) | null;
  if (r.status === 422 && data?.summary) return { summary: data.summary, message: data.error?.message };
  if (!r.ok || !data)
    throw new ApiError(
      r.status,
      data?.error?.code ?? 'http_error',
      data?.error?.message ?? `import: HTTP ${r.status}`,
    );
  return { summary: data };
}

/** One of the user's API tokens (GET /api/account/tokens); the token itself is never shown again. */
export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const api = {
  importIncidents,
  incident: (id: number) => call<IncidentDetail>('GET', `/api/incidents/${id}`),
  session: () => call<{ user: SessionUser; csrfToken: string | null }>('GET', '/api/session'),
  signIn: (email: string, password: string, second: { totp?: string; recoveryCode?: string } = {}) =>
    call<{ user: SessionUser; csrfToken: string }>('POST', '/api/session', { email, password, ...second }),
  startTotp: () =>
    call<{ otpauthUrl: string; qrSvg: string; secret: string }>('POST', '/api/account/totp', {}),
  confirmTotp: (code: string) =>
    call<{ recoveryCodes: string[] }>('POST', '/api/account/totp/confirm', { code }),
  sessions: () =>
    call<{ sessions: Array<{ id: number; createdAt: string; ip: string | null; current: boolean }> }>(
      'GET',
      '/api/account/sessions',
    ),
  signOutEverywhere: () => call<{ ended: number }>('DELETE', '/api/account/sessions'),
  tokens: () => call<{ tokens: ApiToken[] }>('GET', '/api/account/tokens'),
  createToken: (name: string) => call<{ token: string }>('POST', '/api/account/tokens', { name }),
  revokeToken: (id: number) => call<void>('DELETE', `/api/account/tokens/${id}`),
  users: () => call<{ users: AdminUser[] }>('GET', '/api/admin/users'),
  createUser: (body: { email: string; role: string; municipalities?: string[] }) =>
    call<{ id: number; password?: string }>('POST', '/api/admin/users', body),
  updateUser: (id: number, body: { disabled?: boolean; role?: string; municipalities?: string[] }) =>
    call<void>('PATCH', `/api/admin/users/${id}`, body),
  resetPassword: (id: number) => call<{ password: string }>('POST', `/api/admin/users/${id}/password`, {}),
  audit: (q: URLSearchParams) => call<{ entries: AuditEntry[] }>('GET', `/api/admin/audit?${q}`),
  signOut: () => call<void>('DELETE', '/api/session'),
  municipalities: () => call<{ municipalities: MunicipalityInfo[] }>('GET', '/api/public/municipalities'),
  activity: (p: PeriodQuery) => call<StreetActivity>('GET', `/api/streets/activity?${periodParams(p)}`),
  clusters: (p: PeriodQuery) => call<Clusters>('GET', `/api/clusters?${periodParams(p)}`),
  riskZones: (municipality: string) =>
    call<RiskZones>('GET', `/api/risk-zones?${new URLSearchParams({ municipality })}`),
  knox: (p: PeriodQuery) => call<Knox>('GET', `/api/near-repeat/knox?${periodParams(p)}`),
  createCampaign: (body: CreateCampaign) => call<CreatedCampaign>('POST', '/api/campaigns', body),
  campaign: (id: number) => call<CampaignStatus>('GET', `/api/campaigns/${id}`),
  previewCampaign: (body: CreateCampaign) => call<CampaignPreview>('POST', '/api/campaigns/preview', body),
  previewLetter,
  campaigns: (municipality: string) =>
    call<{ campaigns: CampaignListItem[] }>('GET', `/api/campaigns?${new URLSearchParams({ municipality })}`),
  cancelCampaign: (id: number) =>
    call<{ id: number; cancelledLetters: number }>('POST', `/api/campaigns/${id}/cancel`, {}),
  retryCampaign: (id: number) =>
    call<{ id: number; retried: number }>('POST', `/api/campaigns/${id}/retry`, {}),
  letterAge: (municipality: string) =>
    call<{
      streets: Array<{ streetId: number; name: string; lastAt: string; days: number; campaigns: number }>;
    }>('GET', `/api/streets/letter-age?${new URLSearchParams({ municipality })}`),
  streetLetters: (id: number) =>
    call<{
      street: { id: number; name: string };
      letters: Array<{
        campaignId: number;
        kind: string;
        sentAt: string;
        createdBy: string;
        letters: number;
      }>;
    }>('GET', `/api/streets/${id}/letters`),
  todo: (municipality: string) =>
    call<{ days: number; incidents: TodoIncident[] }>(
      'GET',
      `/api/letters/todo?${new URLSearchParams({ municipality })}`,
    ),
};

/** A user as the admin screen lists them (GET /api/admin/users). */
export interface AdminUser {
  id: number;
  email: string;
  name: string | null;
  role: 'admin' | 'officer' | 'planner';
  municipalities: string[] | 'all';
  disabled: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
}

/** An audit log entry as the viewer shows it (GET /api/admin/audit). */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  municipality: string | null;
  subject: string | null;
  legalBasis: string;
}

/** A fresh burglary whose cocoon has had no letter yet (GET /api/letters/todo). */
export interface TodoIncident {
  incidentId: number;
  occurredFrom: string;
  hoursSince: number;
  attempt: boolean;
  modusOperandi: string;
  street: { id: number | null; name: string | null };
}

/** The first letter of a campaign body as a PNG (object URL; revoke it when done). */
async function previewLetter(body: CreateCampaign): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const r = await fetch('/api/campaigns/preview/letter.png', {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!r.ok) {
    const data = (await r.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      r.status,
      data?.error?.code ?? 'http_error',
      data?.error?.message ?? `preview: HTTP ${r.status}`,
    );
  }
  return URL.createObjectURL(await r.blob());
}
