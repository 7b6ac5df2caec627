/**
 * Street inspections (issue 11): plan an inspection from streets, a polygon, risk zones or a
 * near-repeat cluster; compute its walking route (server/routing); record findings from a phone.
 * Access per municipality as for campaigns (campaign-access.ts). An inspection holds streets,
 * never an address, so what it answers is the same for officers and planners. Every change is
 * audited.
 */
import { addressIdsInRiskZones, defaultRiskZoneParams } from '../analysis/analysis.service';
import { audit } from '../audit/audit';
import { seesMunicipality } from '../municipalities/municipality-access';
import { campaignMunicipality, type Actor as CampaignActor } from '../campaigns/campaign-access';
import { config } from '../core/config';
import { db, withTransaction, type Queryable } from '../core/db';
import { BadInputError, NotFoundError } from '../core/errors';
import { MunicipalitySettings } from '../municipalities/municipality-settings';
import { walkRoute, type WalkRoute } from '../routing/walk-route';
import * as routingRepo from '../routing/routing.repo';
import { checklistFor, OTHER_ITEM, type ChecklistItem } from './checklist';
import {
  CreateInspection,
  FindingsBody,
  FollowUpBody,
  InspectionSelection,
  MAX_STREETS,
  RouteRequest,
  UpdateInspection,
} from './inspection-input';
import * as repo from './inspections.repo';
import { enqueueSheet } from './sheet-job';
import { getPdf } from '../letters/pdf-store';
import { ConflictError, ForbiddenError } from '../core/errors';
import type { z } from 'zod';

/** Who acts; `role` is the signed-in user's (none: the command line). */
export type Actor = CampaignActor & { role?: 'admin' | 'officer' | 'planner' };

