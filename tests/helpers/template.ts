/** Builds the template database every test file clones: migrations + the demo area. */
import { createPool, type Queryable } from '../../server/core/db';
import { ensureDatabase, migrate } from '../../server/core/migrate';
import { loadDemoArea } from '../../server/setup/demo';

export async function prepareTemplate(base: URL, name: string): Promise<void> {
  const url = new URL(base);
  url.pathname = `/${name}`;
  await ensureDatabase(url.toString());
  const pool = createPool(url.toString(), 4);
  try {
    await migrate(pool);
    await loadDemoArea(pool as unknown as Queryable & typeof pool, { incidents: false, quiet: true });
  } finally {
    await pool.end();
  }
}
