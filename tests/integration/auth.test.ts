/**
 * Sign-in over HTTP against the real app: session cookie flags, CSRF on cookie-authenticated
 * state changes, audit rows for every sign-in attempt, login rate limiting, API tokens stored
 * hashed; and the `user add` / `token create` commands.
 */
import crypto from 'node:crypto';
import { useTestDatabase } from '../helpers/db';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { config } from '../../server/core/config';

const t = useTestDatabase();
const app = useTestApp();

function signIn(email: string, password: string, url = app.url): Promise<Response> {
  return fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('pk_session='));
  if (!set) throw new Error('no pk_session cookie');
  return set.split(';')[0]!;
}

async function auditRows(
  action: string,
  actor: string,
): Promise<{ user_id: number | null; ip: string | null }[]> {
  const { rows } = await t.pool.query<{ user_id: number | null; ip: string | null }>(
    'SELECT user_id, host(ip) AS ip FROM audit_log WHERE action = $1 AND actor = $2 ORDER BY id',
    [action, actor],
  );
  return rows;
}

describe('session sign-in', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser(t.pool, { role: 'officer' });
  });

  test('POST /api/session sets an HttpOnly SameSite session cookie and is audited', async () => {
    const res = await signIn(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(201);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('pk_session='))!;
    expect(set).toMatch(/; HttpOnly/i);
    expect(set).toMatch(/; SameSite=Strict/i);
    expect(set).toMatch(/; Path=\//);
    expect(set).not.toMatch(/; Secure/i); // plain HTTP without TRUST_PROXY
    const body = (await res.json()) as {
      user: { email: string; role: string; municipalities: number[] };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ email: user.email, role: 'officer' });
    expect(body.user.municipalities).toHaveLength(1);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(await auditRows('session.create', user.email)).toEqual([{ user_id: user.id, ip: '127.0.0.1' }]);
    // The cookie value is not stored: only its hash.
    const value = sessionCookie(res).split('=')[1]!;
    const { rows } = await t.pool.query('SELECT token_hash FROM sessions WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.equals(crypto.createHash('sha256').update(value).digest())).toBe(true);
  });

  test('a wrong password or unknown email is 401 and audited as a failure', async () => {
    expect((await signIn(user.email, 'wrong password')).status).toBe(401);
    const unknown = `nobody-${crypto.randomBytes(3).toString('hex')}@example.org`;
    const res = await signIn(unknown, 'whatever');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'unauthorized', message: 'unknown email or wrong password' },
    });
    expect(await auditRows('session.failed', user.email)).toEqual([{ user_id: user.id, ip: '127.0.0.1' }]);
    expect(await auditRows('session.failed', unknown)).toEqual([{ user_id: null, ip: '127.0.0.1' }]);
    expect((await signIn(user.email, '')).status).toBe(400);
  });

  test('cookie-authenticated state changes need the CSRF token; sign-out ends the session', async () => {
    const res = await signIn(user.email, user.password);
    const cookie = sessionCookie(res);
    const { csrfToken } = (await res.json()) as { csrfToken: string };

    const me = await fetch(`${app.url}/api/session`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const session = (await me.json()) as { csrfToken: string; user: { municipalityCodes: string[] } };
    expect(session.csrfToken).toBe(csrfToken);
    expect(session.user.municipalityCodes).toEqual(['GM0503']);

    const noToken = await fetch(`${app.url}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { error: { message: string } }).error.message).toMatch(/X-CSRF-Token/);
    const wrong = await fetch(`${app.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': 'guess' },
    });
    expect(wrong.status).toBe(403);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(200);

    const out = await fetch(`${app.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${app.url}/api/session`, { headers: { cookie } })).status).toBe(401);
  });

  test('signing in again with a live session cookie and no CSRF token works', async () => {
    const first = sessionCookie(await signIn(user.email, user.password));
    const again = await fetch(`${app.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(again.status).toBe(201);
    expect(sessionCookie(again)).not.toBe(first);
  });
});

describe('API tokens', () => {
  test('a Bearer token signs a script in without CSRF, and is stored only as a hash', async () => {
    const user = await createTestUser(t.pool, { role: 'planner' });
    const me = await fetch(`${app.url}/api/session`, { headers: bearer(user) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: user.email, role: 'planner' }, csrfToken: null });
    expect((await fetch(`${app.url}/api/session`, { method: 'DELETE', headers: bearer(user) })).status).toBe(
      204,
    );

    const { rows } = await t.pool.query('SELECT * FROM api_tokens WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(user.token.slice(3));
    expect(rows[0].token_hash.equals(crypto.createHash('sha256').update(user.token).digest())).toBe(true);
    expect(rows[0].last_used_at).not.toBeNull();

    await t.pool.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1', [user.id]);
    expect((await fetch(`${app.url}/api/session`, { headers: bearer(user) })).status).toBe(401);
    expect(
      (await fetch(`${app.url}/api/session`, { headers: { authorization: 'Bearer pk_made_up' } })).status,
    ).toBe(401);
  });
});

describe('login rate limit', () => {
  const limited = useTestApp(); // an app of its own: its own limiter counts
  test('after LOGIN_RATE_LIMIT failures from one address, even the right password is refused', async () => {
    const user = await createTestUser(t.pool, { role: 'officer' });
    const limit = config().LOGIN_RATE_LIMIT;
    // Failures for other (unknown) accounts: the account lockout (tests/integration/office-admin.test.ts)
    // would otherwise lock this user first; the limit here is per address, whatever the account.
    for (let i = 0; i < limit; i++)
      expect((await signIn(`nobody-${i}@example.org`, `wrong ${i}`, limited.url)).status).toBe(401);
    const res = await signIn(user.email, user.password, limited.url);
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });
});

describe('CLI: user add and token create', () => {
  test('creates an officer of a municipality and prints a working token once', async () => {
    const email = `cli-${crypto.randomBytes(3).toString('hex')}@test.preventiekaart.nl`;
    const add = await runCli(
      [
        'user',
        'add',
        '--email',
        email,
        '--role',
        'officer',
        '--municipality',
        'GM0503',
        '--password',
        'long enough secret',
      ],
      t.url,
    );
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toBe(`created user ${email} (officer)\n`);
    const { rows } = await t.pool.query<{ password_hash: string; codes: string[] }>(
      `SELECT u.password_hash, array_agg(m.code) AS codes FROM users u
       JOIN user_municipalities um ON um.user_id = u.id JOIN municipalities m ON m.id = um.municipality_id
       WHERE u.email = $1 GROUP BY u.id`,
      [email],
    );
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.codes).toEqual(['GM0503']);
    expect((await signIn(email, 'long enough secret')).status).toBe(201);

    const tok = await runCli(['token', 'create', '--email', email], t.url);
    expect(tok).toMatchObject({ code: 0, stderr: '' });
    const token = tok.stdout.trim();
    expect(token).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    const me = await fetch(`${app.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);

    const audit = await t.pool.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE action IN ('user.create', 'token.create') AND (subject_id = (SELECT id::text FROM users WHERE email = $1) OR details->>'for' = $1) ORDER BY id`,
      [email],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['user.create', 'token.create']);
    expect(audit.rows.every((r) => r.actor.startsWith('cli:'))).toBe(true);
  });

  test.each([
    [
      ['user', 'add', '--email', 'x@example.org', '--role', 'boss'],
      /--role: 'boss' is not one of admin, officer, planner/,
    ],
    [
      ['user', 'add', '--email', 'x@example.org', '--role', 'officer', '--municipality', 'GM9999'],
      /no municipality with code 'GM9999'/,
    ],
    [
      ['user', 'add', '--email', 'x@example.org', '--role', 'officer', '--password', 'short'],
      /at least 12 characters/,
    ],
    [['token', 'create', '--email', 'nobody@example.org'], /no user 'nobody@example.org'/],
    [['user', 'add', '--mail', 'x'], /--mail/],
  ])('%p fails with one line', async (args, message) => {
    const r = await runCli(args, t.url);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
