/**
 * The Chromium the browser tests drive with playwright-core (Playwright's own
 * browser download does not work here). In order of preference:
 *
 * 1. `CHROMIUM_PATH`, when it names a file;
 * 2. Debian's `/usr/bin/chromium` (what CI installs);
 * 3. the Chromium shipped inside the `@sparticuz/chromium` npm package (a
 *    brotli-compressed headless build for Linux x64, with the NSS libraries
 *    it links), so that `npm install && npm test` works on a machine with no
 *    browser at all. Nothing is downloaded: the package's files are unpacked
 *    once into node_modules/.cache/.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './build.ts';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for the log line. */
  source: 'CHROMIUM_PATH' | 'Debian' | '@sparticuz/chromium';
  /** Extra environment for the browser process (the packaged build's libraries). */
  env?: Record<string, string>;
}

/**
 * Unpacks @sparticuz/chromium's browser and libraries into `cacheDir` (once:
 * into a fresh folder renamed into place, so that test processes starting
 * together never see half a file). The package's own `executablePath()` would
 * unpack into a shared `/tmp/chromium` without that guard, and only loads the
 * libraries on Amazon Linux; hence this small unpacker of its files.
 */
export function packagedChromium(
  cacheDir = join(repoRoot, 'node_modules', '.cache', 'open-replies-chromium'),
): ChromiumChoice {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `没有可用的 Chromium：既没有 CHROMIUM_PATH，也没有 ${DEBIAN_CHROMIUM}，而 @sparticuz/chromium 只带 Linux x64 的浏览器（本机 ${process.platform}/${process.arch}）。请安装 Chromium 并设置 CHROMIUM_PATH。`,
    );
  const pkgDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(cacheDir, version);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = mkdtempSync(join(cacheDir, `${version}.partial-`));
    try {
      writeFileSync(join(tmp, 'chromium'), brotliDecompressSync(readFileSync(join(pkgDir, 'bin', 'chromium.br'))));
      chmodSync(join(tmp, 'chromium'), 0o755);
      // libnss3, libnspr4 and libexpat, which a machine without any browser may lack.
      const tar = spawnSync('tar', ['-x', '-C', tmp], {
        input: brotliDecompressSync(readFileSync(join(pkgDir, 'bin', 'al2023.tar.br'))),
      });
      if (tar.status !== 0) throw new Error(`解压 @sparticuz/chromium 的库失败：${tar.stderr.toString()}`);
      try {
        renameSync(tmp, dir);
      } catch (e) {
        // Another process got there first: its copy is complete, ours goes.
        if (!existsSync(executablePath)) throw e;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const lib = join(dir, 'lib');
  return {
    executablePath,
    source: '@sparticuz/chromium',
    env: { LD_LIBRARY_PATH: [lib, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  };
}

/** Which Chromium to use; `debianPath` is a parameter so that a test can hide Debian's. */
export function resolveChromium(
  opts: { env?: NodeJS.ProcessEnv; debianPath?: string; cacheDir?: string } = {},
): ChromiumChoice {
  const env = opts.env ?? process.env;
  const debian = opts.debianPath ?? DEBIAN_CHROMIUM;
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH))
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  if (env.CHROMIUM_PATH) console.warn(`CHROMIUM_PATH=${env.CHROMIUM_PATH} 不存在，改用下一个可用的 Chromium`);
  if (existsSync(debian)) return { executablePath: debian, source: 'Debian' };
  return packagedChromium(opts.cacheDir);
}

const told = new Set<string>();

/** Launches headless Chromium (the resolved one unless `choice` is given) and says once which it is. */
export async function launch(choice: ChromiumChoice = resolveChromium()): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    headless: true,
    env: choice.env ? { ...process.env, ...choice.env } : undefined,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
    ],
  });
  const line = `浏览器测试使用 Chromium ${browser.version()}（${choice.source}：${choice.executablePath}）`;
  if (!told.has(line)) {
    told.add(line);
    console.log(line);
  }
  return browser;
}
