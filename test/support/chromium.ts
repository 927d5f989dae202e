// Which Chromium the browser tests launch, with which flags and fonts, so that `npm test` passes on a
// machine where nothing was installed by hand:
// - the browser: CHROMIUM_PATH; else a system Chromium (/usr/bin/chromium, /usr/bin/chromium-browser,
//   `chromium` on PATH); else the headless Chromium of the npm package @sparticuz/chromium, unpacked
//   once into .cache/chromium/ (the package's own unpacking goes to a fixed /tmp/chromium, which it
//   reuses whatever its version or state, so it runs here in a private folder that is renamed into
//   place when complete);
// - Chinese glyphs: when fontconfig knows no Chinese font (`fc-list :lang=zh` empty or no fc-list), a
//   generated fonts.conf (.cache/fontconfig/) adds the Noto Serif SC font that `npm install` brings for
//   the opinion PDFs (@expo-google-fonts/noto-serif-sc) to the system font folders, and the browser
//   is started with FONTCONFIG_FILE/FONTCONFIG_PATH pointing at it.
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const root = join(__dirname, '..', '..');
const cache = join(root, '.cache');

export interface ChromiumLaunch {
  executablePath: string;
  /** Where the browser comes from, for messages. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Flags beyond those every launch uses. */
  args: string[];
  /** Environment of the browser process. */
  env: Record<string, string>;
}

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function systemChromium(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'chromium'));
  return [...SYSTEM_CHROMIUM, ...onPath].find(isExecutable);
}

// @sparticuz/chromium's flags are made for AWS Lambda. Left out:
// --single-process (Playwright's persistent context and several pages need the normal process model),
// --headless='shell' (Playwright passes --headless itself; the binary is a headless shell anyway),
// the web-security, mixed-content and site-isolation switches (the tests must see what a user's
// browser enforces) and the GPU/SwiftShader switches (every launch passes --disable-gpu).
const DROPPED_SPARTICUZ_FLAGS = [
  /^--single-process$/,
  /^--headless(=|$)/,
  /^--disable-web-security$/,
  /^--allow-running-insecure-content$/,
  /^--disable-site-isolation-trials$/,
  /^--disable-features=/,
  /^--in-process-gpu$/,
  /^--ignore-gpu-blocklist$/,
  /^--use-gl=/,
  /^--use-angle=/,
  /^--enable-unsafe-swiftshader$/,
];

function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of the package ${name}`);
    dir = up;
  }
  return dir;
}

async function npmChromium(): Promise<{ executablePath: string; args: string[] }> {
  const { default: chromium } = await import('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(packageRoot('@sparticuz/chromium'), 'package.json'), 'utf8')) as { version: string };
  const dir = join(cache, 'chromium', `sparticuz-${version}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    // executablePath() unpacks chromium, its fonts and SwiftShader into os.tmpdir(). That reads the
    // process's real environment, which a jest test cannot change (its process.env is a copy), so the
    // unpacking runs in a child process with TMPDIR set to a private folder.
    mkdirSync(dirname(dir), { recursive: true });
    const staging = mkdtempSync(`${dir}.partial-`);
    try {
      const script = 'require(process.argv[1]).executablePath().then((p) => process.stdout.write(p))';
      const { stdout } = await execFileAsync(process.execPath, ['-e', script, require.resolve('@sparticuz/chromium')], {
        env: { ...process.env, TMPDIR: staging },
        encoding: 'utf8',
      });
      if (stdout !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${staging}`);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      throw err;
    }
    try {
      renameSync(staging, dir);
    } catch (err) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(executablePath)) throw err; // else another run got there first
    }
  }
  const args = chromium.args.filter((flag) => !DROPPED_SPARTICUZ_FLAGS.some((re) => re.test(flag)));
  return { executablePath, args };
}

function systemHasChineseFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fonts.conf with the system fonts and the npm Noto Serif SC; its path. */
function writeFontconfig(): string {
  // Declared by the api workspace; npm usually hoists it to the root node_modules.
  const font = (file: string) => require.resolve(`@expo-google-fonts/noto-serif-sc/${file}`, { paths: [join(root, 'api'), root] });
  const fontDirs = [font('400Regular/NotoSerifSC_400Regular.ttf'), font('700Bold/NotoSerifSC_700Bold.ttf')].map((f) => dirname(f));
  const dir = join(cache, 'fontconfig');
  const file = join(dir, 'fonts.conf');
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<!-- Generated by test/support/chromium.ts for the browser tests: the system fonts plus Noto Serif SC from npm. -->',
    '<fontconfig>',
    '  <dir>/usr/share/fonts</dir>',
    '  <dir>/usr/local/share/fonts</dir>',
    '  <dir prefix="xdg">fonts</dir>',
    '  <dir>~/.fonts</dir>',
    ...fontDirs.map((d) => `  <dir>${xml(d)}</dir>`),
    `  <cachedir>${xml(join(dir, 'cache'))}</cachedir>`,
    '  <include ignore_missing="yes">/etc/fonts/conf.d</include>',
    '</fontconfig>',
    '',
  ].join('\n');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (!systemHasChineseFont()) {
    const file = writeFontconfig();
    env.FONTCONFIG_FILE = file;
    env.FONTCONFIG_PATH = dirname(file);
  }
  return env;
}

let resolved: Promise<ChromiumLaunch> | undefined;

/** The browser to launch (worked out once per test file). */
export function chromiumLaunch(): Promise<ChromiumLaunch> {
  return (resolved ??= (async (): Promise<ChromiumLaunch> => {
    const env = browserEnv();
    const configured = process.env.CHROMIUM_PATH;
    if (configured) return { executablePath: configured, source: 'CHROMIUM_PATH', args: [], env };
    const system = systemChromium();
    if (system) return { executablePath: system, source: 'system', args: [], env };
    return { ...(await npmChromium()), source: '@sparticuz/chromium', env };
  })());
}
