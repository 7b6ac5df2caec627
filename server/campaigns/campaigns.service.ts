/**
 * Campaign rules: which addresses get a letter, who may see and export what, and what is audited.
 * Postgres is the record (campaign + one letter row per address); BullMQ only carries work.
 */
import type { Writable } from 'node:stream';
import archiver from 'archiver';
import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { seesMunicipality } from '../auth/auth.service';
import { config } from '../core/config';
import { db, withTransaction, type Queryable } from '../core/db';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../core/errors';
import { CalendarDate, MunicipalityCode, text } from '../core/input';
import { LANGUAGES, LETTER_TEMPLATES } from '../letters/letter-input';
import { getPdf } from '../letters/pdf-store';
import { houseNumberLabel, postalLines } from '../letters/postal-address';
import { kixContent } from '../letters/kix';
import { extractPages, mergePageRuns, pageRuns } from '../../jobs/letters/render-pdf';
import * as repo from './campaigns.repo';
import { enqueueLetters, reenqueuePending } from './letter-queue';
import { RISK_ZONE_ID, resolveRiskZones } from './risk-zones';

/** Who acts: a signed-in user or the command line. */
export interface Actor {
  userId: number | null;
  actor: string;
  municipalities: number[] | 'all';
  ip?: string | null;
}

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Ring = z.array(Position).min(4);
const PolygonGeoJson = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);

