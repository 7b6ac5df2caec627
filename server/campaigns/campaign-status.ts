/** A campaign's status and counts, as GET /api/campaigns/:id and `campaign status` show them. */
import { db } from '../core/db';
import { NotFoundError } from '../core/errors';
import { seesMunicipality } from '../municipalities/municipality-access';
import { type Actor } from './campaign-access';
import * as repo from './campaigns.repo';

export type CampaignState = 'rendering' | 'done' | 'done_with_failures' | 'cancelled';

/** 'cancelled' once cancelled, 'rendering' while any letter is pending, else done (with or without failures). */
export function campaignState(c: {
  cancelled_at: Date | null;
  pending: number;
  failed: number;
}): CampaignState {
  if (c.cancelled_at) return 'cancelled';
  return c.pending > 0 ? 'rendering' : c.failed > 0 ? 'done_with_failures' : 'done';
}

/** What GET /api/campaigns/:id answers: 'rendering' while any letter is pending. */
export interface CampaignStatus {
  id: number;
  municipalityId: number;
  kind: string;
  template: string;
  language: string;
  createdAt: string;
  status: CampaignState;
  createdBy: string;
  cancelledAt: string | null;
  printedAt: string | null;
  counts: {
    total: number;
    pending: number;
    rendered: number;
    failed: number;
    excluded: number;
    cancelled: number;
  };
  failures: { letterId: number; reason: string | null }[];
}

/**
 * Status and counts; no personal data (failures name the letter, not the address). Throws
 * NotFoundError for an unknown campaign and for another municipality's (a 403 would confirm the id exists).
 */
export async function campaignStatus(id: number, actor: Actor): Promise<CampaignStatus> {
  const pool = db();
  const c = await repo.campaignById(pool, id);
  // Another municipality's campaign answers as a missing one: a 403 would confirm the id exists.
  if (!c || !seesMunicipality(actor, c.municipality_id)) throw new NotFoundError(`no campaign ${id}`);
  const failures = c.failed > 0 ? await repo.lettersByStatus(pool, id, 'failed', 100) : [];
  return {
    id: Number(c.id),
    municipalityId: c.municipality_id,
    kind: c.kind,
    template: c.template,
    language: c.language,
    createdAt: c.created_at.toISOString(),
    status: campaignState(c),
    createdBy: c.created_actor,
    cancelledAt: c.cancelled_at?.toISOString() ?? null,
    printedAt: c.first_exported_at?.toISOString() ?? null,
    counts: {
      total: c.pending + c.rendered + c.failed,
      pending: c.pending,
      rendered: c.rendered,
      failed: c.failed,
      excluded: c.excluded,
      cancelled: c.cancelled,
    },
    failures: failures.map((f) => ({ letterId: Number(f.letter_id), reason: f.reason })),
  };
}
