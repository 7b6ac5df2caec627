/**
 * Running the office (admin role): users (create, change role and municipalities, disable,
 * reset the password), everyone's API tokens, and the audit log viewer with its CSV export.
 * A disabled user's sessions end at once and their tokens stop working (every request checks
 * the account); every change here is itself audited.
 */
import { z } from 'zod';
import { audit } from '../audit/audit';
import { ROLES, type CurrentUser } from '../auth/auth.service';
import { addUser } from '../auth/auth.service';
import { checkNewPassword } from '../auth/password-policy';
import { hashPassword, randomToken } from '../auth/passwords';
import * as security from '../auth/security.repo';
import { QueryDate } from '../core/dates';
import { db, withTransaction } from '../core/db';
import { BadInputError, NotFoundError } from '../core/errors';
import { text } from '../core/input';
import { MunicipalityCode } from '../municipalities/municipality-access';
import { csvLine } from '../core/csv';

interface Who {
  user: CurrentUser;
  ip: string | null;
}

export async function listUsers() {
  return (await security.listUsers(db())).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    municipalities: u.role === 'admin' ? 'all' : u.municipality_codes,
    disabled: u.disabled_at !== null,
    disabledAt: u.disabled_at?.toISOString() ?? null,
    lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
    totpEnabled: u.totp_enabled_at !== null,
    createdAt: u.created_at.toISOString(),
  }));
}

const Role = z.enum(ROLES as [string, ...string[]]);

export const NewUser = z.object({
  email: text().max(320),
  name: text().max(200).optional(),
  role: Role,
  municipalities: z.array(MunicipalityCode).max(400).default([]),
  /** Without one, a random first password is made and answered once. */
  password: z.string().max(1000).optional(),
});

/** Creates a user; answers the first password when it was generated. */
export async function createUser(body: unknown, w: Who): Promise<{ id: number; password?: string }> {
  const input = NewUser.parse(body);
  const password = input.password ?? randomToken(15);
  if (input.password) checkNewPassword(input.password, 'password', input.email);
  const [first, ...rest] = input.municipalities;
  const { id } = await addUser(
    { email: input.email, role: input.role, name: input.name, password, municipality: first },
    w.user.email,
  );
  if (rest.length) await setMunicipalities(id, input.municipalities, w);
  return input.password ? { id } : { id, password };
}

export const UserChange = z.object({
  role: Role.optional(),
  name: text().max(200).optional(),
  disabled: z.boolean().optional(),
  municipalities: z.array(MunicipalityCode).max(400).optional(),
});

export async function updateUser(id: number, body: unknown, w: Who): Promise<void> {
  const input = UserChange.parse(body);
  if (input.disabled && id === w.user.id)
    throw new BadInputError('disabled: you cannot disable your own account');
  await withTransaction(async (q) => {
    const ok = await security.updateUser(q, id, {
      role: (input.role as CurrentUser['role'] | undefined) ?? null,
      name: input.name ?? null,
      disabled: input.disabled ?? null,
    });
    if (!ok) throw new NotFoundError(`no user ${id}`);
    // Disabled: every session ends now; tokens are refused at their next use (the account is checked).
    const ended = input.disabled ? await security.deleteUserSessions(q, id) : 0;
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action:
        input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      subjectType: 'user',
      subjectId: id,
      details: { role: input.role, name: input.name !== undefined, sessionsEnded: ended },
      ip: w.ip,
    });
  });
  if (input.municipalities) await setMunicipalities(id, input.municipalities, w);
}

async function setMunicipalities(id: number, codes: string[], w: Who): Promise<void> {
  await withTransaction(async (q) => {
    const ids = await security.municipalityIds(q, codes);
    const unknown = codes.filter((c) => !ids.has(c));
    if (unknown.length)
      throw new BadInputError(`municipalities: no municipality with code ${unknown.join(', ')}`);
    await security.setUserMunicipalities(q, id, [...ids.values()]);
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'user.municipalities',
      subjectType: 'user',
      subjectId: id,
      details: { municipalities: codes },
      ip: w.ip,
    });
  });
}

/** A new random password (answered once); the user's sessions end and a lockout is lifted. */
export async function resetPassword(id: number, w: Who): Promise<{ password: string }> {
  const password = randomToken(15);
  const hash = await hashPassword(password);
  await withTransaction(async (q) => {
    if (!(await security.setPassword(q, id, hash))) throw new NotFoundError(`no user ${id}`);
    await security.deleteUserSessions(q, id);
    await audit(q, {
      userId: w.user.id,
      actor: w.user.email,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      ip: w.ip,
    });
  });
  return { password };
}

export async function allTokens() {
  return security.listTokens(db(), null);
}

// --- audit log viewer -----------------------------------------------------------------

/**
 * The legal basis of each kind of entry: police data is processed under the covenant between
 * police and municipality (Wpg art. 20 / Wpg art. 4:3 and the municipality's public-order task,
 * Gemeentewet art. 172); account entries under the BIO security baseline.
 */
export function legalBasis(action: string): string {
  if (/^(session|account|token|user)\./.test(action)) return 'BIO (beveiliging van de toegang)';
  if (/^public\./.test(action)) return 'Convenant politie-gemeente; openbare cijfers zonder persoonsgegevens';
  return 'Convenant gegevensverstrekking woninginbraken politie-gemeente (Wpg art. 20); Gemeentewet art. 172';
}

export const AuditQuery = z.object({
  municipality: MunicipalityCode.optional(),
  user: text().max(320).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/, 'an action or its start, e.g. campaign. or incidents.view')
    .optional(),
  from: QueryDate.optional(),
  to: QueryDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
});

export async function auditEntries(query: unknown) {
  const q = AuditQuery.parse(query);
  let municipalityIds: number[] | null = null;
  if (q.municipality) {
    const ids = await security.municipalityIds(db(), [q.municipality]);
    if (!ids.size) throw new NotFoundError(`no municipality '${q.municipality}'`);
    municipalityIds = [...ids.values()];
  }
  const rows = await security.auditEntries(db(), {
    municipalityIds,
    actor: q.user ?? null,
    action: q.action ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
    limit: q.limit,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    userId: r.user_id,
    action: r.action,
    municipality: r.municipality_code,
    subject: r.subject_type ? `${r.subject_type}${r.subject_id ? ` ${r.subject_id}` : ''}` : null,
    details: r.details,
    ip: r.ip,
    legalBasis: legalBasis(r.action),
  }));
}

/** The same entries as CSV (UTF-8 with BOM for spreadsheets; cells guarded against formulas). */
export function auditCsv(entries: Awaited<ReturnType<typeof auditEntries>>): string {
  const head = ['id', 'at', 'actor', 'action', 'municipality', 'subject', 'details', 'ip', 'legal_basis'];
  const lines = entries.map((e) =>
    csvLine([
      e.id,
      e.at,
      e.actor,
      e.action,
      e.municipality ?? '',
      e.subject ?? '',
      JSON.stringify(e.details),
      e.ip ?? '',
      e.legalBasis,
    ]),
  );
  return `\uFEFF${[csvLine(head), ...lines].join('\r\n')}\r\n`;
}
