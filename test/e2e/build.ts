/** Building a content root into a folder of its own, for the build and browser tests. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** Builds (and dev servers) of the tests go below the repository, each in a folder of its own. */
export const buildsDir = join(repoRoot, '.test-builds');

/**
 * A copy of the site's source in `dir`, with the repository's node_modules:
 * Astro writes `.astro/` (and, for an output folder outside its root, its
 * intermediate build) into the project it runs in, so two builds or a build
 * and a dev server running at once from one project would collide.
 */
export function projectCopy(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(repoRoot, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export interface Build {
  ok: boolean;
  outDir: string;
  output: string;
}

/**
 * The environment of a build as `npm run build` has it. Vitest sets DEV=1, MODE=test and
 * NODE_ENV=test, and Astro reads server-side `import.meta.env` from the environment: a build under
 * them would run as the dev server does (its data read again for every page, no page keys).
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[name];
  return env;
}

/**
 * `astro build` of `contentDir` into a fresh temporary folder. `project` builds
 * in that copy of the source instead of a new one (Astro's incremental build
 * keys the code by its modules' paths, so successive builds that should reuse
 * pages share one); `log` keeps Astro's page-by-page log in the output.
 */
export function build(
  contentDir: string,
  env: Record<string, string> = {},
  opts: { project?: string; log?: boolean } = {},
): Build {
  mkdirSync(buildsDir, { recursive: true });
  const work = opts.project ?? projectCopy(mkdtempSync(join(buildsDir, 'build-')));
  const outDir = opts.project ? mkdtempSync(join(work, 'dist-')) : join(work, 'dist');
  const result = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'astro'),
    ['build', ...(opts.log ? [] : ['--silent'])],
    {
      cwd: work,
      env: {
        ...buildEnv(),
        CONTENT_DIR: contentDir,
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...env,
      },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { ok: result.status === 0, outDir, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Every file below `dir` (relative path → text), compressed files decompressed
 * — gzip'd ones (Pagefind's, the build's `.gz` copies) and the build's `.br`
 * copies — so a scan covers what a server sends; `raw` keeps the bytes as they are.
 */
export function readTree(dir: string, opts: { raw?: boolean } = {}): Map<string, string> {
  const out = new Map<string, string>();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    let bytes = readFileSync(path);
    if (!opts.raw && e.name.endsWith('.br')) bytes = brotliDecompressSync(bytes);
    while (!opts.raw && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    // Pagefind separates the words it segmented with zero-width spaces: removed, so a canary split into words is still found.
    out.set(relative(dir, path), opts.raw ? bytes.toString('base64') : bytes.toString('utf8').replaceAll('\u200b', ''));
  }
  return out;
}

/** The files of `tree` that contain `needle`. */
export function filesContaining(tree: Map<string, string>, needle: string): string[] {
  return [...tree].filter(([, text]) => text.includes(needle)).map(([path]) => path);
}