export interface InspectionView {
  id: number;
  municipality: string;
  title: string;
  startsAt: string;
  notes: string;
  status: string;
  /** What it was planned from: 'streets', 'polygon', 'riskZones' or 'cluster'. */
  plannedFrom: string;
  streets: repo.InspectionRow['streets'];
  team: repo.InspectionRow['team'];
  checklist: ChecklistItem[];
  findings: number;
  route: null | {
    start: { lon: number; lat: number; label: string };
    lengthM: number;
    minutes: number;
    walkKmh: number;
    minutesPerStreet: number;
    steps: unknown;
    geometry: unknown;
    computedAt: string;
  };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

function plannedFrom(selection: Record<string, unknown>): string {
  if ('streetIds' in selection) return 'streets';
  if ('polygon' in selection) return 'polygon';
  if ('riskZoneIds' in selection) return 'riskZones';
  return 'cluster';
}

function view(r: repo.InspectionRow): InspectionView {
  const settings = MunicipalitySettings.parse(r.settings ?? {});
  const p = r.route_params ?? {};
  return {
    id: r.id,
    municipality: r.municipality_code,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    notes: r.notes,
    status: r.status,
    plannedFrom: plannedFrom(r.selection),
    streets: r.streets,
    team: r.team,
    checklist: checklistFor(settings),
    findings: r.findings,
    route:
      r.route_at && r.start_lon !== null && r.start_lat !== null
        ? {
            start: { lon: r.start_lon, lat: r.start_lat, label: r.route_start_label ?? '' },
            lengthM: r.route_length_m ?? 0,
            minutes: r.route_minutes ?? 0,
            walkKmh: Number(p.walkKmh),
            minutesPerStreet: Number(p.minutesPerStreet),
            steps: p.steps ?? [],
            geometry: r.route_geojson ? (JSON.parse(r.route_geojson) as unknown) : null,
            computedAt: r.route_at.toISOString(),
          }
        : null,
    createdBy: r.created_actor,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The inspection, after checking the actor may see its municipality (404 when not, or when there is none). */
export async function load(q: Queryable, id: number, actor: Actor): Promise<repo.InspectionRow> {
  const r = await repo.inspectionById(q, id);
  // Another municipality's inspection answers as one that does not exist: ids tell nothing (as campaigns, issue 8).
  if (!r || !seesMunicipality(actor, r.municipality_id)) throw new NotFoundError(`no inspection ${id}`);
  return r;
}

async function selectStreets(
  q: Queryable,
  municipalityId: number,
  selection: z.infer<typeof InspectionSelection>,
): Promise<number[]> {
  if ('streetIds' in selection) {
    const found = await repo.streetsByIds(q, municipalityId, selection.streetIds);
    const known = new Set(found.map((s) => s.id));
    const unknown = selection.streetIds.filter((s) => !known.has(s));
    if (unknown.length > 0)
      throw new BadInputError(
        `selection.streetIds: no street with a line on the map in this municipality for id ${unknown.join(', ')}`,
      );
    return [...known];
  }
  if ('polygon' in selection) return repo.streetsInPolygon(q, municipalityId, selection.polygon);
  if ('riskZoneIds' in selection) {
    const addressIds = await addressIdsInRiskZones(
      q,
      selection.riskZoneIds,
      defaultRiskZoneParams(municipalityId),
    );
    return repo.streetsOfAddresses(q, addressIds);
  }
  return repo.streetsNearIncidents(
    q,
    municipalityId,
    selection.cluster.incidentIds,
    selection.cluster.radiusM,
  );
}

async function checkTeam(q: Queryable, municipalityId: number, userIds: number[]): Promise<void> {
  const ok = new Set(await repo.usersOfMunicipality(q, municipalityId, userIds));
  const bad = userIds.filter((u) => !ok.has(u));
  if (bad.length > 0)
    throw new BadInputError(
      `team.userIds: user ${bad.join(', ')} cannot work in this municipality (unknown, disabled or without access); add volunteers under team.names`,
    );
}

/** POST /api/inspections: plans an inspection. */
export async function createInspection(body: unknown, actor: Actor): Promise<InspectionView> {
  const input = CreateInspection.parse(body);
  // Clusters and risk zones are made of burglaries: a planner, who sees none, plans from streets or
  // an area (otherwise incident ids sent here would say which streets lie near a burglary).
  if (actor.role === 'planner' && ('cluster' in input.selection || 'riskZoneIds' in input.selection))
    throw new ForbiddenError(
      'a planner plans an inspection from streets (selection.streetIds) or an area (selection.polygon); clusters and risk zones need the role officer',
    );
  const id = await withTransaction(async (c) => {
    const municipalityId = await campaignMunicipality(c, actor, input.municipality);
    const streetIds = await selectStreets(c, municipalityId, input.selection);
    if (streetIds.length === 0) throw new BadInputError('selection: no streets in this selection');
    if (streetIds.length > MAX_STREETS)
      throw new BadInputError(
        `selection: ${streetIds.length} streets, more than one walk takes (${MAX_STREETS}); choose a smaller area or plan two inspections`,
      );
    const team = { userIds: [...new Set(input.team.userIds)], names: input.team.names };
    await checkTeam(c, municipalityId, team.userIds);
    const inspectionId = await repo.insertInspection(c, {
      municipalityId,
      title: input.title,
      startsAt: input.startsAt,
      notes: input.notes,
      selection: input.selection,
      createdBy: actor.userId,
      actor: actor.actor,
    });
    await repo.insertStreets(c, inspectionId, streetIds);
    await repo.setMembers(c, inspectionId, team.userIds, team.names);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'inspection.create',
      municipalityId,
      subjectType: 'inspection',
      subjectId: inspectionId,
      details: {
        plannedFrom: plannedFrom(input.selection),
        streets: streetIds.length,
        team: team.userIds.length + team.names.length,
      },
      ip: actor.ip ?? null,
    });
    return inspectionId;
  });
  return getInspection(id, actor);
}

/** GET /api/inspections/:id */
export async function getInspection(id: number, actor: Actor): Promise<InspectionView> {
  return view(await load(db(), id, actor));
}

/** GET /api/inspections: those of the actor's municipalities. */
export async function listInspections(actor: Actor) {
  const rows = await repo.listInspections(db(), actor.municipalities === 'all' ? null : actor.municipalities);
  return rows.map((r) => ({
    id: r.id,
    municipality: r.municipality_code,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    status: r.status,
    streets: r.streets,
    findings: r.findings,
    routed: r.routed,
  }));
}

/** PATCH /api/inspections/:id: title, date, notes, status, team. */
export async function updateInspection(id: number, body: unknown, actor: Actor): Promise<InspectionView> {
  const input = UpdateInspection.parse(body);
  await withTransaction(async (c) => {
    const r = await load(c, id, actor);
    await repo.updateInspection(c, id, input);
    if (input.team) {
      const userIds = [...new Set(input.team.userIds)];
      await checkTeam(c, r.municipality_id, userIds);
      await repo.setMembers(c, id, userIds, input.team.names);
    }
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'inspection.update',
      municipalityId: r.municipality_id,
      subjectType: 'inspection',
      subjectId: id,
      details: { changed: Object.keys(input) },
      ip: actor.ip ?? null,
    });
  });
  return getInspection(id, actor);
}

