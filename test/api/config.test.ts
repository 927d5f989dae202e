import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../api/src/config';

const root = join(__dirname, '..', '..');

describe('configuration', () => {
  test('when nothing is set, the documented defaults apply', () => {
    const cfg = loadConfig({ NODE_ENV: 'test' });
    expect(cfg.port).toBe(3000);
    expect(cfg.dataDir).toBe(join(root, 'data'));
    expect(cfg.uploadsDir).toBe(join(root, 'uploads'));
    expect(cfg.demoPassword).toBe('Demo@2026');
    expect(cfg.jwtExpiresIn).toBe(8 * 3600);
    expect(cfg.mongodbUri).toBeUndefined();
  });

  test.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ MONGODB_URI: 'postgres://x' }, /MONGODB_URI/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ JWT_EXPIRES_IN: 'forever' }, /JWT_EXPIRES_IN/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ DEMO_PASSWORD: 'x' }, /DEMO_PASSWORD/],
    [{ LOGIN_MAX_FAILURES: '0' }, /LOGIN_MAX_FAILURES/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ PERSONAL_DATA_KEY: 'c2hvcnQ=' }, /PERSONAL_DATA_KEY/],
    [{ PUBLIC_BASE_URL: 'ftp://x' }, /PUBLIC_BASE_URL/],
  ])('when %j is invalid, start-up fails with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(pattern);
  });

  test('in production a JWT secret is required', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/PERSONAL_DATA_KEY is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PERSONAL_DATA_KEY: key })).toThrow(/PERSONAL_DATA_HASH_KEY is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PERSONAL_DATA_KEY: key, PERSONAL_DATA_HASH_KEY: key }).seedDemoData).toBe(false);
  });

  test('every variable the server reads is documented in .env.example', () => {
    const source = readFileSync(join(root, 'api/src/config.ts'), 'utf8');
    const read = new Set([...source.matchAll(/env(?:\.|, ')([A-Z_]{3,})/g)].map((m) => m[1]));
    const documented = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    for (const name of read) expect({ name, documented: documented.has(name) }).toEqual({ name, documented: true });
  });
});
