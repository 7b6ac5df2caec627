import { parseConfig } from '../../server/core/config';

test('defaults give a working local configuration', () => {
  const c = parseConfig({});
  expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/preventiekaart');
  expect(c.PORT).toBe(3000);
  expect(c.TRUST_PROXY).toBe(false);
  expect(c.NEAR_REPEAT_DISTANCE_M).toBe(200);
  expect(Object.isFrozen(c)).toBe(true);
});

test('values are coerced from strings', () => {
  const c = parseConfig({ PORT: '3999', TRUST_PROXY: 'yes', LOGIN_RATE_LIMIT: '3', REDIS_PREFIX: 'x' });
  expect(c).toMatchObject({ PORT: 3999, TRUST_PROXY: true, LOGIN_RATE_LIMIT: 3, REDIS_PREFIX: 'x' });
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
  [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  [{ NEAR_REPEAT_DAYS: '-1' }, 'NEAR_REPEAT_DAYS'],
])('a bad variable is named: %p', (env, name) => {
  expect(() => parseConfig(env)).toThrow(new RegExp(`^invalid configuration: .*${name}: `));
});

test('every bad variable is named at once', () => {
  expect(() => parseConfig({ PORT: 'x', NODE_ENV: 'staging' })).toThrow(
    /NODE_ENV: .*PORT: |PORT: .*NODE_ENV: /,
  );
});

test('PUBLIC_EMBED_ORIGINS: a comma-separated list of origins, nothing that could widen the policy', () => {
  expect(parseConfig({}).PUBLIC_EMBED_ORIGINS).toEqual([]);
  expect(
    parseConfig({ PUBLIC_EMBED_ORIGINS: 'https://www.delft.nl, https://*.delft.nl,http://localhost:8080' })
      .PUBLIC_EMBED_ORIGINS,
  ).toEqual(['https://www.delft.nl', 'https://*.delft.nl', 'http://localhost:8080']);
  for (const bad of [
    '*',
    'https://www.delft.nl/kaart',
    "https://a.nl 'unsafe-inline'",
    'https://a.nl;script-src *',
    'www.delft.nl',
  ]) {
    expect(() => parseConfig({ PUBLIC_EMBED_ORIGINS: bad })).toThrow(/PUBLIC_EMBED_ORIGINS/);
  }
});
