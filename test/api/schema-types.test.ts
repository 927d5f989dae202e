import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('the TypeScript types generated from schemas/ are current (run `npm run schemas:types` after editing a schema)', () => {
  // A separate process: the generator's formatter (prettier) cannot load inside jest's module system.
  const result = spawnSync(join(root, 'node_modules/.bin/tsx'), ['tools/generate-schema-types.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