/** POST /api/inspections/:id/route: computes and stores the walking route from a start. */
export async function planRoute(
  id: number,
  body: unknown,
  actor: Actor,
): Promise<InspectionView & { walk: Omit<WalkRoute, 'legGeoms'> }> {
  const input = RouteRequest.parse(body);
  const cfg = config();
  const walk = await withTransaction(async (c) => {
    const r = await load(c, id, actor);
    let start: { lon: number; lat: number; label?: string };
    if ('street' in input.start) {
      const p = await routingRepo.addressPoint(
        c,
        r.municipality_id,
        input.start.street,
        input.start.huisnummer,
        input.start.huisletter?.toUpperCase() ?? null,
      );
      if (!p)
        throw new BadInputError(
          `start: no address ${input.start.street} ${input.start.huisnummer}${input.start.huisletter ?? ''} in ${r.municipality_name}; give the start as { lon, lat } instead`,
        );
      start = p;
    } else start = input.start;
    const w = await walkRoute(c, {
      municipalityId: r.municipality_id,
      streetIds: r.streets.map((s) => s.streetId),
      start,
      walkKmh: input.walkKmh ?? cfg.INSPECTION_WALK_KMH,
      minutesPerStreet: input.minutesPerStreet ?? cfg.INSPECTION_MINUTES_PER_STREET,
    });
    await repo.updateRoute(c, id, {
      legs: w.legGeoms,
      lon: w.start.lon,
      lat: w.start.lat,
      label: w.start.label,
      lengthM: w.lengthM,
      minutes: w.minutes,
      params: { walkKmh: w.walkKmh, minutesPerStreet: w.minutesPerStreet, steps: w.steps },
    });
    await repo.updateStreetOrder(c, id, w.streets);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'inspection.route',
      municipalityId: r.municipality_id,
      subjectType: 'inspection',
      subjectId: id,
      details: { streets: w.streets.length, lengthM: w.lengthM },
      ip: actor.ip ?? null,
    });
    return w;
  });
  const { legGeoms: _legs, ...rest } = walk;
  void _legs;
  return { ...(await getInspection(id, actor)), walk: rest };
}

/** POST /api/inspections/:id/findings: findings from a phone, each stored once. */
export async function recordFindings(id: number, body: unknown, actor: Actor) {
  const input = FindingsBody.parse(body);
  return withTransaction(async (c) => {
    const r = await load(c, id, actor);
    const streets = new Set(r.streets.map((s) => s.streetId));
    const items = new Set([...view(r).checklist.map((i) => i.key), OTHER_ITEM]);
    input.findings.forEach((f, i) => {
      if (!streets.has(f.streetId))
        throw new BadInputError(
          `findings[${i}].streetId: street ${f.streetId} is not part of this inspection`,
        );
      if (!items.has(f.item))
        throw new BadInputError(
          `findings[${i}].item: '${f.item}' is not on this municipality's checklist; use one of ${[...items].join(', ')}`,
        );
    });
    const stored = await repo.insertFindings(
      c,
      id,
      input.findings.map((f) => ({
        id: f.id,
        streetId: f.streetId,
        item: f.item,
        note: f.note,
        lon: f.position?.lon ?? null,
        lat: f.position?.lat ?? null,
        recordedAt: f.recordedAt,
      })),
      actor.userId,
    );
    if (stored.length > 0)
      await audit(c, {
        userId: actor.userId,
        actor: actor.actor,
        action: 'inspection.findings',
        municipalityId: r.municipality_id,
        subjectType: 'inspection',
        subjectId: id,
        details: { stored: stored.length },
        ip: actor.ip ?? null,
      });
    // The ids the phone sent: stored now, or already there (sent before). Either way it may forget them.
    return {
      received: input.findings.map((f) => f.id),
      stored: stored.length,
      alreadyStored: input.findings.length - stored.length,
    };
  });
}

