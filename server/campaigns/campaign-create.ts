/**
 * Creating a campaign: which addresses get a letter (the selection, without the victim for a
 * cocoon warning, without addresses that had the same kind of letter lately), one transaction
 * for the campaign, its letters and the audit entry, then the letters go on the queue.
 * Postgres is the record (campaign + one letter row per address); BullMQ only carries work.
 */
import type { z } from 'zod';
import { audit } from '../audit/audit';
import { config } from '../core/config';
import { db, withTransaction, type Queryable } from '../core/db';
import { BadInputError } from '../core/errors';
import { assertQueueReachable, enqueueLetters } from '../letters/letter-queue';
import { campaignMunicipality, type Actor } from './campaign-access';
import { CreateCampaign, KIND_TEMPLATE, type Selection } from './campaign-input';
import { campaignStatus, type CampaignStatus } from './campaign-status';
import * as repo from './campaigns.repo';
import { resolveRiskZones } from './risk-zones';
import { trialGate } from '../trial/trial-gate';

type CampaignIncident = NonNullable<Awaited<ReturnType<typeof repo.incidentForCampaign>>>;

/**
 * The addresses a selection names. `incident` is the campaign's burglary, already looked up in
 * this transaction: a selection by that same incident uses it instead of reading it again.
 */
async function selectAddresses(
  q: Queryable,
  municipalityId: number,
  sel: z.infer<typeof Selection>,
  kind: repo.CampaignKind,
  incident: CampaignIncident | undefined,
): Promise<number[]> {
  if ('streetIds' in sel) return repo.addressesByStreets(q, municipalityId, sel.streetIds);
  if ('polygon' in sel) {
    try {
      return await repo.addressesInPolygon(q, municipalityId, sel.polygon);
    } catch (err) {
      throw new BadInputError(`selection.polygon: not a valid polygon (${(err as Error).message})`, {
        cause: err,
      });
    }
  }
  if ('riskZoneIds' in sel) return resolveRiskZones(q, sel.riskZoneIds, { municipalityId });
  // An incident: the victim's address for victim advice, the neighbours for a cocoon warning.
  const inc = incident?.id === sel.incidentId ? incident : await repo.incidentForCampaign(q, sel.incidentId);
  if (!inc || inc.municipality_id !== municipalityId)
    throw new BadInputError(`selection.incidentId: no incident ${sel.incidentId} in this municipality`);
  if (kind === 'victim') {
    if (inc.address_id === null)
      throw new BadInputError(
        `selection.incidentId: incident ${inc.id} has no address; a victim letter needs one`,
      );
    return [inc.address_id];
  }
  if (!inc.has_geom)
    throw new BadInputError(
      `selection.incidentId: incident ${inc.id} has no location, so there are no neighbours to select`,
    );
  return repo.addressesNearIncident(
    q,
    municipalityId,
    inc.id,
    sel.radiusM ?? config().NEAR_REPEAT_DISTANCE_M,
  );
}

/** A validated campaign request: the input and the template it uses. */
export interface CampaignRequest {
  input: z.infer<typeof CreateCampaign>;
  template: string;
  incidentId: number | null;
}

/** Validates a campaign body (CreateCampaign, then the rules between fields); throws 400s. */
export function campaignRequest(body: unknown): CampaignRequest {
  const input = CreateCampaign.parse(body);
  const template = input.template ?? KIND_TEMPLATE[input.kind];
  if (template !== KIND_TEMPLATE[input.kind])
    throw new BadInputError(
      `template: a ${input.kind} campaign uses '${KIND_TEMPLATE[input.kind]}', not '${template}'`,
    );
  const incidentId =
    input.incidentId ?? ('incidentId' in input.selection ? input.selection.incidentId : null);
  if ((input.kind === 'cocoon' || input.kind === 'victim') && incidentId === null) {
    throw new BadInputError(`incidentId: a ${input.kind} letter is about one burglary; give its incidentId`);
  }
  if (input.kind === 'evening' && !input.evening)
    throw new BadInputError('evening: an invitation needs the evening ({ at, location })');
  return { input, template, incidentId };
}

