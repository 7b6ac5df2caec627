/**
 * API tokens in "Mijn account": the user's own tokens (name, created, last used, revoked), a
 * new token by name (shown once: only its hash is stored) and revoking one. Scripts use a token
 * as `Authorization: Bearer …`; a revoked token stops working at once.
 */
import { api, type ApiToken } from './api';
import { byId } from './by-id';
import { dataTable } from './data-table';
import { dateTimeText } from './format';
import { messages } from './i18n';

const t = messages({
  nl: {
    caption: 'Mijn API-tokens',
    colName: 'Naam',
    colCreated: 'Aangemaakt',
    colUsed: 'Laatst gebruikt',
    colStatus: 'Status',
    never: 'nooit',
    active: 'actief',
    revoked: 'ingetrokken {when}',
    revoke: 'Intrekken',
    revokeLabel: 'Token {name} intrekken',
    none: 'Geen API-tokens.',
    created: 'Nieuw token (één keer getoond, bewaar het veilig): {token}',
    needName: 'Geef het token een naam.',
  },
  en: {
    caption: 'My API tokens',
    colName: 'Name',
    colCreated: 'Created',
    colUsed: 'Last used',
    colStatus: 'Status',
    never: 'never',
    active: 'active',
    revoked: 'revoked {when}',
    revoke: 'Revoke',
    revokeLabel: 'Revoke token {name}',
    none: 'No API tokens.',
    created: 'New token (shown once, keep it safe): {token}',
    needName: 'Give the token a name.',
  },
});

/** Draws the token list and wires the form. */
export async function mountTokens(): Promise<void> {
  byId('pk-token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const name = byId<HTMLInputElement>('pk-token-name').value.trim();
    const out = byId('pk-token-new');
    if (!name) {
      out.textContent = t('needName');
      return;
    }
    void api.createToken(name).then(
      (r) => {
        out.textContent = t('created', { token: r.token });
        byId<HTMLInputElement>('pk-token-name').value = '';
        return drawTokens();
      },
      (err: Error) => (out.textContent = err.message),
    );
  });
  await drawTokens();
}

async function drawTokens(): Promise<void> {
  const { tokens } = await api.tokens();
  const host = byId('pk-tokens');
  if (!tokens.length) {
    host.textContent = t('none');
    return;
  }
  const { table, body } = dataTable(t('caption'), [
    t('colName'),
    t('colCreated'),
    t('colUsed'),
    t('colStatus'),
  ]);
  for (const k of tokens) body.appendChild(tokenRow(k));
  host.replaceChildren(table);
}

function tokenRow(k: ApiToken): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.tokenId = String(k.id);
  row.insertCell().textContent = k.name;
  row.insertCell().textContent = dateTimeText(k.createdAt);
  row.insertCell().textContent = k.lastUsedAt ? dateTimeText(k.lastUsedAt) : t('never');
  const status = row.insertCell();
  if (k.revokedAt) {
    status.textContent = t('revoked', { when: dateTimeText(k.revokedAt) });
    return row;
  }
  status.textContent = `${t('active')} `;
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pk-button-small';
  b.textContent = t('revoke');
  b.setAttribute('aria-label', t('revokeLabel', { name: k.name }));
  b.addEventListener('click', () => {
    b.disabled = true;
    void api.revokeToken(k.id).then(drawTokens, (err: Error) => {
      b.disabled = false;
      byId('pk-token-new').textContent = err.message;
    });
  });
  status.appendChild(b);
  return row;
}
