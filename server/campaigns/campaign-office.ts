/**
 * The officers' daily view of their letters: the campaign list (filters: period, kind, status,
 * street), cancelling a campaign not printed yet, retrying failed letters, the history per
 * street, the streets' days since their last letter, and the to-do list of fresh burglaries
 * whose cocoon has had no letter yet. Every read is limited to the actor's municipalities;
 * another municipality's campaign or street answers 404, as a missing one.
 */
import { z } from 'zod';
import { audit } from '../audit/audit';
import { config } from '../core/config';
import { QueryDate } from '../core/dates';
import { db, withTransaction } from '../core/db';
import { ConflictError, NotFoundError } from '../core/errors';
import { MunicipalityCode, seesMunicipality } from '../municipalities/municipality-access';
import { assertQueueReachable, enqueueLetters } from '../letters/letter-queue';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import type { Actor } from './campaign-access';
import { campaignState, type CampaignState } from './campaign-status';
import * as repo from './campaigns.repo';

export const CampaignListQuery = z.object({
  municipality: MunicipalityCode.optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
  kind: z.enum(['cocoon', 'evening', 'victim']).optional(),
  status: z.enum(['rendering', 'done', 'done_with_failures', 'cancelled']).optional(),
  street: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface CampaignListItem {
  id: number;
  municipality: string;
  kind: string;
  language: string;
  createdAt: string;
  createdBy: string;
  status: CampaignState;
  cancelledAt: string | null;
  printedAt: string | null;
  /** Whether it may still be cancelled (not cancelled, not printed). */
  cancellable: boolean;
  counts: {
    letters: number;
    pending: number;
    rendered: number;
    failed: number;
    excluded: number;
    cancelled: number;
  };
  streets: number;
}

/** The municipalities an actor's list covers: one asked for (404 when not theirs), or all of theirs. */
async function scope(actor: Actor, code: string | undefined): Promise<number[] | null> {
  if (code) {
    const m = await municipalityByCode(db(), code);
    if (!m || !seesMunicipality(actor, m.id)) throw new NotFoundError(`no municipality '${code}'`);
    return [m.id];
  }
  return actor.municipalities === 'all' ? null : actor.municipalities;
}

export async function listCampaigns(query: unknown, actor: Actor): Promise<CampaignListItem[]> {
  const q = CampaignListQuery.parse(query);
  const rows = await repo.listCampaigns(db(), {
    municipalityIds: await scope(actor, q.municipality),
    from: q.from ?? null,
    to: q.to ?? null,
    kind: q.kind ?? null,
    streetId: q.street ?? null,
    // The status is derived from the counts: filter after, from a wider page.
    limit: q.status ? 5000 : q.limit,
  });
  return rows
    .map((r) => ({
      id: r.id,
      municipality: r.municipality_code,
      kind: r.kind,
      language: r.language,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_actor,
      status: campaignState(r),
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
      printedAt: r.first_exported_at?.toISOString() ?? null,
      cancellable: !r.cancelled_at && !r.first_exported_at,
      counts: {
        letters: r.pending + r.rendered + r.failed,
        pending: r.pending,
        rendered: r.rendered,
        failed: r.failed,
        excluded: r.excluded,
        cancelled: r.cancelled,
      },
      streets: r.streets,
    }))
    .filter((c) => !q.status || c.status === q.status)
    .slice(0, q.limit);
}

async function ownCampaign(id: number, actor: Actor): Promise<repo.CampaignRow> {
  const c = await repo.campaignById(db(), id);
  if (!c || !seesMunicipality(actor, c.municipality_id)) throw new NotFoundError(`no campaign ${id}`);
  return c;
}

/** Cancels a campaign whose print file was never downloaded; its waiting letters are never rendered. */
export async function cancelCampaign(
  id: number,
  actor: Actor,
): Promise<{ id: number; cancelledLetters: number }> {
  const c = await ownCampaign(id, actor);
  if (c.cancelled_at) throw new ConflictError(`campaign ${id} is already cancelled`);
  if (c.first_exported_at)
    throw new ConflictError(
      `campaign ${id} was printed (downloaded ${c.first_exported_at.toISOString().slice(0, 10)}); it can no longer be cancelled`,
    );
  const letters = await withTransaction(async (q) => {
    const cancelled = await repo.cancelCampaign(q, id, actor.actor);
    if (cancelled === null) throw new ConflictError(`campaign ${id} was cancelled or printed meanwhile`);
    await audit(q, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'campaign.cancel',
      municipalityId: c.municipality_id,
      subjectType: 'campaign',
      subjectId: id,
      details: { cancelledLetters: cancelled.length },
      ip: actor.ip ?? null,
    });
    return cancelled;
  });
  return { id, cancelledLetters: letters.length };
}

/** Puts a campaign's failed letters back on the queue; answers how many. */
export async function retryFailed(id: number, actor: Actor): Promise<{ id: number; retried: number }> {
  const c = await ownCampaign(id, actor);
  if (c.cancelled_at) throw new ConflictError(`campaign ${id} is cancelled; its letters are not retried`);
  await assertQueueReachable();
  const ids = await withTransaction(async (q) => {
    const ids = await repo.retryFailed(q, id);
    await audit(q, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'campaign.retry',
      municipalityId: c.municipality_id,
      subjectType: 'campaign',
      subjectId: id,
      details: { letters: ids.length },
      ip: actor.ip ?? null,
    });
    return ids;
  });
  if (ids.length) await enqueueLetters(id, ids);
  return { id, retried: ids.length };
}

