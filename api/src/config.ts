// Environment → typed configuration, validated once at boot (fail fast, naming the bad variable).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import dotenv from 'dotenv';

export const projectRoot = resolve(__dirname, '..', '..');

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  uploadsDir: string;
  jwtSecret: string;
  jwtExpiresIn: number; // seconds
  demoPassword: string;
  seedDemoData: boolean;
  logLevel: string;
  corsOrigins: string[];
  trustProxy: number | boolean;
  bodyLimit: string;
  login: { maxFailures: number; lockMinutes: number; failureDelayMs: number };
  uiDist: string;
  recordings: {
    /** RECORDING_MAX_BYTES: the largest recorder file accepted in one upload. */
    maxBytes: number;
    /** RECORDING_KINDS: the kinds of content accepted, detected from the bytes. */
    kinds: ReadonlyArray<'video' | 'audio' | 'image' | 'pdf'>;
  };
  /** Address the public reaches the portal at; printed in certificate QR codes. */
  publicBaseUrl: string;
  publicRateLimitPerMinute: number;
  certificateExpiryWarningDays: number;
  /** AES-256-GCM keys for personal data at rest: the current one first, older ones for reading. */
  personalDataKeys: Array<{ id: string; key: Buffer }>;
  /** HMAC key for searching encrypted identifiers (stable across key rotation). */
  personalDataHashKey: Buffer;
  /** A CJK font (TTF, OTF, TTC, WOFF, WOFF2) for generated PDFs; preferred over the installed ones. */
  pdfFontPath: string | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function dirVar(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  return isAbsolute(raw) ? raw : resolve(projectRoot, raw);
}

/** An optional font file that must exist and be of a kind the PDF renderer reads. */
function fontFileVar(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const path = isAbsolute(raw) ? raw : resolve(projectRoot, raw);
  if (!/\.(ttf|otf|ttc|otc|woff2?)$/i.test(path)) throw new ConfigError(`${name} must name a .ttf, .otf, .ttc, .woff or .woff2 font file, got "${raw}"`);
  if (!existsSync(path)) throw new ConfigError(`${name} names a font file that does not exist: "${path}"`);
  return path;
}

function urlVar(env: Env, name: string, fallback: string): string {
  const raw = (env[name] || fallback).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(raw)) throw new ConfigError(`${name} must be an http(s) address such as https://zf.example.gov.cn, got "${raw}"`);
  return raw;
}

