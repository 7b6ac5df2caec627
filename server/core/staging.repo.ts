/**
 * Staging rows in a temporary table before they are checked and merged (the imports of
 * incidents, addresses, streets and the base map): one INSERT per batch, the rows sent as one
 * JSON parameter and matched to the table's columns by name (`jsonb_populate_recordset`); keys a
 * row leaves out become NULL. A table name cannot be a `$n` parameter, so it is interpolated
 * escaped, never as given (as martin does with its identifiers).
 */
import { escapeIdentifier } from 'pg';
import type { Queryable } from './db';

/** Inserts `rows` into the temporary table `table` (nothing for an empty batch). */
export async function stageRows(q: Queryable, table: string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const t = escapeIdentifier(table);
  await q.query(`INSERT INTO ${t} SELECT * FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [
    JSON.stringify(rows),
  ]);
}
