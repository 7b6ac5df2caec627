/**
 * Prevention evenings (issue 12): an officer plans an evening for a target area (streets, a
 * polygon, risk zones or a near-repeat cluster), changes or cancels it until it is held, sends
 * the invitations through the letter pipeline (evening-invitations.ts) and follows the sign-ups
 * (evening-response.ts). Access per municipality as everywhere (municipality-access.ts); every
 * change is audited. An evening itself holds no personal data; its invitations are tied to
 * addresses and are answered to officers only.
 */
import { audit } from '../audit/audit';
import { campaignMunicipality, type Actor } from '../campaigns/campaign-access';
import * as campaignsRepo from '../campaigns/campaigns.repo';
import { resolveRiskZones } from '../campaigns/risk-zones';
import { db, withTransaction, type Queryable } from '../core/db';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { z } from 'zod';
import {
  MunicipalityCode,
  requestedMunicipality,
  seesMunicipality,
  visibleMunicipalityIds,
} from '../municipalities/municipality-access';

const ListQuery = z.object({ municipality: MunicipalityCode.optional() });
import { CreateEvening, UpdateEvening, type EveningArea } from './evening-input';
import * as repo from './evenings.repo';
import { moveUpWaitingList } from './evening-signups';
import { queueCancellationNotices } from './evening-reminders';
import { insertCancelled } from './evening-reminders.repo';

export type { Actor };