/** Duration like "8h", "30m", "3600" (seconds). */
function durationVar(env: Env, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(raw);
  if (!m) throw new ConfigError(`${name} must be a duration such as 8h, 30m or 3600, got "${raw}"`);
  const factor = { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * factor;
  if (seconds < 60 || seconds > 7 * 86400) throw new ConfigError(`${name} must be between 1 minute and 7 days, got "${raw}"`);
  return seconds;
}

/**
 * The JWT secret is required in production. Elsewhere one is generated on first start and kept
 * under DATA_DIR so that tokens survive restarts.
 */
function key32(name: string, raw: string): Buffer {
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/**
 * A secret that is required in production and otherwise generated once and kept under DATA_DIR
 * (random per process in tests).
 */
function generatedSecret(env: Env, name: string, nodeEnv: Config['nodeEnv'], dataDir: string, file: string): Buffer {
  const raw = env[name];
  if (raw) return key32(name, raw);
  if (nodeEnv === 'production') throw new ConfigError(`${name} is required when NODE_ENV=production`);
  if (nodeEnv === 'test') return randomBytes(32);
  const path = join(dataDir, file);
  if (existsSync(path)) return key32(name, readFileSync(path, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** PERSONAL_DATA_KEY (current) and PERSONAL_DATA_OLD_KEYS (comma-separated, still readable). */
function personalDataKeysFrom(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string): Array<{ id: string; key: Buffer }> {
  const current = generatedSecret(env, 'PERSONAL_DATA_KEY', nodeEnv, dataDir, 'personal-data-key');
  const old = (env.PERSONAL_DATA_OLD_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((raw) => key32('PERSONAL_DATA_OLD_KEYS', raw));
  return [current, ...old].map((key) => ({ id: keyId(key), key }));
}

function jwtSecretFrom(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string): string {
  const raw = env.JWT_SECRET;
  if (raw) {
    if (raw.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (nodeEnv === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const RECORDING_KINDS = ['video', 'audio', 'image', 'pdf'] as const;

function recordingKindsVar(env: Env): Config['recordings']['kinds'] {
  const kinds = (env.RECORDING_KINDS ?? RECORDING_KINDS.join(',')).split(',').map((k) => k.trim()).filter(Boolean);
  const wrong = kinds.filter((k) => !(RECORDING_KINDS as readonly string[]).includes(k));
  if (!kinds.length || wrong.length) throw new ConfigError(`RECORDING_KINDS must list some of ${RECORDING_KINDS.join(', ')}, got "${env.RECORDING_KINDS}"`);
  return kinds as Config['recordings']['kinds'];
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const dataDir = dirVar(env, 'DATA_DIR', './data');
  const mongodbUri = env.MONGODB_URI || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  const demoPassword = env.DEMO_PASSWORD || 'Demo@2026';
  if (demoPassword.length < 8) throw new ConfigError('DEMO_PASSWORD must be at least 8 characters long');
  const bodyLimit = env.BODY_LIMIT || '1mb';
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit)) throw new ConfigError(`BODY_LIMIT must look like 100kb or 1mb, got "${bodyLimit}"`);
  return {
    nodeEnv,
    port: intVar(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    mongodbUri,
    dataDir,
    uploadsDir: dirVar(env, 'UPLOADS_DIR', './uploads'),
    jwtSecret: jwtSecretFrom(env, nodeEnv, dataDir),
    jwtExpiresIn: durationVar(env, 'JWT_EXPIRES_IN', '8h'),
    demoPassword,
    seedDemoData: boolVar(env, 'SEED_DEMO_DATA', nodeEnv !== 'production'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:5173').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY === 'true' ? true : intVar(env, 'TRUST_PROXY', 0, 0, 10),
    bodyLimit,
    login: {
      maxFailures: intVar(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
      lockMinutes: intVar(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
      failureDelayMs: intVar(env, 'LOGIN_FAILURE_DELAY_MS', 300, 0, 10_000),
    },
    uiDist: dirVar(env, 'UI_DIST', './admin-ui/dist'),
    recordings: {
      maxBytes: intVar(env, 'RECORDING_MAX_BYTES', 4 * 1024 ** 3, 1024, Number.MAX_SAFE_INTEGER),
      kinds: recordingKindsVar(env),
    },
    publicBaseUrl: urlVar(env, 'PUBLIC_BASE_URL', `http://localhost:${env.PORT || 3000}`),
    publicRateLimitPerMinute: intVar(env, 'PUBLIC_RATE_LIMIT_PER_MINUTE', 300, 1, 100_000),
    certificateExpiryWarningDays: intVar(env, 'CERTIFICATE_EXPIRY_WARNING_DAYS', 30, 1, 365),
    personalDataKeys: personalDataKeysFrom(env, nodeEnv, dataDir),
    personalDataHashKey: generatedSecret(env, 'PERSONAL_DATA_HASH_KEY', nodeEnv, dataDir, 'personal-data-hash-key'),
    pdfFontPath: fontFileVar(env, 'PDF_FONT_PATH'),
  };
}

let current: Config | undefined;

/** The process-wide configuration; .env is read once on first use. */
export function config(): Config {
  if (!current) {
    dotenv.config({ path: join(projectRoot, '.env'), quiet: true });
    current = loadConfig();
  }
  return current;
}

/** Tests build their own configuration. */
export function setConfig(next: Config): void {
  current = next;
}
