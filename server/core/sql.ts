/**
 * Named SQL statements from sql/queries/<domain>/<name>.sql, one statement per file with a
 * header naming its parameters. Loaded once and cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

const cache = new Map<string, string>();

/** The text of sql/queries/<name>.sql, e.g. `sql('streets/activity')`. */
export function sql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = fs.readFileSync(path.join(config().rootDir, 'sql', 'queries', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
