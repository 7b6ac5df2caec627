/** Row counts and a content checksum of the tables imports write to: "unchanged" made testable. */
import type { Queryable } from '../../server/core/db';

const TABLES = [
  'municipalities',
  'streets',
  'street_segments',
  'addresses',
  'incidents',
  'users',
  'audit_log',
];

export async function fingerprint(q: Queryable): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const { rows } = await q.query<{ n: string; md5: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(x::text, '|' ORDER BY x.id)) AS md5 FROM ${t} x`,
    );
    out[t] = `${rows[0]!.n}:${rows[0]!.md5 ?? ''}`;
  }
  return out;
}
