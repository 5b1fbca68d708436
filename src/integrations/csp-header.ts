/**
 * The Content-Security-Policy as an HTTP header for the production server.
 * Astro writes the policy (astro.config.mjs `security.csp`, with the hashes
 * of the scripts and styles it emitted) into every page's `<meta>`; this
 * integration reads it back from the built pages and writes
 * `_nginx/csp.conf`, which deploy/nginx.conf includes. The header therefore
 * always carries the very policy of the build it ships with: it cannot drift
 * from the config or from the script hashes. The build fails if pages carry
 * different policies, since one server-wide header could not match them all.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the nginx snippet goes, relative to the site's root. */
export const CSP_CONF = '_nginx/csp.conf';

const META = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content="([^"]*)"/i;

/** The policy in a page's `<meta http-equiv="content-security-policy">`, or null. */
export function policyOf(html: string): string | null {
  const m = META.exec(html);
  if (!m) return null;
  return m[1]
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The one policy of every page below `dir`; throws when pages differ or none has one. */
export function sitePolicy(dir: string): string {
  let policy: string | null = null;
  let first = '';
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const path = join(e.parentPath, e.name);
    const p = policyOf(readFileSync(path, 'utf8'));
    if (p === null) continue;
    if (policy === null) {
      policy = p;
      first = relative(dir, path);
    } else if (p !== policy) {
      throw new Error(
        `CSP 不一致：${first} 与 ${relative(dir, path)} 的 <meta> 策略不同，无法写成一个服务器响应头（deploy/nginx.conf）`,
      );
    }
  }
  if (policy === null) throw new Error('构建结果中没有任何页面带 CSP <meta>，无法生成服务器响应头');
  return policy;
}

/** The nginx directive sending `policy` on every response, 404s included. */
export function nginxCspDirective(policy: string): string {
  if (/["\\\n\r$]/.test(policy)) throw new Error(`CSP 含有 nginx 字符串中不能原样写入的字符：${policy}`);
  return [
    "# Written by the build (src/integrations/csp-header.ts) from the pages' <meta> policy. Do not edit.",
    `add_header Content-Security-Policy "${policy}" always;`,
    '',
  ].join('\n');
}

export default function cspHeader(): AstroIntegration {
  return {
    name: 'open-replies:csp-header',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const site = fileURLToPath(dir);
        mkdirSync(join(site, '_nginx'), { recursive: true });
        writeFileSync(join(site, CSP_CONF), nginxCspDirective(sitePolicy(site)));
      },
    },
  };
}
