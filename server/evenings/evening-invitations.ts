/**
 * Invitations to an evening through the letter pipeline: one campaign of kind 'evening'
 * (template prevention-evening) with one letter per residential address of the target area,
 * and per letter an invitation holding the address's personal sign-up code. The worker prints
 * the code and a QR code to the sign-up page (letters-for-render.sql joins the invitation).
 * The campaigns' repeat rule (LETTER_REPEAT_DAYS) does not apply: an address invited to another
 * evening lately is invited to this one too.
 */
import { audit } from '../audit/audit';
import type { Actor } from '../campaigns/campaign-access';
import * as campaignsRepo from '../campaigns/campaigns.repo';
import { CalendarDate } from '../core/input';
import { withTransaction, type Queryable } from '../core/db';
import { BadInputError, ConflictError } from '../core/errors';
import { enqueueLetters } from '../letters/letter-queue';
import { z } from 'zod';
import type { EveningArea } from './evening-input';
import * as repo from './evenings.repo';
import { areaAddresses, getEvening, loadEvening, type EveningView } from './evenings.service';
import { newSignupCode } from './signup-code';

const InviteBody = z.object({ letterDate: CalendarDate.optional() }).strict();

/** Codes for every letter; a code that happens to be in use already is drawn again. */
async function insertWithCodes(
  q: Queryable,
  eveningId: number,
  letters: { letterId: number; addressId: number }[],
): Promise<void> {
  let todo = letters;
  for (let attempt = 0; todo.length > 0; attempt++) {
    if (attempt > 20) throw new Error('could not draw unique sign-up codes (20 attempts)');
    const done = await repo.insertInvitations(
      q,
      eveningId,
      todo.map((l) => ({ ...l, code: newSignupCode() })),
    );
    todo = todo.filter((l) => !done.has(l.letterId));
  }
}

/** The letter's place line: venue name and postal address. */
export function venueLine(r: { venue_name: string; venue_address: string }): string {
  return `${r.venue_name}, ${r.venue_address}`.slice(0, 300);
}

/** POST /api/evenings/:id/invitations: 201 with the evening (its campaignId names the letters). */
export async function sendInvitations(id: number, body: unknown, actor: Actor): Promise<EveningView> {
  const input = InviteBody.parse(body ?? {});
  const sent = await withTransaction(async (c) => {
    const r = await loadEvening(c, id, actor);
    await repo.lockEvening(c, id);
    if (r.status !== 'planned')
      throw new ConflictError(`evening ${id} is ${r.status}; invitations need a planned evening`);
    if (r.campaign_id !== null)
      throw new ConflictError(`evening ${id}: the invitations were sent already (campaign ${r.campaign_id})`);
    if (r.starts_at.getTime() < Date.now())
      throw new ConflictError(`evening ${id} has begun; too late to invite`);
    const addressIds = await areaAddresses(c, r.municipality_id, r.selection as EveningArea);
    if (addressIds.length === 0) throw new BadInputError('area: no residential addresses in this area');
    await campaignsRepo.lockKind(c, r.municipality_id, 'evening');
    const campaignId = await campaignsRepo.insertCampaign(c, {
      municipalityId: r.municipality_id,
      kind: 'evening',
      template: 'prevention-evening',
      language: r.language,
      selection: { evening: id, area: r.selection },
      incidentId: null,
      eveningAt: r.starts_at.toISOString(),
      eveningLocation: venueLine(r),
      letterDate: input.letterDate ?? null,
      createdBy: actor.userId,
      actor: actor.actor,
    });
    // Repeat rule off (0 days): every evening is its own invitation, even when the address was
    // invited to another evening lately; one per address and evening (evening_invitations).
    const letters = await campaignsRepo.insertLetters(
      c,
      campaignId,
      addressIds,
      'evening',
      r.municipality_id,
      0,
    );
    const pending = await repo.lettersOfCampaign(c, campaignId);
    await insertWithCodes(c, id, pending);
    await repo.setCampaign(c, id, campaignId);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'evening.invite',
      municipalityId: r.municipality_id,
      subjectType: 'evening',
      subjectId: id,
      details: {
        campaignId,
        letters: pending.length,
        excluded: letters.filter((l) => l.status === 'excluded').length,
      },
      ip: actor.ip ?? null,
    });
    // Print order for the batches (pending-letters.sql), as campaign-create.ts does.
    return { campaignId, pending: (await campaignsRepo.pendingLetters(c, campaignId)).map((l) => l.id) };
  });
  // After the commit: a worker must find the rows. If Redis is down now, `reconcile` enqueues them later.
  await enqueueLetters(sent.campaignId, sent.pending);
  return getEvening(id, actor);
}
