/**
 * "Mijn account" (own sessions, sign out everywhere) and, for admins, "Beheer": the users
 * (disable or enable, new password, create) and the audit log viewer (filters; CSV export of
 * the same filter).
 */
import { api, type AdminUser, type AuditEntry } from './api';
import { byId } from './by-id';
import { dataTable } from './data-table';
import { dateTimeText } from './format';
import { messages } from './i18n';
import { mountTokens } from './token-panel';

const t = messages({
  nl: {
    admin: 'beheerder',
    officer: 'medewerker',
    planner: 'planner',
    thisSession: 'Deze sessie sinds {when}',
    session: 'Sessie sinds {when}',
    from: ' vanaf {ip}',
    created: 'Aangemaakt. Eerste wachtwoord (één keer getoond, geef het veilig door): {password}',
    users: 'Gebruikers',
    colEmail: 'E-mail',
    colRole: 'Rol',
    colMunicipalities: 'Gemeenten',
    colStatus: 'Status',
    colActions: 'Acties',
    all: 'alle',
    disabled: 'uitgeschakeld',
    active: 'actief',
    locked: 'geblokkeerd',
    totp: 'met tweestapsverificatie',
    enable: 'Inschakelen',
    disable: 'Uitschakelen',
    enableLabel: '{email} inschakelen',
    disableLabel: '{email} uitschakelen',
    newPassword: 'Nieuw wachtwoord',
    newPasswordLabel: 'Nieuw wachtwoord voor {email}',
    newPasswordShown: 'Nieuw wachtwoord voor {email} (één keer getoond): {password}',
    auditCaption: 'Auditlog: {n} nieuwste regels',
    colWhen: 'Wanneer',
    colWho: 'Wie',
    colWhat: 'Wat',
    colRecords: 'Welke gegevens',
    colBasis: 'Grondslag',
    roleOf: 'Rol van {email}',
    municipalitiesOf: 'Gemeenten van {email} (codes, gescheiden door komma’s)',
    save: 'Opslaan',
    saveLabel: 'Gemeenten van {email} opslaan',
    saved: 'Opgeslagen: {email}.',
  },
  en: {
    admin: 'administrator',
    officer: 'officer',
    planner: 'planner',
    thisSession: 'This session since {when}',
    session: 'Session since {when}',
    from: ' from {ip}',
    created: 'Created. First password (shown once, pass it on safely): {password}',
    users: 'Users',
    colEmail: 'E-mail',
    colRole: 'Role',
    colMunicipalities: 'Municipalities',
    colStatus: 'Status',
    colActions: 'Actions',
    all: 'all',
    disabled: 'disabled',
    active: 'active',
    locked: 'locked',
    totp: 'with two-step verification',
    enable: 'Enable',
    disable: 'Disable',
    enableLabel: 'Enable {email}',
    disableLabel: 'Disable {email}',
    newPassword: 'New password',
    newPasswordLabel: 'New password for {email}',
    newPasswordShown: 'New password for {email} (shown once): {password}',
    auditCaption: 'Audit log: {n} newest rows',
    colWhen: 'When',
    colWho: 'Who',
    colWhat: 'What',
    colRecords: 'Which records',
    colBasis: 'Legal basis',
    roleOf: 'Role of {email}',
    municipalitiesOf: 'Municipalities of {email} (codes, separated by commas)',
    save: 'Save',
    saveLabel: 'Save the municipalities of {email}',
    saved: 'Saved: {email}.',
  },
});
const roleText = (role: string) =>
  role === 'admin' || role === 'officer' || role === 'planner' ? t(role) : role;

export async function mountAccount(): Promise<void> {
  const { sessions } = await api.sessions();
  const ul = document.createElement('ul');
  for (const s of sessions) {
    const li = document.createElement('li');
    li.textContent = `${t(s.current ? 'thisSession' : 'session', { when: dateTimeText(s.createdAt) })}${s.ip ? t('from', { ip: s.ip }) : ''}`;
    ul.appendChild(li);
  }
  byId('pk-sessions').replaceChildren(ul);
  await mountTokens();
  byId('pk-signout-all').addEventListener(
    'click',
    () => void api.signOutEverywhere().finally(() => location.reload()),
  );
}

export async function mountAdmin(): Promise<void> {
  byId('pk-admin').hidden = false;
  await drawUsers();
  byId('pk-user-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const error = byId('pk-user-error');
    error.textContent = '';
    const email = byId<HTMLInputElement>('pk-new-email').value.trim();
    const municipalities = codes(byId<HTMLInputElement>('pk-new-municipalities').value);
    void api.createUser({ email, role: byId<HTMLSelectElement>('pk-new-role').value, municipalities }).then(
      (r) => {
        byId('pk-user-password').textContent = t('created', { password: r.password ?? '' });
        byId<HTMLInputElement>('pk-new-email').value = '';
        return drawUsers();
      },
      (err: Error) => (error.textContent = err.message),
    );
  });
  byId('pk-audit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void drawAudit();
  });
  await drawAudit();
}

