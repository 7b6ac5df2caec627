/**
 * The real Express app on an ephemeral port, for HTTP tests, and users to call it as.
 *
 *   const t = useTestDatabase();
 *   const app = useTestApp();
 *   const officer = await createTestUser(t.pool, { role: 'officer' });
 *   await fetch(`${app.url}/api/...`, { headers: { authorization: `Bearer ${officer.token}` } });
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import crypto from 'node:crypto';
import type { Pool } from 'pg';
import { buildApp } from '../../server/app';
import { addUser, createApiToken } from '../../server/auth/auth.service';
import { closeRedis } from '../../server/core/redis';
import { closeLetterEvents } from '../../server/letters/letter-events';
import { closeLetterImages } from '../../server/letters/letter-image';
import { closeAlertQueue } from '../../server/residents/alert-queue';

export function useTestApp(): { readonly url: string } {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    server = buildApp().listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    // What the app opens on demand: the letter-preview browser, the letter-job event reader.
    await Promise.all([closeLetterImages(), closeLetterEvents(), closeAlertQueue()]);
    await closeRedis();
  });
  return {
    get url() {
      return url;
    },
  };
}

export interface TestUser {
  email: string;
  password: string;
  token: string;
  id: number;
}

/** A user with a password and an API token; officers of Delft (GM0503) unless told otherwise. */
export async function createTestUser(
  pool: Pool,
  opts: { role?: 'admin' | 'officer' | 'planner'; municipality?: string | null } = {},
): Promise<TestUser> {
  const email = `user-${crypto.randomBytes(4).toString('hex')}@test.preventiekaart.nl`;
  const password = crypto.randomBytes(12).toString('base64url');
  const municipality = opts.municipality === null ? undefined : (opts.municipality ?? 'GM0503');
  const { id } = await addUser({ email, role: opts.role ?? 'officer', password, municipality }, 'test', pool);
  const token = await createApiToken(email, 'test', 'test', pool);
  return { email, password, token, id };
}

/** Authorization header for a test user's API token. */
export function bearer(u: TestUser): Record<string, string> {
  return { authorization: `Bearer ${u.token}` };
}
