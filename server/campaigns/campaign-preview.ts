/**
 * The preview of a campaign before anything is created: the same steps as creating it (the
 * selection, the victim rule, the repeat rule) run in a transaction that is rolled back, so the
 * counts are exactly what "send" would give and nothing is written. The only trace is an audit
 * row of the view (the officer saw addresses that are left out).
 */
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { letterPng } from '../letters/letter-image';
import { letterInputFromRow } from '../letters/letter-source';
import { letterDocument, renderSheet } from '../letters/letter-templates';
import { buildLetterView } from '../letters/letter-view';
import type { Actor } from './campaign-access';
import { campaignRequest, insertCampaignLetters, type CampaignRequest } from './campaign-create';
import * as repo from './campaigns.repo';

/** What POST /api/campaigns/preview answers. */
export interface CampaignPreview {
  municipalityId: number;
  kind: string;
  language: string;
  /** Letters that would be sent (one per residential address). */
  letters: number;
  /** Addresses left out because they had a letter of this kind recently, with that letter's date. */
  excluded: Array<{
    addressId: number;
    address: string;
    previousCampaignId: number | null;
    previousOn: string | null;
  }>;
  /** Streets involved, most letters first. */
  streets: Array<{ id: number | null; name: string; letters: number; excluded: number }>;
}

/** Rolls the preview's transaction back while carrying its result out. */
class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('preview: rolled back');
  }
}

async function dryRun<T>(
  req: CampaignRequest,
  actor: Actor,
  read: (
    c: Parameters<Parameters<typeof withTransaction>[0]>[0],
    ins: Awaited<ReturnType<typeof insertCampaignLetters>>,
  ) => Promise<T>,
): Promise<T> {
  try {
    await withTransaction(async (c) => {
      const ins = await insertCampaignLetters(c, req, actor);
      throw new Rollback(await read(c, ins));
    }, db());
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('preview: the transaction was not rolled back');
}

/** Counts, streets and left-out addresses of a campaign body (as POST /api/campaigns takes it); writes nothing but the audit row. */
export async function previewCampaign(body: unknown, actor: Actor): Promise<CampaignPreview> {
  const req = campaignRequest(body);
  const preview = await dryRun(req, actor, async (c, ins) => {
    const rows = await repo.previewLetters(c, ins.id);
    const streets = new Map<string, CampaignPreview['streets'][number]>();
    for (const r of rows) {
      const key = `${r.street_id ?? ''}|${r.street_name}`;
      const s = streets.get(key) ?? { id: r.street_id, name: r.street_name, letters: 0, excluded: 0 };
      if (r.status === 'excluded') s.excluded++;
      else s.letters++;
      streets.set(key, s);
    }
    return {
      municipalityId: ins.municipalityId,
      kind: req.input.kind,
      language: req.input.language,
      letters: ins.pending.length,
      excluded: rows
        .filter((r) => r.status === 'excluded')
        .map((r) => ({
          addressId: r.address_id,
          address: r.address,
          previousCampaignId: r.previous_campaign_id,
          previousOn: r.previous_on,
        })),
      streets: [...streets.values()].sort(
        (a, b) => b.letters - a.letters || a.name.localeCompare(b.name, 'nl'),
      ),
    };
  });
  await auditPreview(actor, preview.municipalityId, {
    letters: preview.letters,
    excluded: preview.excluded.length,
    kind: preview.kind,
  });
  return preview;
}

/** The first letter of a campaign body as PNG (A4), rendered from the same template the worker prints. */
export async function previewFirstLetter(body: unknown, actor: Actor): Promise<Buffer> {
  const req = campaignRequest(body);
  const { html, municipalityId } = await dryRun(req, actor, async (c, ins) => {
    const [row] = await repo.lettersForRender(c, ins.pending.slice(0, 1));
    if (!row) throw new Error('preview: no letter to show');
    const input = letterInputFromRow(row);
    const view = await buildLetterView({ ...input, reference: `PK-voorbeeld` });
    return {
      html: letterDocument([renderSheet(input.template, input.language, view)]),
      municipalityId: ins.municipalityId,
    };
  });
  await auditPreview(actor, municipalityId, { kind: req.input.kind, image: true });
  return letterPng(html);
}

async function auditPreview(
  actor: Actor,
  municipalityId: number,
  details: Record<string, unknown>,
): Promise<void> {
  await audit(db(), {
    userId: actor.userId,
    actor: actor.actor,
    action: 'campaign.preview',
    municipalityId,
    subjectType: 'municipality',
    subjectId: municipalityId,
    details,
    ip: actor.ip ?? null,
  });
}
