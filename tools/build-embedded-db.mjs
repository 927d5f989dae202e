// Builds the embedded database launcher (tools/embedded-db, FerretDB v1 + SQLite) into .cache/.
// Cached: rebuilds only when the Go sources changed. Skipped when MONGODB_URI is set and no
// binary is needed, or when SKIP_EMBEDDED_DB_BUILD=1.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'tools', 'embedded-db');
const outDir = join(root, '.cache');
const binary = join(outDir, 'embedded-db');
const stampFile = join(outDir, 'embedded-db.sha256');

if (process.env.SKIP_EMBEDDED_DB_BUILD === '1') process.exit(0);

const hash = createHash('sha256');
for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(srcDir, f)));
const digest = hash.digest('hex');

if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) process.exit(0);

try {
  execFileSync('go', ['version'], { stdio: 'ignore' });
} catch {
  if (process.env.MONGODB_URI) process.exit(0);
  console.error('The embedded database needs the Go toolchain (https://go.dev/dl/) to build, or set MONGODB_URI to use an external MongoDB.');
  process.exit(1);
}

console.log('Building the embedded database (FerretDB v1.24, SQLite) — first time only, about a minute…');
mkdirSync(outDir, { recursive: true });
execFileSync('go', ['build', '-trimpath', '-o', binary, '.'], { cwd: srcDir, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0' } });
writeFileSync(stampFile, digest);
console.log('Embedded database built:', binary);
