/**
 * Subsidy applications (issue 13, measure 3): the import (all or nothing, every problem with its
 * line number, audited: applications are personal data) and the per-street aggregate.
 */
import { audit } from '../audit/audit';
import { db, withTransaction } from '../core/db';
import { formatPostcode } from '../imports/address-parts';
import type { ImportSummary } from '../imports/import-summary';
import type { MunicipalityRef } from '../municipalities/municipalities.repo';
import * as repo from './subsidies.repo';
import { readSubsidyCsv } from './subsidy-rows';

export interface SubsidyImportSummary extends ImportSummary {
  committed: boolean;
}

export interface SubsidyImportOptions {
  fileName: string;
  municipality: MunicipalityRef;
  actor: string;
  userId: number | null;
  ip: string | null;
}

/** Reads and stores a file; a file with any problem stores nothing (committed: false). */
export async function importSubsidies(
  buf: Buffer,
  opts: SubsidyImportOptions,
): Promise<SubsidyImportSummary> {
  const file = opts.fileName.replace(/^.*[\\/]/, '').slice(0, 200);
  const { rows, errors, read } = readSubsidyCsv(buf, file);
  return withTransaction(async (client) => {
    const summary: SubsidyImportSummary = {
      file,
      read,
      imported: 0,
      updated: 0,
      skipped: 0,
      rejected: 0,
      errors: [...errors],
      committed: false,
    };
    if (!errors.length) {
      const missing = new Set(await repo.unmatchedLines(client, opts.municipality.id, rows));
      for (const r of rows.filter((x) => missing.has(x.line)))
        summary.errors.push({
          line: r.line,
          reason: `no address ${formatPostcode(r.postcode)} ${r.huisnummer}${r.huisletter ?? ''}${r.toevoeging ? `-${r.toevoeging}` : ''} in ${opts.municipality.name}; check the postcode and house number, or import the addresses (BAG) first`,
        });
    }
    summary.rejected = new Set(summary.errors.map((e) => e.line)).size;
    if (!summary.errors.length && rows.length) {
      summary.imported = await repo.insertApplications(client, opts.municipality.id, rows, opts.actor);
      summary.skipped = rows.length - summary.imported;
      summary.committed = true;
    } else if (!summary.errors.length)
      summary.errors.push({ line: 2, reason: 'the file has no applications' });
    await audit(client, {
      userId: opts.userId,
      actor: opts.actor,
      action: summary.committed ? 'subsidies.import' : 'subsidies.import.refused',
      municipalityId: opts.municipality.id,
      subjectType: 'file',
      subjectId: file,
      details: { bytes: buf.length, read, imported: summary.imported, rejected: summary.rejected },
      ip: opts.ip,
    });
    return summary;
  });
}

/** One line for the 422 answer: the first problems with their lines. */
export function subsidyRejection(s: SubsidyImportSummary): string {
  const first = s.errors
    .slice(0, 3)
    .map((e) => `line ${e.line}: ${e.reason}`)
    .join('; ');
  return `nothing was imported: ${s.errors.length} problem(s), first ${first}. Fix the file and send it again`;
}

/** Applications per street (aggregated) in a period. */
export function streetApplications(municipalityId: number, from: Date, to: Date) {
  return repo.applicationsPerStreet(db(), municipalityId, from, to);
}
