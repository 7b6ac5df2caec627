/**
 * What import-bag and import-osm share when they refuse a file they could read: the refusal
 * itself (rolled back, then recorded in the audit log), the rule that addresses and streets
 * another municipality holds are not moved to the one named by --municipality (only with
 * --move-from), and the limits of the texts they store.
 */
import type { Pool } from 'pg';
import { audit } from '../audit/audit';
import type { Queryable } from '../core/db';
import { BadInputError } from '../core/errors';
import { MAX_NAME_LENGTH } from '../core/stored-text';
import { municipalityByCode } from '../municipalities/municipalities.repo';
import type { ImportError, ImportSummary } from './import-summary';

/** A file that was read and refused: nothing changed; recorded as `<action>.rejected`. */
export class ImportRefused extends BadInputError {}

/** Stored rows of the file that belong to another municipality, per municipality. */
export interface Conflict {
  id: number;
  code: string;
  name: string;
  addresses: number;
  segments: number;
  /** The first of them in the file ("verblijfsobjecten #1 (0363200000039881)", "n123"). */
  example: string;
}

function counted(c: Conflict): string {
  const parts = [
    c.addresses ? `${c.addresses} address(es)` : '',
    c.segments ? `${c.segments} street segment(s)` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

/**
 * Splits the conflicts into those --move-from allows and the rest; throws for the rest: the
 * message names how many belong where, the first of them, and the flag that would move them.
 */
export function checkConflicts(
  file: string,
  target: string,
  conflicts: Conflict[],
  moveFrom: { id: number } | undefined,
): number {
  const refused = conflicts.filter((c) => c.id !== moveFrom?.id);
  if (refused.length > 0) {
    const which = refused
      .map((c) => `${counted(c)} already belong to ${c.code} (${c.name}), e.g. ${c.example}`)
      .join('; ');
    const flag =
      refused.length === 1
        ? `--move-from ${refused[0]!.code}`
        : '--move-from CODE (one municipality at a time)';
    throw new ImportRefused(
      `${file}: nothing was imported: ${which}; importing them into ${target} would move them there. Check --municipality; if they really moved, import with ${flag}`,
    );
  }
  const moving = conflicts.find((c) => c.id === moveFrom?.id);
  return moving ? moving.addresses + moving.segments : 0;
}

/** Refuses a file none of whose features could be imported, naming the first problems. */
export function refuseWhenNothingValid(file: string, summary: ImportSummary, staged: number): void {
  if (summary.rejected === 0 || staged > 0) return;
  const first = summary.errors
    .slice(0, 3)
    .map((e: ImportError) => `${e.feature ?? `line ${e.line}`}: ${e.reason}`)
    .join('; ');
  throw new ImportRefused(
    `${file}: nothing was imported: none of its ${summary.rejected} feature(s) can be imported; ${first}${summary.rejected > 3 ? ` (and ${summary.rejected - 3} more)` : ''}`,
  );
}

/**
 * Runs an import; a refusal is recorded after the rollback (its own small transaction), so the
 * attempt is on record while the data stay exactly as they were.
 */
export async function auditRefusal<T>(
  pool: Pool,
  entry: { actor: string; action: string; municipalityCode?: string; details: Record<string, unknown> },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ImportRefused)) throw err;
    const m = entry.municipalityCode ? await municipalityByCode(pool, entry.municipalityCode) : undefined;
    await audit(pool, {
      actor: entry.actor,
      action: `${entry.action}.rejected`,
      municipalityId: m?.id ?? null,
      details: { ...entry.details, reason: err.message.slice(0, 2000) },
    });
    throw err;
  }
}

/** A municipality named by --move-from: it must exist and differ from the target. */
export async function moveFromMunicipality(
  q: Queryable,
  code: string | undefined,
  targetId: number,
): Promise<{ id: number; code: string } | undefined> {
  if (!code) return undefined;
  const m = await municipalityByCode(q, code);
  if (!m) throw new BadInputError(`--move-from: no municipality '${code}'`);
  if (m.id === targetId)
    throw new BadInputError(
      `--move-from ${code} is the municipality the file is imported into; leave --move-from out`,
    );
  return { id: m.id, code: m.code };
}

/** The problem of a name a street row would get (indexed), or of an empty one; undefined when fine. */
export function nameProblem(what: string, value: string | null, empty: string): string | undefined {
  if (value === null || value === '') return `${what} is empty; ${empty}`;
  if (value.length > MAX_NAME_LENGTH)
    return `${what} is ${value.length.toLocaleString('en')} characters long; at most ${MAX_NAME_LENGTH}`;
  return undefined;
}
