/**
 * What the inspection sheet shows, built from the stored inspection: title, date, team, route
 * (start, length, time, steps), the streets in walking order each with the checklist and room
 * for notes, and a QR code to the phone page. Streets only, never an address.
 */
import QRCode from 'qrcode';
import { MunicipalitySettings } from '../municipalities/municipality-settings';
import { checklistFor } from './checklist';
import type { InspectionRow } from './inspections.repo';

export interface SheetView {
  title: string;
  municipality: string;
  department: string;
  when: string;
  team: string;
  notes: string;
  hasNotes: boolean;
  start: string;
  length: string;
  minutes: number;
  phoneUrl: string;
  qrSvg: string;
  /** Inline SVG or PNG data URL of the route map; empty when there is none. */
  mapImage: string;
  hasMap: boolean;
  steps: { name: string; length: string }[];
  streets: { position: number; name: string; items: { label: string; subsidy: string }[] }[];
}

const when = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(d);

const km = (m: number) => `${(m / 1000).toFixed(1).replace('.', ',')} km`;

/** Builds the view; throws when the inspection has no route yet (nothing to print). */
export async function buildSheetView(r: InspectionRow, baseUrl: string, mapImage = ''): Promise<SheetView> {
  if (!r.route_at || r.route_length_m === null) throw new Error(`inspection ${r.id} has no route yet`);
  const settings = MunicipalitySettings.parse(r.settings ?? {});
  const phoneUrl = new URL(
    `inspectie.html?id=${r.id}`,
    baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`,
  ).toString();
  const steps = ((r.route_params?.steps ?? []) as { name: string | null; lengthM: number }[]).map((s) => ({
    name: s.name ?? 'pad of doorsteek zonder naam',
    length: `${Math.round(s.lengthM)} m`,
  }));
  const checklist = checklistFor(settings);
  return {
    title: r.title,
    municipality: r.municipality_name,
    department: settings.letterhead.department,
    when: when(r.starts_at),
    team: r.team.map((m) => m.name).join(', ') || '–',
    notes: r.notes,
    hasNotes: r.notes.trim().length > 0,
    start: r.route_start_label ?? '',
    length: km(r.route_length_m),
    minutes: Math.round(r.route_minutes ?? 0),
    phoneUrl,
    qrSvg: await QRCode.toString(phoneUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 }),
    mapImage,
    hasMap: mapImage.length > 0,
    steps,
    streets: [...r.streets]
      .sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9))
      .map((s, i) => ({
        position: s.position ?? i + 1,
        name: s.name,
        items: checklist.map((c) => ({ label: c.label, subsidy: c.subsidy ?? '' })),
      })),
  };
}
