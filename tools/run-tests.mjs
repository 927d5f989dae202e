// `npm test`: the API suite (jest + supertest against the embedded database) and the browser suite
// (jest + playwright-core driving a system Chromium, else the npm @sparticuz/chromium, against the
// real server), then one closing line "N passed, N failed" that totals every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

function run(cmd, args, env = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

// The embedded database and the console must be built before the suites start.
if (run('node', ['tools/build-embedded-db.mjs']) !== 0) process.exit(1);
if (run('node', ['tools/ensure-ui-build.mjs']) !== 0) process.exit(1);

const suites = [
  { name: 'api', config: 'test/api/jest.config.js' },
  { name: 'e2e', config: 'test/e2e/jest.config.js' },
];
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
let broken = false;
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  const out = join(artifacts, `${suite.name}-results.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${suite.name} tests ===`);
  const status = run('npx', ['jest', '--config', suite.config, '--json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    console.error(`${suite.name}: jest wrote no results (exit ${status})`);
    broken = true;
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed += r.numPassedTests;
  // A suite that fails to load counts as a failure even though none of its tests ran.
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  if (status !== 0 && r.numFailedTests + r.numRuntimeErrorTestSuites === 0) broken = true;
  console.log(`${suite.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites} suites failed to run`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