async function drawUsers(): Promise<void> {
  const { users } = await api.users();
  const { table, body } = dataTable(t('users'), [
    t('colEmail'),
    t('colRole'),
    t('colMunicipalities'),
    t('colStatus'),
    t('colActions'),
  ]);
  for (const u of users) body.appendChild(userRow(u));
  byId('pk-users').replaceChildren(table);
}

function userRow(u: AdminUser): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.userId = String(u.id);
  row.insertCell().textContent = u.email;
  row.insertCell().appendChild(roleSelect(u));
  row.insertCell().append(...municipalityEditor(u));
  row.insertCell().textContent = [
    u.disabled ? t('disabled') : t('active'),
    u.lockedUntil ? t('locked') : '',
    u.totpEnabled ? t('totp') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const actions = row.insertCell();
  actions.append(
    button(
      u.disabled ? t('enable') : t('disable'),
      t(u.disabled ? 'enableLabel' : 'disableLabel', { email: u.email }),
      () => api.updateUser(u.id, { disabled: !u.disabled }).then(drawUsers),
    ),
    button(t('newPassword'), t('newPasswordLabel', { email: u.email }), () =>
      api.resetPassword(u.id).then((r) => {
        byId('pk-user-password').textContent = t('newPasswordShown', {
          email: u.email,
          password: r.password,
        });
      }),
    ),
  );
  return row;
}

/** The user's role as a choice; a change is saved at once (and audited by the server). */
function roleSelect(u: AdminUser): HTMLSelectElement {
  const select = document.createElement('select');
  select.setAttribute('aria-label', t('roleOf', { email: u.email }));
  select.append(...(['officer', 'planner', 'admin'] as const).map((r) => new Option(roleText(r), r)));
  select.value = u.role;
  select.addEventListener('change', () => {
    void api.updateUser(u.id, { role: select.value }).then(
      () => (byId('pk-user-password').textContent = t('saved', { email: u.email })),
      (err: Error) => (byId('pk-user-error').textContent = err.message),
    );
  });
  return select;
}

/** The user's municipalities as codes to edit (an admin of every municipality shows "all"). */
function municipalityEditor(u: AdminUser): Node[] {
  if (u.municipalities === 'all') return [document.createTextNode(t('all'))];
  const input = document.createElement('input');
  input.type = 'text';
  input.size = 14;
  input.value = u.municipalities.join(', ');
  input.setAttribute('aria-label', t('municipalitiesOf', { email: u.email }));
  const save = button(t('save'), t('saveLabel', { email: u.email }), () =>
    api.updateUser(u.id, { municipalities: codes(input.value) }).then(drawUsers),
  );
  return [input, document.createTextNode(' '), save];
}

/** "GM0503, gm0518" -> ['GM0503', 'GM0518']. */
function codes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

function button(text: string, label: string, run: () => Promise<unknown>): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pk-button pk-button-secondary';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', () => {
    b.disabled = true;
    void run().catch((err: Error) => {
      b.disabled = false;
      byId('pk-user-error').textContent = err.message;
    });
  });
  return b;
}

function auditFilter(): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, id: string) => {
    const v = byId<HTMLInputElement>(id).value.trim();
    if (v) p.set(k, v);
  };
  set('user', 'pk-audit-user');
  set('action', 'pk-audit-action');
  set('from', 'pk-audit-from');
  set('to', 'pk-audit-to');
  return p;
}

async function drawAudit(): Promise<void> {
  const filter = auditFilter();
  byId<HTMLAnchorElement>('pk-audit-csv').href =
    `/api/admin/audit?${new URLSearchParams({ ...Object.fromEntries(filter), format: 'csv' })}`;
  const host = byId('pk-audit');
  try {
    const { entries } = await api.audit(new URLSearchParams({ ...Object.fromEntries(filter), limit: '200' }));
    const { table, body } = dataTable(t('auditCaption', { n: entries.length }), [
      t('colWhen'),
      t('colWho'),
      t('colWhat'),
      t('colRecords'),
      t('colBasis'),
    ]);
    for (const e of entries) body.appendChild(auditRow(e));
    host.replaceChildren(table);
  } catch (err) {
    host.textContent = (err as Error).message;
  }
}

function auditRow(e: AuditEntry): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.insertCell().textContent = dateTimeText(e.at);
  row.insertCell().textContent = e.actor;
  row.insertCell().textContent = e.action;
  row.insertCell().textContent = [e.municipality, e.subject].filter(Boolean).join(' · ') || '–';
  row.insertCell().textContent = e.legalBasis;
  return row;
}