/** Which letters went to a street and when, beside its burglaries of the last year. */
export async function streetHistory(
  streetId: number,
  actor: Actor,
): Promise<{
  street: { id: number; name: string };
  letters: Array<{
    campaignId: number;
    kind: string;
    language: string;
    sentAt: string;
    createdBy: string;
    letters: number;
    rendered: number;
  }>;
}> {
  const s = await repo.streetById(db(), streetId);
  if (!s || !seesMunicipality(actor, s.municipality_id)) throw new NotFoundError(`no street ${streetId}`);
  const rows = await repo.streetHistory(db(), streetId);
  return {
    street: { id: s.id, name: s.name },
    letters: rows.map((r) => ({
      campaignId: r.campaign_id,
      kind: r.kind,
      language: r.language,
      sentAt: r.created_at.toISOString(),
      createdBy: r.created_actor,
      letters: r.letters,
      rendered: r.rendered,
    })),
  };
}

/** Per street of a municipality: days since its last letter (for the map's colouring). */
export async function lastLetters(
  code: string,
  actor: Actor,
  now = new Date(),
): Promise<Array<{ streetId: number; name: string; lastAt: string; days: number; campaigns: number }>> {
  const m = await municipalityByCode(db(), MunicipalityCode.parse(code));
  if (!m || !seesMunicipality(actor, m.id)) throw new NotFoundError(`no municipality '${code}'`);
  return (await repo.lastLetters(db(), m.id)).map((r) => ({
    streetId: r.street_id,
    name: r.street_name,
    lastAt: r.last_at.toISOString(),
    days: Math.floor((now.getTime() - r.last_at.getTime()) / 86_400_000),
    campaigns: r.campaigns,
  }));
}

/** Days back the to-do list looks, and the practice it reminds of (write within 24-48 hours). */
export const TODO_DAYS = 14;

export const TodoQuery = z.object({ municipality: MunicipalityCode.optional() });

/** Burglaries of the last 14 days whose cocoon has had no letter yet, newest first. */
export async function letterTodo(
  query: unknown,
  actor: Actor,
): Promise<
  Array<{
    incidentId: number;
    municipality: string;
    occurredFrom: string;
    hoursSince: number;
    attempt: boolean;
    modusOperandi: string;
    street: { id: number | null; name: string | null };
  }>
> {
  const q = TodoQuery.parse(query);
  const rows = await repo.letterTodo(
    db(),
    await scope(actor, q.municipality),
    TODO_DAYS,
    config().NEAR_REPEAT_DISTANCE_M,
  );
  return rows.map((r) => ({
    incidentId: r.id,
    municipality: r.municipality_code,
    occurredFrom: r.occurred_from.toISOString(),
    hoursSince: r.hours,
    attempt: r.attempt,
    modusOperandi: r.modus_operandi,
    street: { id: r.street_id, name: r.street_name },
  }));
}
