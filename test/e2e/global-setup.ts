/**
 * Builds shared by the browser and site tests, made once per test run: the
 * demonstration content and the leak fixture, both on a fixed date.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { resolveChromium } from './browser.ts';
import { build, buildsDir, repoRoot } from './build.ts';

export const BUILD_EPOCH = String(Date.UTC(2030, 0, 1) / 1000);

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
    fixtureDist: string;
  }
}

export default function setup(project: TestProject) {
  // `npm run test:unit` needs no built site.
  if (process.env.OPEN_REPLIES_UNIT_ONLY) return;
  rmSync(buildsDir, { recursive: true, force: true });
  // Unpacks the packaged Chromium now, once, when there is no other (test/e2e/browser.ts).
  const chromium = resolveChromium();
  console.log(`浏览器测试使用 ${chromium.source} 的 Chromium：${chromium.executablePath}`);
  const demo = build(join(repoRoot, 'content'), { SOURCE_DATE_EPOCH: BUILD_EPOCH });
  if (!demo.ok) throw new Error(`building content/ failed:\n${demo.output}`);
  const fixture = build(join(repoRoot, 'test', 'fixtures', 'leak'), { SOURCE_DATE_EPOCH: BUILD_EPOCH });
  if (!fixture.ok) throw new Error(`building the leak fixture failed:\n${fixture.output}`);
  project.provide('demoDist', demo.outDir);
  project.provide('fixtureDist', fixture.outDir);
}