export interface EveningView {
  id: number;
  municipality: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: { name: string; address: string; lon: number; lat: number };
  capacity: number;
  speakers: string[];
  language: 'nl' | 'en';
  organiser: { name: string; email: string | null; phone: string | null };
  /** What the area was chosen from: 'streets', 'polygon', 'riskZones' or 'cluster'. */
  areaFrom: string;
  area: EveningArea;
  areaStreets: string[];
  status: repo.EveningStatus;
  sequence: number;
  campaignId: number | null;
  counts: { invited: number; confirmedPeople: number; waitingPeople: number; placesLeft: number };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export function areaFrom(area: Record<string, unknown>): string {
  if ('streetIds' in area) return 'streets';
  if ('polygon' in area) return 'polygon';
  if ('riskZoneIds' in area) return 'riskZones';
  return 'cluster';
}

function view(r: repo.EveningRow): EveningView {
  return {
    id: r.id,
    municipality: r.municipality_code,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    venue: { name: r.venue_name, address: r.venue_address, lon: r.lon, lat: r.lat },
    capacity: r.capacity,
    speakers: r.speakers,
    language: r.language,
    organiser: { name: r.organiser_name, email: r.organiser_email, phone: r.organiser_phone },
    areaFrom: areaFrom(r.selection),
    area: r.selection as EveningArea,
    areaStreets: r.area_streets,
    status: r.status,
    sequence: r.sequence,
    campaignId: r.campaign_id,
    counts: {
      invited: r.invited,
      confirmedPeople: r.confirmed_people,
      waitingPeople: r.waiting_people,
      placesLeft: Math.max(0, r.capacity - r.confirmed_people),
    },
    createdBy: r.created_actor,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The evening, after checking the actor may see its municipality (404 when not, or when there is none). */
export async function loadEvening(q: Queryable, id: number, actor: Actor): Promise<repo.EveningRow> {
  const r = await repo.eveningById(q, id);
  // Another municipality's evening answers as one that does not exist: ids tell nothing.
  if (!r || !seesMunicipality(actor, r.municipality_id)) throw new NotFoundError(`no evening ${id}`);
  return r;
}

/** The residential addresses of the municipality in an evening's target area. */
export async function areaAddresses(
  q: Queryable,
  municipalityId: number,
  area: EveningArea,
): Promise<number[]> {
  if ('streetIds' in area) return campaignsRepo.addressesByStreets(q, municipalityId, area.streetIds);
  if ('polygon' in area) {
    try {
      return await campaignsRepo.addressesInPolygon(q, municipalityId, area.polygon);
    } catch (err) {
      throw new BadInputError(`area.polygon: not a valid polygon (${(err as Error).message})`, {
        cause: err,
      });
    }
  }
  if ('riskZoneIds' in area) return resolveRiskZones(q, area.riskZoneIds, { municipalityId });
  return repo.addressesNearIncidents(q, municipalityId, area.cluster.incidentIds, area.cluster.radiusM);
}

/** The street names of the area (shown publicly: streets, never a house). 400 when it holds no home. */
async function areaStreets(q: Queryable, municipalityId: number, area: EveningArea): Promise<string[]> {
  const addresses = await areaAddresses(q, municipalityId, area);
  if (addresses.length === 0) throw new BadInputError('area: no residential addresses in this area');
  return repo.streetNamesOfAddresses(q, addresses);
}

function checkTimes(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    throw new BadInputError('endsAt: the evening must end after it starts');
}

/** POST /api/evenings */
export async function createEvening(body: unknown, actor: Actor): Promise<EveningView> {
  const input = CreateEvening.parse(body);
  checkTimes(input.startsAt, input.endsAt);
  const id = await withTransaction(async (c) => {
    const municipalityId = await campaignMunicipality(c, actor, input.municipality);
    const streets = await areaStreets(c, municipalityId, input.area);
    const eveningId = await repo.insertEvening(
      c,
      municipalityId,
      {
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        venueName: input.venue.name,
        venueAddress: input.venue.address,
        lon: input.venue.lon,
        lat: input.venue.lat,
        capacity: input.capacity,
        speakers: input.speakers,
        language: input.language,
        organiserName: input.organiser.name,
        organiserEmail: input.organiser.email ?? null,
        organiserPhone: input.organiser.phone ?? null,
        selection: input.area,
        areaStreets: streets,
      },
      actor.userId,
      actor.actor,
    );
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'evening.create',
      municipalityId,
      subjectType: 'evening',
      subjectId: eveningId,
      details: { areaFrom: areaFrom(input.area), streets: streets.length, capacity: input.capacity },
      ip: actor.ip ?? null,
    });
    return eveningId;
  });
  return getEvening(id, actor);
}

/** GET /api/evenings/:id */
export async function getEvening(id: number, actor: Actor): Promise<EveningView> {
  return view(await loadEvening(db(), id, actor));
}

/** GET /api/evenings[?municipality=GM0503] */
export async function listEvenings(query: unknown, actor: Actor) {
  const { municipality } = ListQuery.parse(query);
  const ids = municipality
    ? [
        (
          await requestedMunicipality(actor, municipality, {
            param: "query parameter 'municipality'",
            unknown: 'not-found',
          })
        ).id,
      ]
    : await visibleMunicipalityIds(actor);
  const rows = await repo.listEvenings(db(), ids);
  return rows.map((r) => ({
    id: r.id,
    municipality: r.municipality_code,
    title: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    venue: r.venue_name,
    capacity: r.capacity,
    status: r.status,
    invited: r.invited,
    confirmedPeople: r.confirmed_people,
  }));
}

/** PATCH /api/evenings/:id: any field, until the evening is held (409 then). */
export async function updateEvening(id: number, body: unknown, actor: Actor): Promise<EveningView> {
  const input = UpdateEvening.parse(body);
  await withTransaction(async (c) => {
    const r = await loadEvening(c, id, actor);
    // Sign-ups are counted under this lock (evening-signups.ts): a new capacity sees them all.
    await repo.lockEvening(c, id);
    if (r.status === 'held') throw new ConflictError(`evening ${id} was held; it cannot change any more`);
    const startsAt = input.startsAt ?? r.starts_at.toISOString();
    const endsAt = input.endsAt ?? r.ends_at.toISOString();
    checkTimes(startsAt, endsAt);
    if (input.status === 'held' && Date.parse(startsAt) > Date.now())
      throw new BadInputError('status: an evening can be marked held once it has begun');
    if (input.status === 'held' && r.status === 'cancelled')
      throw new ConflictError(`evening ${id} was cancelled; it cannot be marked held`);
    if (input.area && r.campaign_id !== null)
      throw new ConflictError(`evening ${id}: the invitations were sent; the area cannot change any more`);
    const area = (input.area ?? r.selection) as EveningArea;
    const streets = input.area ? await areaStreets(c, r.municipality_id, input.area) : r.area_streets;
    const venue = input.venue ?? { name: r.venue_name, address: r.venue_address, lon: r.lon, lat: r.lat };
    const organiser = input.organiser
      ? {
          name: input.organiser.name,
          email: input.organiser.email ?? null,
          phone: input.organiser.phone ?? null,
        }
      : { name: r.organiser_name, email: r.organiser_email, phone: r.organiser_phone };
    const ok = await repo.updateEvening(
      c,
      id,
      {
        title: input.title ?? r.title,
        startsAt,
        endsAt,
        venueName: venue.name,
        venueAddress: venue.address,
        lon: venue.lon,
        lat: venue.lat,
        capacity: input.capacity ?? r.capacity,
        speakers: input.speakers ?? r.speakers,
        language: input.language ?? r.language,
        organiserName: organiser.name,
        organiserEmail: organiser.email,
        organiserPhone: organiser.phone,
        selection: area,
        areaStreets: streets,
      },
      input.status ?? r.status,
    );
    if (!ok) throw new ConflictError(`evening ${id} was held; it cannot change any more`);
    // More places: the waiting list moves up (fewer: who is confirmed stays confirmed).
    if (input.capacity !== undefined) await moveUpWaitingList(c, id, input.capacity);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'evening.update',
      municipalityId: r.municipality_id,
      subjectType: 'evening',
      subjectId: id,
      details: { fields: Object.keys(input) },
      ip: actor.ip ?? null,
    });
  });
  return getEvening(id, actor);
}

/** POST /api/evenings/:id/cancel: a planned evening is cancelled (409 when held or cancelled). */
export async function cancelEvening(id: number, actor: Actor): Promise<EveningView> {
  const notices = await withTransaction(async (c) => {
    const r = await loadEvening(c, id, actor);
    if (!(await repo.cancelEvening(c, id)))
      throw new ConflictError(`evening ${id} is ${r.status}; only a planned evening can be cancelled`);
    // Those who signed up with an e-mail address hear of it (evening-reminders.ts).
    const made = await insertCancelled(id, c);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'evening.cancel',
      municipalityId: r.municipality_id,
      subjectType: 'evening',
      subjectId: id,
      details: { notices: made.length },
      ip: actor.ip ?? null,
    });
    return made;
  });
  await queueCancellationNotices(notices);
  return getEvening(id, actor);
}

export type CreateEveningBody = z.input<typeof CreateEvening>;
