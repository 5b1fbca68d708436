/**
 * `npm run bench -- --lighthouse [--dist DIST]` (or `npx tsx scripts/bench/lighthouse.ts [DIST]`):
 * Lighthouse's four category scores for the home page, a reply page, /stats/
 * and /search/, with the site served as in production: Debian's nginx with
 * deploy/nginx.conf (test/e2e/nginx.ts). Without DIST it builds the demo
 * content first (SOURCE_DATE_EPOCH fixed). Lighthouse's default settings
 * (mobile, simulated throttling), driving the test harness's Chromium
 * (test/e2e/browser.ts) through chrome-launcher; nothing is downloaded.
 * Prints a Markdown table, and the audits that did not pass.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { resolveChromium } from '../../test/e2e/browser.ts';
import { build, buildsDir, repoRoot } from '../../test/e2e/build.ts';
import { nginxMissing, startNginx } from '../../test/e2e/nginx.ts';

export async function lighthouseTable(distArg?: string): Promise<string> {
  const missing = nginxMissing();
  if (missing) throw new Error(missing);
  let dist = distArg ? resolve(distArg) : '';
  let work = '';
  if (!dist) {
    const b = build(join(repoRoot, 'content'), { SOURCE_DATE_EPOCH: '1767225600' });
    if (!b.ok) throw new Error(`building content/ failed:\n${b.output}`);
    dist = b.outDir;
    work = join(dist, '..');
  }
  const reply = readdirSync(dist, { recursive: true })
    .map(String)
    .find((f) => /^proposals\/[^/]+\/\d+\/[a-z0-9-]+\/index\.html$/.test(f));
  if (!reply) throw new Error(`${dist} 中没有答复页面`);
  const pages: [string, string][] = [
    ['home', '/'],
    ['reply', `/${reply.replace(/index\.html$/, '')}`],
    ['stats', '/stats/'],
    ['search', `/search/?q=${encodeURIComponent('停车')}`],
  ];
  const choice = resolveChromium();
  const server = await startNginx(dist);
  const profile = mkdtempSync(join(buildsDir, 'lighthouse-profile-'));
  const chrome = await chromeLauncher.launch({
    chromePath: choice.executablePath,
    userDataDir: profile,
    envVars: { ...(process.env as Record<string, string>), ...choice.env },
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const rows: string[] = [];
  const findings: string[] = [];
  try {
    for (const [name, path] of pages) {
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
      if (!result) throw new Error(`Lighthouse 没有结果：${path}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const audit = (id: string) => {
        const a = audits[id];
        return !a
          ? 'n/a'
          : a.score === null
            ? a.scoreDisplayMode
            : a.score === 1
              ? 'pass'
              : `fail (${a.displayValue ?? a.score})`;
      };
      rows.push(
        `| ${name} | \`${decodeURIComponent(path)}\` | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${audit('uses-text-compression')} | ${audit('uses-long-cache-ttl')} | ${audit('cumulative-layout-shift')} ${audits['cumulative-layout-shift']?.displayValue ?? ''} |`,
      );
      for (const a of Object.values(audits))
        if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
          findings.push(`- ${name}: ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  } finally {
    chrome.kill();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  }
  return [
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${choice.source} Chromium, nginx with deploy/nginx.conf, mobile defaults; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${cpus().length} cores (performance varies with it):`,
    '',
    '| page | address | performance | accessibility | best practices | SEO | text compression | cache lifetime | layout shift |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    findings.length ? `Audits not passed:\n${findings.join('\n')}` : 'Every scored audit passed.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await lighthouseTable(process.argv[2]));
