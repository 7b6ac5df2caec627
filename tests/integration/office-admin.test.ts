/**
 * Running the office (issue 10): users managed by an admin (a disabled user is refused at the
 * next request, session and token alike), the password rules, lockout per account, two-factor
 * sign-in with TOTP and recovery codes, one's own sessions and tokens, and the audit log viewer
 * with its CSV export over an audit log the database itself keeps append-only.
 */
import { authenticator } from 'otplib';
import { bearer, createTestUser, useTestApp, type TestUser } from '../helpers/app';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();
const app = useTestApp();
let admin: TestUser;

beforeAll(async () => {
  admin = await createTestUser(t.pool, { role: 'admin', municipality: null });
});

async function json(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as Record<string, any>, headers: res.headers, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Signs in with a password (and a code); answers the cookie and CSRF token, or the refusal. */
async function signIn(email: string, password: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, ...extra }),
  });
  const body = (await res.json()) as {
    csrfToken?: string;
    user?: { mustEnrolTotp: boolean };
    error?: { code: string; message: string };
  };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: res.status, body, headers: { cookie, 'x-csrf-token': body.csrfToken ?? '' } };
}

test('the password rules: at least 12 characters, not a common password', async () => {
  const short = await json('POST', '/api/admin/users', bearer(admin), {
    email: 'a@delft.example',
    role: 'officer',
    password: 'kort',
  });
  expect(short.status).toBe(400);
  expect(short.text).toMatch(/at least 12 characters/);
  const common = await json('POST', '/api/admin/users', bearer(admin), {
    email: 'a@delft.example',
    role: 'officer',
    password: 'password1234',
  });
  expect(common.status).toBe(400);
  expect(common.text).toMatch(/common passwords/);
});

test('an admin creates a user; disabled, the user is refused at once, by session and by token', async () => {
  const created = await json('POST', '/api/admin/users', bearer(admin), {
    email: 'wijkagent@delft.example',
    name: 'Wijkagent',
    role: 'officer',
    municipalities: ['GM0503'],
  });
  expect(created.status).toBe(201);
  const { id, password } = created.body as { id: number; password: string };
  expect(password.length).toBeGreaterThanOrEqual(12);
  const s = await signIn('wijkagent@delft.example', password);
  expect(s.status).toBe(201);
  const token = await json('POST', '/api/account/tokens', s.headers, { name: 'script' });
  expect(token.status).toBe(201);
  const tokenHeaders = { authorization: `Bearer ${token.body.token as string}` };
  expect((await json('GET', '/api/session', s.headers)).status).toBe(200);
  expect((await json('GET', '/api/session', tokenHeaders)).status).toBe(200);
  const listed = (await json('GET', '/api/admin/users', bearer(admin))).body.users as Array<{
    id: number;
    municipalities: string[];
  }>;
  expect(listed.find((u) => u.id === id)).toMatchObject({ municipalities: ['GM0503'] });

  expect((await json('PATCH', `/api/admin/users/${id}`, bearer(admin), { disabled: true })).status).toBe(204);
  expect((await json('GET', '/api/session', s.headers)).status).toBe(401);
  expect((await json('GET', '/api/session', tokenHeaders)).status).toBe(401);
  expect((await signIn('wijkagent@delft.example', password)).status).toBe(401);
  const audit = await json('GET', '/api/admin/audit?action=user.disable', bearer(admin));
  expect(audit.body.entries).toEqual([
    expect.objectContaining({
      action: 'user.disable',
      actor: admin.email,
      subject: `user ${id}`,
      legalBasis: expect.stringMatching(/BIO/),
    }),
  ]);
});

test('lockout per account: the 5th wrong password locks it, even the right one waits; a reset lifts it', async () => {
  const u = await createTestUser(t.pool, { role: 'officer' });
  for (let i = 1; i <= 4; i++) expect((await signIn(u.email, `wrong password ${i}`)).status).toBe(401);
  const fifth = await signIn(u.email, 'wrong password 5');
  expect(fifth.status).toBe(423);
  expect(fifth.body.error?.message).toMatch(/locked after repeated failed sign-ins, until \d\d:\d\d/);
  const right = await signIn(u.email, u.password);
  expect(right.status).toBe(423);
  const locks = await t.pool.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.locked' AND user_id = $1`,
    [u.id],
  );
  expect(locks.rows[0].n).toBe(1);
  const reset = await json('POST', `/api/admin/users/${u.id}/password`, bearer(admin));
  expect((await signIn(u.email, reset.body.password as string)).status).toBe(201);
});

