/**
 * The inspection endpoints as the officers' page uses them (issue 11). None of them answers an
 * address, so planners use them too. Types come from the server's services.
 */
import type { ChecklistItem } from '../../../server/inspections/checklist';
import type { InspectionView } from '../../../server/inspections/inspections.service';
import { call } from './api';

export type { ChecklistItem, InspectionView };

export interface InspectionListItem {
  id: number;
  municipality: string;
  title: string;
  startsAt: string;
  status: 'planned' | 'done' | 'cancelled';
  streets: number;
  findings: number;
  routed: boolean;
}

export interface PlanningOptions {
  municipality: string;
  streets: { id: number; name: string; place: string }[];
  users: { id: number; name: string; role: string }[];
  checklist: ChecklistState;
}

export interface ChecklistState {
  municipality: string;
  items: ChecklistItem[];
  isDefault: boolean;
  defaultItems: ChecklistItem[];
}

export type FollowUp = 'open' | 'maintenance' | 'fixed';

export interface Finding {
  id: string;
  streetId: number;
  street: string;
  positionInWalk: number | null;
  item: string;
  itemLabel: string;
  subsidy: string | null;
  note: string;
  followUp: FollowUp;
  recordedAt: string;
  recordedBy: string | null;
  lon: number;
  lat: number;
  photo: boolean;
}

/** What an inspection is planned from (the server's `selection`). */
export type Selection =
  | { streetIds: number[] }
  | { polygon: GeoJSON.Polygon }
  | { riskZoneIds: string[] }
  | { cluster: { incidentIds: number[] } };

export interface NewInspection {
  municipality: string;
  title: string;
  startsAt: string;
  notes: string;
  team: { userIds: number[]; names: string[] };
  selection: Selection;
}

export type RouteStart =
  { lon: number; lat: number; label?: string } | { street: string; huisnummer: number; huisletter?: string };

const base = (id: number) => `/api/inspections/${id}`;

export const inspectionApi = {
  options: (municipality: string) =>
    call<PlanningOptions>('GET', `/api/inspections/options?municipality=${encodeURIComponent(municipality)}`),
  list: () => call<InspectionListItem[]>('GET', '/api/inspections'),
  get: (id: number) => call<InspectionView>('GET', base(id)),
  create: (body: NewInspection) => call<InspectionView>('POST', '/api/inspections', body),
  update: (
    id: number,
    body: Partial<Pick<NewInspection, 'title' | 'startsAt' | 'notes' | 'team'>> & { status?: string },
  ) => call<InspectionView>('PATCH', base(id), body),
  route: (id: number, start: RouteStart) => call<InspectionView>('POST', `${base(id)}/route`, { start }),
  findings: (id: number) => call<Finding[]>('GET', `${base(id)}/findings`),
  followUp: (id: number, findingId: string, followUp: FollowUp) =>
    call<{ id: string; followUp: FollowUp }>('PATCH', `${base(id)}/findings/${findingId}`, { followUp }),
  requestSheet: (id: number) => call<{ status: string }>('POST', `${base(id)}/sheet`, {}),
  /** Whether the sheet of the current route is ready (the download answers 409 until then). */
  sheetReady: async (id: number) =>
    (await fetch(`${base(id)}/sheet.pdf`, { method: 'HEAD', credentials: 'same-origin' })).ok,
  setChecklist: (municipality: string, items: ChecklistItem[]) =>
    call<ChecklistState>('PUT', '/api/inspections/checklist', { municipality, items }),
};

/** Where the sheet, the CSV, a photo and the phone page are. */
export const inspectionLinks = {
  sheet: (id: number) => `${base(id)}/sheet.pdf`,
  csv: (id: number) => `${base(id)}/findings.csv`,
  photo: (id: number, findingId: string) => `${base(id)}/findings/${findingId}/photo`,
  phone: (id: number) => `/inspectie.html?id=${id}`,
};