export const Selection = z.union([
  z.object({ streetIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(),
  z.object({ polygon: PolygonGeoJson }).strict(),
  z
    .object({
      riskZoneIds: z
        .array(
          z
            .string()
            .regex(RISK_ZONE_ID, "a risk zone id such as 'cocoon:s12' or 'watch:s12' (GET /api/risk-zones)"),
        )
        .min(1)
        .max(1000),
    })
    .strict(),
  z
    .object({ incidentId: z.number().int().positive(), radiusM: z.number().positive().max(2000).optional() })
    .strict(),
]);

const KIND_TEMPLATE = {
  cocoon: 'cocoon-warning',
  evening: 'prevention-evening',
  victim: 'victim-advice',
} as const;

export const CreateCampaign = z
  .object({
    /** Municipality code (GM0503); may be left out by a user of exactly one municipality. */
    municipality: MunicipalityCode.optional(),
    kind: z.enum(['cocoon', 'evening', 'victim']),
    template: z.enum(LETTER_TEMPLATES).optional(),
    language: z.enum(LANGUAGES).prefault('nl'),
    selection: Selection,
    /** The burglary a cocoon or victim letter is about (taken from the selection when that is an incident). */
    incidentId: z.number().int().positive().optional(),
    evening: z
      .object({ at: z.string().datetime({ offset: true }), location: text().min(1).max(200) })
      .strict()
      .optional(),
    letterDate: CalendarDate.optional(),
  })
  .strict();
export type CreateCampaign = z.input<typeof CreateCampaign>;

export interface CampaignStatus {
  id: number;
  municipalityId: number;
  kind: string;
  template: string;
  language: string;
  createdAt: string;
  status: 'rendering' | 'done' | 'done_with_failures';
  counts: { total: number; pending: number; rendered: number; failed: number; excluded: number };
  failures: { letterId: number; reason: string | null }[];
}

async function municipalityFor(q: Queryable, actor: Actor, code: string | undefined): Promise<number> {
  if (code) {
    const { rows } = await q.query<{ id: number }>('SELECT id FROM municipalities WHERE code = $1', [code]);
    if (!rows[0]) throw new BadInputError(`municipality: no municipality with code '${code}'`);
    assertAccess(actor, rows[0].id);
    return rows[0].id;
  }
  if (actor.municipalities !== 'all' && actor.municipalities.length === 1) return actor.municipalities[0]!;
  throw new BadInputError('municipality: give the municipality code (e.g. "GM0503")');
}

function assertAccess(actor: Actor, municipalityId: number): void {
  if (!seesMunicipality(actor, municipalityId)) throw new ForbiddenError('you have no access to this municipality');
}

async function selectAddresses(
  q: Queryable,
  municipalityId: number,
  sel: z.infer<typeof Selection>,
  kind: repo.CampaignKind,
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
  const inc = await repo.incidentForCampaign(q, sel.incidentId);
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

/** Creates the campaign and its letters in one transaction, audits it, then enqueues the work. */
export async function createCampaign(
  body: unknown,
  actor: Actor,
): Promise<
  CampaignStatus & { excludedAddresses: { addressId: number; address: string; reason: string | null }[] }
> {
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

  const pool = db();
  const created = await withTransaction(async (c) => {
    const municipalityId = await municipalityFor(c, actor, input.municipality);
    if (incidentId !== null) {
      const inc = await repo.incidentForCampaign(c, incidentId);
      if (!inc || inc.municipality_id !== municipalityId)
        throw new BadInputError(`incidentId: no incident ${incidentId} in this municipality`);
    }
    let addressIds = await selectAddresses(c, municipalityId, input.selection, input.kind);
    if (input.kind === 'cocoon' && incidentId !== null) {
      // The victim gets victim advice, never the warning about their own house.
      const victim = (await repo.incidentForCampaign(c, incidentId))?.address_id;
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
        excluded: letters.filter((l) => l.status === 'excluded').length,
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

/** Status and counts; no personal data (failures name the letter, not the address). */
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
    status: c.pending > 0 ? 'rendering' : c.failed > 0 ? 'done_with_failures' : 'done',
    counts: {
      total: c.pending + c.rendered + c.failed,
      pending: c.pending,
      rendered: c.rendered,
      failed: c.failed,
      excluded: c.excluded,
    },
    failures: failures.map((f) => ({ letterId: Number(f.letter_id), reason: f.reason })),
  };
}

export type ExportFormat = 'pdf' | 'zip' | 'manifest';

/** Checks access and completeness, audits the download, returns the letters in print order. */
async function lettersForExport(id: number, actor: Actor, format: ExportFormat): Promise<repo.PrintRow[]> {
  const status = await campaignStatus(id, actor);
  if (status.counts.pending > 0) {
    throw new ConflictError(
      `campaign ${id} is still rendering (${status.counts.rendered} of ${status.counts.total} letters done); try again when its status is done`,
    );
  }
  return withTransaction(async (c) => {
    const rows = await repo.renderedLetters(c, id);
    await audit(c, {
      userId: actor.userId,
      actor: actor.actor,
      action: 'campaign.export',
      municipalityId: status.municipalityId,
      subjectType: 'campaign',
      subjectId: id,
      details: { format, letters: rows.length },
      ip: actor.ip ?? null,
    });
    return rows;
  });
}

/** One print file, sorted by postcode and house number. */
export async function exportPrintFile(id: number, actor: Actor): Promise<Uint8Array> {
  const rows = await lettersForExport(id, actor, 'pdf');
  if (rows.length === 0) throw new ConflictError(`campaign ${id} has no rendered letters to print`);
  // Pages are copied out of the stored batch PDFs, one copy per run of consecutive letters in
  // the same batch: one font subset per batch instead of one per letter.
  return mergePageRuns(pageRuns(rows.map((r) => ({ file: r.pdf_sha256, page: r.pdf_page }))), getPdf);
}

/**
 * The letters' own PDFs, in order, cut out of the stored batch PDFs when asked for (the worker
 * stores only the batch). Consecutive letters of one batch load it once.
 */
async function* letterPdfs(rows: repo.PrintRow[]): AsyncGenerator<Uint8Array> {
  let loaded: { file: string; doc: PDFDocument } | undefined;
  for (const r of rows) {
    if (r.pdf_page === null) {
      yield await getPdf(r.pdf_sha256);
      continue;
    }
    if (loaded?.file !== r.pdf_sha256) {
      loaded = { file: r.pdf_sha256, doc: await PDFDocument.load(await getPdf(r.pdf_sha256), { updateMetadata: false }) };
    }
    yield await extractPages(loaded.doc, [r.pdf_page]);
  }
}

function fileName(r: repo.PrintRow, seq: number): string {
  const safe = (s: string) => s.replace(/[^0-9A-Za-z-]+/g, '_');
  return `${String(seq).padStart(5, '0')}_${r.postcode ?? 'geen-postcode'}_${safe(houseNumberLabel(r))}.pdf`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote everything that needs it; a leading =,+,-,@ would be a formula in a spreadsheet.
  const guarded = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

function manifestCsv(rows: repo.PrintRow[], language: 'nl' | 'en'): string {
  const header = [
    'page',
    'letter_id',
    'addressee',
    'address_line',
    'postcode_place_line',
    'postcode',
    'place',
    'kix',
    'file',
  ];
  const lines = [header.join(',')];
  rows.forEach((r, i) => {
    const [street, pcPlace] = r.postcode
      ? postalLines(r)
      : [`${r.street_name} ${houseNumberLabel(r)}`, r.place.toUpperCase()];
    const kix = r.postcode ? kixContent({ ...r, postcode: r.postcode }) : '';
    lines.push(
      [
        i + 1,
        r.letter_id,
        language === 'nl' ? 'Aan de bewoners van' : 'To the residents of',
        street!,
        pcPlace!,
        r.postcode,
        r.place,
        kix,
        fileName(r, i + 1),
      ]
        .map(csvCell)
        .join(','),
    );
  });
  return lines.join('\n') + '\n';
}

/** The address list for the print shop, one row per page of the print file. */
export async function exportManifest(id: number, actor: Actor): Promise<string> {
  const rows = await lettersForExport(id, actor, 'manifest');
  const c = await repo.campaignById(db(), id);
  return manifestCsv(rows, c!.language);
}

/** One PDF per address plus the manifest, streamed as a zip. */
export async function exportZip(id: number, actor: Actor, out: Writable): Promise<void> {
  const rows = await lettersForExport(id, actor, 'zip');
  const c = await repo.campaignById(db(), id);
  const zip = archiver('zip', { zlib: { level: 1 } }); // PDFs are compressed already
  const done = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('finish', resolve);
    zip.on('error', reject);
    out.on('error', reject);
  });
  zip.pipe(out);
  zip.append(manifestCsv(rows, c!.language), { name: 'manifest.csv' });
  let i = 0;
  for await (const pdf of letterPdfs(rows)) {
    zip.append(Buffer.from(pdf), { name: fileName(rows[i]!, i + 1) });
    i++;
  }
  await zip.finalize();
  await done;
}

/** Re-enqueues every letter Postgres says is not done (one campaign or all). */
export async function reconcile(
  campaignId: number | null,
): Promise<{ pending: number; jobs: number; letters: number }> {
  const pending = await repo.pendingLetters(db(), campaignId);
  const r = await reenqueuePending(pending);
  return { pending: pending.length, ...r };
}
