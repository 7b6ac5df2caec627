/**
 * What the officers see of an evening's invitations: invited, signed up (households), coming
 * and waiting (people) and attended, per street with the response rate; attendance ticked by
 * the code on the letter a resident brings (after the evening has begun); the same figures as
 * CSV. Per street only: no house number, no name, no e-mail address.
 */
import { audit } from '../audit/audit';
import type { Actor } from '../campaigns/campaign-access';
import { csvLine } from '../core/csv';
import { db, withTransaction } from '../core/db';
import { AppError, ConflictError } from '../core/errors';
import { AttendanceBody } from './evening-input';
import * as repo from './evenings.repo';
import { loadEvening } from './evenings.service';

export interface StreetResponse {
  street: string;
  invited: number;
  signedUp: number;
  coming: number;
  waiting: number;
  attended: number;
  /** Households signed up (coming or waiting) per household invited, 0..1. */
  responseRate: number;
}

export interface EveningResponse {
  eveningId: number;
  capacity: number;
  totals: Omit<StreetResponse, 'street'>;
  streets: StreetResponse[];
}

const rate = (signedUp: number, invited: number) =>
  invited === 0 ? 0 : Math.round((signedUp / invited) * 1000) / 1000;

/** GET /api/evenings/:id/response */
export async function eveningResponse(id: number, actor: Actor): Promise<EveningResponse> {
  const q = db();
  const e = await loadEvening(q, id, actor);
  const rows = await repo.responseByStreet(q, id);
  const streets = rows.map((r) => ({
    street: r.street,
    invited: r.invited,
    signedUp: r.signed_up,
    coming: r.coming,
    waiting: r.waiting,
    attended: r.attended,
    responseRate: rate(r.signed_up, r.invited),
  }));
  const sum = (k: 'invited' | 'signedUp' | 'coming' | 'waiting' | 'attended') =>
    streets.reduce((n, s) => n + s[k], 0);
  const totals = {
    invited: sum('invited'),
    signedUp: sum('signedUp'),
    coming: sum('coming'),
    waiting: sum('waiting'),
    attended: sum('attended'),
    responseRate: rate(sum('signedUp'), sum('invited')),
  };
  return { eveningId: id, capacity: e.capacity, totals, streets };
}

/** GET /api/evenings/:id/response.csv: one line per street and a total (cells guarded against formulas). */
export async function eveningResponseCsv(id: number, actor: Actor): Promise<string> {
  const r = await eveningResponse(id, actor);
  const head = ['straat', 'uitgenodigd', 'aangemeld', 'komen', 'wachtlijst', 'aanwezig', 'respons'];
  const line = (name: string, s: Omit<StreetResponse, 'street'>) =>
    csvLine([name, s.invited, s.signedUp, s.coming, s.waiting, s.attended, s.responseRate]);
  return (
    [csvLine(head), ...r.streets.map((s) => line(s.street, s)), line('totaal', r.totals)].join('\r\n') +
    '\r\n'
  );
}

/** POST /api/evenings/:id/attendance {code, attended}: after the evening has begun. Audited. */
export async function tickAttendance(id: number, body: unknown, actor: Actor) {
  const input = AttendanceBody.parse(body);
  return withTransaction(async (c) => {
    const e = await loadEvening(c, id, actor);
    if (e.status === 'cancelled') throw new ConflictError(`evening ${id} was cancelled`);
    if (e.starts_at.getTime() > Date.now())
      throw new ConflictError(`evening ${id} has not begun; attendance is ticked at or after the evening`);
    const r = await repo.setAttendance(c, id, input.code, input.attended);
    if (!r) throw new AppError(`no invitation to evening ${id} with this code`, 404, 'unknown_code');
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'evening.attendance',
      municipalityId: e.municipality_id,
      subjectType: 'evening',
      subjectId: id,
      details: { invitation: r.invitation_id, attended: input.attended },
      ip: actor.ip ?? null,
    });
    return {
      street: r.street,
      attended: input.attended,
      signup: r.people === null ? null : { people: r.people, status: r.signup_status },
    };
  });
}
