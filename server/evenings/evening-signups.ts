/**
 * A resident's sign-up with the personal code from their letter (public, rate limited in the
 * routes): look up the evening, say how many people come, optionally leave a name and an e-mail
 * address for a reminder (only with consent; deleted after the evening), change or cancel.
 *
 * Capacity is enforced in the database: every change to an evening's sign-ups runs in a
 * transaction that first locks the evening's row (SELECT ... FOR UPDATE), so two sign-ups for
 * the last place are counted one after the other and never both confirmed. Past capacity a
 * household goes on the waiting list; when places come free (a cancellation, fewer people, a
 * larger capacity) the waiting list moves up first come first, as far as each household fits.
 *
 * What is answered never holds the code, the address or a name: only the evening and the
 * household's own number of people and status.
 */
import { db, withTransaction, type Queryable } from '../core/db';
import { AppError, BadInputError, ConflictError } from '../core/errors';
import { CodeBody, SignupBody } from './evening-input';
import * as repo from './evenings.repo';

export interface SignupView {
  evening: {
    title: string;
    startsAt: string;
    endsAt: string;
    venue: { name: string; lon: number; lat: number };
    language: 'nl' | 'en';
    areaStreets: string[];
    status: repo.EveningStatus | 'over';
    full: boolean;
  };
  signup: null | {
    people: number;
    status: 'confirmed' | 'waiting';
    waitingPosition: number | null;
    contactStored: boolean;
  };
}

class UnknownCodeError extends AppError {
  constructor() {
    super(
      'no invitation with this code; check the 8 letters and digits in your letter (after repeated wrong tries you have to wait 15 minutes)',
      404,
      'unknown_code',
    );
  }
}

function view(r: repo.InvitationRow): SignupView {
  const over = r.ends_at.getTime() < Date.now();
  return {
    evening: {
      title: r.title,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      venue: { name: r.venue_name, lon: r.lon, lat: r.lat },
      language: r.language,
      areaStreets: r.area_streets,
      status: r.status === 'planned' && over ? 'over' : r.status,
      full: r.confirmed_people >= r.capacity,
    },
    signup:
      r.people === null || r.signup_status === null
        ? null
        : {
            people: r.people,
            status: r.signup_status,
            waitingPosition: r.waiting_position,
            contactStored: r.has_contact ?? false,
          },
  };
}

async function byCode(q: Queryable, code: string): Promise<repo.InvitationRow> {
  const r = await repo.invitationByCode(q, code);
  if (!r) throw new UnknownCodeError();
  return r;
}

/** Confirms waiting households, first come first, while they fit. Call with the evening locked. */
export async function moveUpWaitingList(q: Queryable, eveningId: number, capacity: number): Promise<void> {
  let confirmed = await repo.confirmedPeople(q, eveningId, null);
  for (const w of await repo.waitingList(q, eveningId)) {
    if (confirmed + w.people > capacity) continue;
    await repo.confirmSignup(q, w.invitation_id);
    confirmed += w.people;
  }
}

/** Locks the evening of an invitation and checks it still takes sign-ups. */
async function lockOpen(q: Queryable, r: repo.InvitationRow): Promise<{ capacity: number }> {
  const e = await repo.lockEvening(q, r.evening_id);
  if (!e || e.status === 'cancelled') throw new ConflictError('this evening was cancelled');
  if (e.status === 'held' || e.ends_at.getTime() < Date.now())
    throw new ConflictError('this evening is over');
  return { capacity: e.capacity };
}

/** POST /api/public/signup/lookup */
export async function lookUp(body: unknown): Promise<SignupView> {
  const { code } = CodeBody.parse(body);
  return view(await byCode(db(), code));
}

/** POST /api/public/signup: a new or changed sign-up. */
export async function signUp(body: unknown): Promise<SignupView> {
  const input = SignupBody.parse(body);
  const name = input.name ?? null;
  const email = input.email ?? null;
  if ((name !== null || email !== null) && !input.consent)
    throw new BadInputError(
      'consent: a name or e-mail address is stored only with your consent (it is deleted after the evening); tick the box or leave both empty',
    );
  return withTransaction(async (c) => {
    const r = await byCode(c, input.code);
    const { capacity } = await lockOpen(c, r);
    // Counted under the evening's lock: no other sign-up of this evening changes meanwhile.
    const others = await repo.confirmedPeople(c, r.evening_id, r.invitation_id);
    const fits = others + input.people <= capacity;
    const status = fits ? 'confirmed' : 'waiting';
    await repo.upsertSignup(c, {
      invitationId: r.invitation_id,
      eveningId: r.evening_id,
      people: input.people,
      status,
      name,
      email,
      consent: input.consent && (name !== null || email !== null),
    });
    // Fewer people than before may leave room for the waiting list.
    await moveUpWaitingList(c, r.evening_id, capacity);
    return view(await byCode(c, input.code));
  });
}

/** POST /api/public/signup/cancel: the household no longer comes; the waiting list moves up. */
export async function cancelSignup(body: unknown): Promise<SignupView> {
  const { code } = CodeBody.parse(body);
  return withTransaction(async (c) => {
    const r = await byCode(c, code);
    const { capacity } = await lockOpen(c, r);
    await repo.deleteSignup(c, r.invitation_id);
    await moveUpWaitingList(c, r.evening_id, capacity);
    return view(await byCode(c, code));
  });
}