/**
 * Inside a transaction: the campaign row and one letter row per selected residential address
 * (excluded ones included, with their reason), as creating and previewing both need it.
 */
export async function insertCampaignLetters(
  c: Queryable,
  req: CampaignRequest,
  actor: Actor,
): Promise<{ id: number; municipalityId: number; pending: number[]; excluded: number }> {
  const { input, template, incidentId } = req;
  const municipalityId = await campaignMunicipality(c, actor, input.municipality);
  // The campaign's burglary is read once: checked here, reused by the selection and the victim rule.
  let incident: CampaignIncident | undefined;
  if (incidentId !== null) {
    incident = await repo.incidentForCampaign(c, incidentId);
    if (!incident || incident.municipality_id !== municipalityId)
      throw new BadInputError(`incidentId: no incident ${incidentId} in this municipality`);
  }
  let addressIds = await selectAddresses(c, municipalityId, input.selection, input.kind, incident);
  if (input.kind === 'cocoon' && incident) {
    // The victim gets victim advice, never the warning about their own house.
    const victim = incident.address_id;
    addressIds = addressIds.filter((a) => a !== victim);
  }
  if (addressIds.length === 0)
    throw new BadInputError('selection: no residential addresses in this selection');
  await repo.lockKind(c, municipalityId, input.kind);
  const id = await repo.insertCampaign(c, {
    municipalityId,
    kind: input.kind,
    template,
    language: input.language,
    selection: input.selection,
    incidentId,
    eveningAt: input.evening?.at ?? null,
    eveningLocation: input.evening?.location ?? null,
    letterDate: input.letterDate ?? null,
    createdBy: actor.userId,
    actor: actor.actor,
  });
  const letters = await repo.insertLetters(
    c,
    id,
    addressIds,
    input.kind,
    municipalityId,
    config().LETTER_REPEAT_DAYS,
  );
  // Batches are cut from this list, so it must be in print order: then every batch PDF is a
  // run of consecutive pages of the print file (pending-letters.sql sorts explicitly).
  const pending = (await repo.pendingLetters(c, id)).map((l) => l.id);
  return { id, municipalityId, pending, excluded: letters.filter((l) => l.status === 'excluded').length };
}

/**
 * Creates the campaign and its letters in one transaction, audits it, then enqueues the work.
 * `body` is validated here (CreateCampaign); bad input throws BadInputError or a ZodError (400),
 * another municipality's campaign ForbiddenError (403). Returns the status and the addresses
 * left out by the repeat rule, with the reason.
 */
export async function createCampaign(
  body: unknown,
  actor: Actor,
): Promise<
  CampaignStatus & { excludedAddresses: { addressId: number; address: string; reason: string | null }[] }
> {
  const req = campaignRequest(body);
  const { input, template, incidentId } = req;
  // The letters go on the queue after the commit: without the queue nothing is created.
  await assertQueueReachable();
  // Trial mode (off by default): may hold the cocoon letter about one burglary back, at random
  // (server/trial/trial-gate.ts). Letters to chosen streets or an area are never held back.
  if (input.kind === 'cocoon' && 'incidentId' in input.selection && incidentId !== null)
    await trialGate(incidentId, actor);
  const pool = db();
  const created = await withTransaction(async (c) => {
    const { id, municipalityId, pending, excluded } = await insertCampaignLetters(c, req, actor);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'campaign.create',
      municipalityId,
      subjectType: 'campaign',
      subjectId: id,
      details: {
        kind: input.kind,
        template,
        language: input.language,
        selection: Object.keys(input.selection)[0],
        incidentId,
        letters: pending.length,
        excluded,
      },
      ip: actor.ip ?? null,
    });
    return { id, pending };
  }, pool);
  // After the commit: a worker must find the rows. If Redis is down now, `reconcile` enqueues them later.
  await enqueueLetters(created.id, created.pending);
  const status = await campaignStatus(created.id, actor);
  const excluded = await repo.lettersByStatus(pool, created.id, 'excluded', 10_000);
  return {
    ...status,
    excludedAddresses: excluded.map((e) => ({
      addressId: Number(e.address_id),
      address: e.address,
      reason: e.reason,
    })),
  };
}
