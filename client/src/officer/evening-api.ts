/** The prevention evenings API (server/evenings/evenings.routes.ts) as the evenings panel uses it. */
import type { Polygon } from 'geojson';
import type { EveningView } from '../../../server/evenings/evenings.service';
import type { EveningResponse } from '../../../server/evenings/evening-response';
import { call } from './api';

export type { EveningView, EveningResponse };

/** An evening as GET /api/evenings lists it. */
export interface EveningListItem {
  id: number;
  municipality: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  capacity: number;
  status: 'planned' | 'cancelled' | 'held';
  invited: number;
  confirmedPeople: number;
}

/** Who is invited, as the panel sends it (the API also takes a near-repeat cluster). */
export type PanelArea = { streetIds: number[] } | { polygon: Polygon } | { riskZoneIds: string[] };

/** The fields of the plan form (POST /api/evenings; PATCH takes the same without municipality). */
export interface EveningDraft {
  title: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string; lon: number; lat: number };
  capacity: number;
  speakers: string[];
  language: 'nl' | 'en';
  organiser: { name: string; email?: string; phone?: string };
  area?: PanelArea;
}

const q = (municipality: string) => new URLSearchParams({ municipality }).toString();

export const eveningApi = {
  list: (municipality: string) => call<EveningListItem[]>('GET', `/api/evenings?${q(municipality)}`),
  get: (id: number) => call<EveningView>('GET', `/api/evenings/${id}`),
  create: (municipality: string, draft: EveningDraft) =>
    call<EveningView>('POST', '/api/evenings', { municipality, ...draft }),
  update: (id: number, draft: Partial<EveningDraft>) =>
    call<EveningView>('PATCH', `/api/evenings/${id}`, draft),
  cancel: (id: number) => call<EveningView>('POST', `/api/evenings/${id}/cancel`, {}),
  invite: (id: number) => call<EveningView>('POST', `/api/evenings/${id}/invitations`, {}),
  response: (id: number) => call<EveningResponse>('GET', `/api/evenings/${id}/response`),
  attendance: (id: number, code: string, attended: boolean) =>
    call<{ street: string; attended: boolean; signup: { people: number; status: string } | null }>(
      'POST',
      `/api/evenings/${id}/attendance`,
      { code, attended },
    ),
  csvUrl: (id: number) => `/api/evenings/${id}/response.csv`,
};