test('two-factor sign-in: an admin must enrol first; then the code (or a recovery code, once) is asked at sign-in', async () => {
  const a = await createTestUser(t.pool, { role: 'admin', municipality: null });
  const first = await signIn(a.email, a.password);
  expect(first.status).toBe(201);
  expect(first.body.user?.mustEnrolTotp).toBe(true);
  const blocked = await json('GET', '/api/admin/users', first.headers);
  expect(blocked.status).toBe(403);
  expect(blocked.body.error.code).toBe('totp_enrolment_required');

  const start = await json('POST', '/api/account/totp', first.headers);
  expect(start.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Preventiekaart:/);
  expect(start.body.qrSvg).toMatch(/^<svg/);
  expect((await json('POST', '/api/account/totp/confirm', first.headers, { code: '000000' })).status).toBe(
    400,
  );
  const code = authenticator.generate(start.body.secret as string);
  const confirmed = await json('POST', '/api/account/totp/confirm', first.headers, { code });
  expect(confirmed.status).toBe(200);
  const recovery = confirmed.body.recoveryCodes as string[];
  expect(recovery).toHaveLength(10);

  const noCode = await signIn(a.email, a.password);
  expect(noCode.status).toBe(401);
  expect(noCode.body.error?.code).toBe('totp_required');
  expect((await signIn(a.email, a.password, { totp: '123456' })).body.error?.code).toBe('totp_wrong');
  const withCode = await signIn(a.email, a.password, {
    totp: authenticator.generate(start.body.secret as string),
  });
  expect(withCode.status).toBe(201);
  expect((await json('GET', '/api/admin/users', withCode.headers)).status).toBe(200);
  expect((await signIn(a.email, a.password, { recoveryCode: recovery[0]! })).status).toBe(201);
  expect((await signIn(a.email, a.password, { recoveryCode: recovery[0]! })).status).toBe(401);
  const stored = await t.pool.query('SELECT code_hash FROM totp_recovery_codes WHERE user_id = $1', [a.id]);
  expect(stored.rows.map((r) => r.code_hash.toString('hex'))).not.toContain(
    Buffer.from(recovery[1]!).toString('hex'),
  );

  // Own sessions, and signing out everywhere.
  const sessions = await json('GET', '/api/account/sessions', withCode.headers);
  expect(sessions.body.sessions.length).toBeGreaterThanOrEqual(3);
  expect(sessions.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
  const out = await json('DELETE', '/api/account/sessions', withCode.headers);
  expect(out.body.ended).toBeGreaterThanOrEqual(3);
  expect((await json('GET', '/api/session', withCode.headers)).status).toBe(401);
});

test('own API tokens: listed without the secret, revoked at once; an admin sees and revokes anyone’s', async () => {
  const u = await createTestUser(t.pool, { role: 'officer' });
  const mine = await json('GET', '/api/account/tokens', bearer(u));
  expect(mine.body.tokens).toHaveLength(1);
  expect(JSON.stringify(mine.body)).not.toContain(u.token);
  const extra = await json('POST', '/api/account/tokens', bearer(u), { name: 'tweede' });
  const all = await json('GET', '/api/admin/tokens', bearer(admin));
  const second = all.body.tokens.find(
    (x: { name: string; userId: number }) => x.name === 'tweede' && x.userId === u.id,
  );
  expect((await json('DELETE', `/api/account/tokens/${mine.body.tokens[0].id}`, bearer(admin))).status).toBe(
    404,
  );
  expect((await json('DELETE', `/api/admin/tokens/${second.id}`, bearer(admin))).status).toBe(204);
  expect(
    (await json('GET', '/api/session', { authorization: `Bearer ${extra.body.token as string}` })).status,
  ).toBe(401);
  expect((await json('GET', '/api/session', bearer(u))).status).toBe(200);
});

test('audit log: filtered, exported as CSV with the legal basis, and append-only in the database', async () => {
  const csv = await fetch(`${app.url}/api/admin/audit?format=csv&action=session.`, {
    headers: bearer(admin),
  });
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  const text = await csv.text();
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('id,at,actor,action,municipality,subject,details,ip,legal_basis');
  expect(lines.length).toBeGreaterThan(3);
  expect(lines.slice(1).every((l) => /,session\./.test(l))).toBe(true);
  await expect(t.pool.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
  await expect(t.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  await expect(t.pool.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  const officer = await createTestUser(t.pool, { role: 'officer' });
  expect((await json('GET', '/api/admin/audit', bearer(officer))).status).toBe(403);
});
