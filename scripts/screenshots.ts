/**
 * `npx tsx scripts/screenshots.ts DIST OUT [path …]`: serve a built site and
 * take full-page screenshots of each path at a wide (1280 px) and a narrow
 * (390 px) viewport, in light and dark, for looking at what we built.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../test/e2e/browser.ts';
import { serve } from '../test/e2e/serve.ts';

const [dist, out, ...paths] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: tsx scripts/screenshots.ts DIST OUT [path …]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const server = await serve(resolve(dist));
const browser = await launch();
const shots = [
  { name: 'wide', width: 1280, height: 900, scheme: 'light' as const },
  { name: 'narrow', width: 390, height: 844, scheme: 'light' as const },
  { name: 'dark', width: 1280, height: 900, scheme: 'dark' as const },
];
for (const path of paths.length ? paths : ['/']) {
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, colorScheme: s.scheme });
    await page.goto(server.url + path);
    const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${s.name}.png`);
    await page.screenshot({ path: file, fullPage: s.name !== 'dark' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
await server.close();
