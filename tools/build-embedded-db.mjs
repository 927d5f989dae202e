// Builds the embedded database launcher (tools/embedded-db, FerretDB v1 + SQLite) into .cache/.
// FerretDB is patched for the build (query pushdown, tools/embedded-db/README.md): the FerretDB
// module (from the Go module cache, downloaded through the module proxy if needed) is copied to
// .cache/embedded-db-build/ferretdb, the files of tools/embedded-db/ferretdb-patches/ replace or
// add files there, and the launcher is built with `-modfile` pointing to a copy of its go.mod that
// replaces the module by that directory (Go refuses -overlay on module-cache files). The replaced
// upstream files are checked against ferretdb-patches/upstream.sha256, so a FerretDB upgrade fails
// here until the patches are re-based instead of building something nobody reviewed.
// Cached: rebuilds only when the Go sources or the patches changed. Skipped when MONGODB_URI is
// set and no binary is needed, or when SKIP_EMBEDDED_DB_BUILD=1.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'tools', 'embedded-db');
const patchDir = join(srcDir, 'ferretdb-patches');
const outDir = join(root, '.cache');
const binary = join(outDir, 'embedded-db');
const stampFile = join(outDir, 'embedded-db.sha256');
const buildDir = join(outDir, 'embedded-db-build');
const FERRETDB = 'github.com/FerretDB/FerretDB';

if (process.env.SKIP_EMBEDDED_DB_BUILD === '1') process.exit(0);

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

// Module-relative paths (forward slashes) of the patched Go files.
const patches = listFiles(patchDir).filter((f) => f.endsWith('.go')).map((f) => relative(patchDir, f).split(sep).join('/')).sort();
const manifest = readFileSync(join(patchDir, 'upstream.sha256'), 'utf8');

const hash = createHash('sha256');
for (const f of ['go.mod', 'go.sum', 'main.go']) hash.update(readFileSync(join(srcDir, f)));
hash.update(manifest);
for (const p of patches) hash.update(`\0${p}\0`).update(readFileSync(join(patchDir, p)));
const digest = hash.digest('hex');

if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) process.exit(0);

try {
  execFileSync('go', ['version'], { stdio: 'ignore' });
} catch {
  if (process.env.MONGODB_URI) process.exit(0);
  console.error('The embedded database needs the Go toolchain (https://go.dev/dl/) to build, or set MONGODB_URI to use an external MongoDB.');
  process.exit(1);
}

console.log('Building the embedded database (FerretDB v1.24 with the pushdown patch, SQLite) — first time only, about a minute…');
mkdirSync(outDir, { recursive: true });
const env = { ...process.env, CGO_ENABLED: '0' };

// The FerretDB module directory (downloaded through the module proxy if needed).
const mod = JSON.parse(execFileSync('go', ['mod', 'download', '-json', FERRETDB], { cwd: srcDir, env, encoding: 'utf8' }));
if (!mod.Dir) throw new Error(`go mod download ${FERRETDB} gave no directory: ${mod.Error ?? 'unknown error'}`);

const expected = new Map(manifest.split('\n').filter((l) => l.trim()).map((l) => {
  const [sum, file] = l.trim().split(/\s+/);
  return [file, sum];
}));
for (const p of patches) {
  const upstream = join(mod.Dir, ...p.split('/'));
  const want = expected.get(p);
  if (want) {
    const have = existsSync(upstream) ? createHash('sha256').update(readFileSync(upstream)).digest('hex') : 'missing';
    if (have !== want) {
      throw new Error(`FerretDB ${mod.Version}: ${p} is not the file the patch was made for (sha256 ${have}, expected ${want}). Re-base tools/embedded-db/ferretdb-patches on this version and update upstream.sha256.`);
    }
  } else if (existsSync(upstream)) {
    throw new Error(`FerretDB ${mod.Version} has ${p}, which the patch adds as a new file: re-base tools/embedded-db/ferretdb-patches.`);
  }
}
for (const file of expected.keys()) {
  if (!patches.includes(file)) throw new Error(`ferretdb-patches/upstream.sha256 lists ${file}, which is not in ferretdb-patches/`);
}

// The patched copy of the module, and a go.mod that uses it.
const patched = join(buildDir, 'ferretdb');
rmSync(buildDir, { recursive: true, force: true });
cpSync(mod.Dir, patched, { recursive: true });
for (const f of listFiles(patched)) chmodSync(f, 0o644); // module cache files are read-only
for (const p of patches) {
  mkdirSync(dirname(join(patched, ...p.split('/'))), { recursive: true });
  copyFileSync(join(patchDir, ...p.split('/')), join(patched, ...p.split('/')));
}
const goMod = readFileSync(join(srcDir, 'go.mod'), 'utf8');
writeFileSync(join(buildDir, 'go.mod'), `${goMod}\nreplace ${FERRETDB} => ${JSON.stringify(patched)}\n`);
copyFileSync(join(srcDir, 'go.sum'), join(buildDir, 'go.sum'));

execFileSync('go', ['build', '-trimpath', '-modfile', join(buildDir, 'go.mod'), '-o', binary, '.'], { cwd: srcDir, stdio: 'inherit', env });
writeFileSync(stampFile, digest);
console.log(`Embedded database built: ${binary} (FerretDB ${mod.Version}, ${patches.length} patched files)`);