/** GET /api/inspections/:id/findings */
export async function listFindings(id: number, actor: Actor) {
  const q = db();
  const r = await load(q, id, actor);
  const checklist = new Map(view(r).checklist.map((i) => [i.key, i]));
  return (await repo.findings(q, id)).map((f) => ({
    id: f.id,
    streetId: f.street_id,
    street: f.street,
    positionInWalk: f.position_in_walk,
    item: f.item,
    itemLabel: checklist.get(f.item)?.label ?? (f.item === OTHER_ITEM ? 'Overig' : f.item),
    subsidy: checklist.get(f.item)?.subsidy ?? null,
    note: f.note,
    followUp: f.follow_up,
    recordedAt: f.recorded_at.toISOString(),
    recordedBy: f.recorded_by,
    lon: f.lon,
    lat: f.lat,
    photo: f.photo,
  }));
}

/** PATCH /api/inspections/:id/findings/:findingId: the follow-up status. */
export async function setFollowUp(id: number, findingId: string, body: unknown, actor: Actor) {
  const input = FollowUpBody.parse(body);
  await withTransaction(async (c) => {
    const r = await load(c, id, actor);
    if (!(await repo.updateFollowUp(c, id, findingId, input.followUp)))
      throw new NotFoundError(`no finding ${findingId} in inspection ${id}`);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'inspection.follow-up',
      municipalityId: r.municipality_id,
      subjectType: 'inspection',
      subjectId: id,
      details: { finding: findingId, followUp: input.followUp },
      ip: actor.ip ?? null,
    });
  });
  return { id: findingId, followUp: input.followUp };
}

/** Findings as CSV (GET /api/inspections/:id/findings.csv), semicolon-separated for Dutch spreadsheets. */
export async function findingsCsv(id: number, actor: Actor): Promise<string> {
  const rows = await listFindings(id, actor);
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    // A leading = + - @ would be a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = [
    'straat',
    'volgorde',
    'punt',
    'notitie',
    'opvolging',
    'subsidie',
    'vastgelegd',
    'door',
    'lon',
    'lat',
    'foto',
  ];
  const lines = rows.map((f) =>
    [
      f.street,
      f.positionInWalk,
      f.itemLabel,
      f.note,
      f.followUp,
      f.subsidy,
      f.recordedAt,
      f.recordedBy,
      f.lon,
      f.lat,
      f.photo ? 'ja' : 'nee',
    ]
      .map(cell)
      .join(';'),
  );
  return [header.join(';'), ...lines].join('\r\n') + '\r\n';
}

/** How much of each street lies within `distanceM` of the stored route (for tests and the sheet). */
export async function routeCoverage(id: number, actor: Actor, distanceM = 25) {
  const q = db();
  await load(q, id, actor);
  return repo.routeCoverage(q, id, distanceM);
}

/**
 * POST /api/inspections/:id/sheet: queues the printable sheet of the current route for the
 * worker. `baseUrl` is where the phone page is (PUBLIC_URL, else the origin of the request).
 */
export async function requestSheet(id: number, actor: Actor, requestOrigin: string) {
  const r = await load(db(), id, actor);
  if (!r.route_at)
    throw new ConflictError('the inspection has no walking route yet: POST /api/inspections/:id/route first');
  const baseUrl = config().PUBLIC_URL ?? requestOrigin;
  const job = await enqueueSheet({ inspectionId: id, routeAt: r.route_at.toISOString(), baseUrl });
  await audit(db(), {
    userId: actor.userId,
    actor: actor.actor,
    action: 'inspection.sheet',
    municipalityId: r.municipality_id,
    subjectType: 'inspection',
    subjectId: id,
    details: { job },
    ip: actor.ip ?? null,
  });
  return { status: 'queued' as const, job };
}

/** GET /api/inspections/:id/sheet.pdf: the sheet of the current route, once the worker made it. */
export async function sheetPdf(id: number, actor: Actor): Promise<Uint8Array> {
  const q = db();
  await load(q, id, actor);
  const f = await repo.sheetFile(q, id);
  if (f?.sheet_error && !f.current) throw new ConflictError(`the sheet could not be made: ${f.sheet_error}`);
  if (!f?.current || !f.sheet_sha256)
    throw new ConflictError(
      'the sheet of the current route is not ready: POST /api/inspections/:id/sheet, then try again in a few seconds',
    );
  return getPdf(f.sheet_sha256);
}
