import { hashPassword, randomToken, tokenHash, verifyPassword } from '../../server/auth/passwords';

test('a scrypt hash verifies its password and no other', async () => {
  const stored = await hashPassword('correct horse battery');
  expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  expect(stored).not.toContain('correct horse');
  expect(await verifyPassword('correct horse battery', stored)).toBe(true);
  expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
});

test('the same password hashes differently each time (salt)', async () => {
  expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
});

test('a malformed stored hash never verifies', async () => {
  expect(await verifyPassword('x', '')).toBe(false);
  expect(await verifyPassword('x', 'argon2id$v=19$m=65536')).toBe(false);
  expect(await verifyPassword('x', 'scrypt$16384$8$1$AAAA$')).toBe(false);
});

test('tokens are random, URL-safe, and looked up by SHA-256', () => {
  const a = randomToken();
  expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(randomToken()).not.toBe(a);
  expect(tokenHash(a)).toHaveLength(32);
  expect(tokenHash(a).equals(tokenHash(a))).toBe(true);
});
