/**
 * The page the live preview shows while the content root has problems: every
 * problem as `file:line:col field — message`, in Chinese, and a small script
 * that reloads the page once the problems change (fixed, or different).
 */
import { formatProblem, sortProblems, type Problem } from './problems.ts';

/** The address the page polls for the current state; answered by the dev server only. */
export const PROBLEMS_STATUS_PATH = '/__open-replies/problems.json';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A short fingerprint of the problems, so the page knows when they changed. */
export function problemsKey(problems: readonly Problem[]): string {
  let h = 0;
  for (const line of sortProblems([...problems])
    .map(formatProblem)
    .join('\n'))
    h = (Math.imul(h, 31) + line.charCodeAt(0)) | 0;
  return `${problems.length}-${(h >>> 0).toString(36)}`;
}

/** The full HTML page listing `problems` of the content root `root`. */
export function problemPage(problems: readonly Problem[], root: string): string {
  const items = sortProblems([...problems])
    .map((p) => {
      const place = `${p.file}:${p.line}:${p.column}`;
      return `<li><code class="place">${escapeHtml(place)}</code> <code class="field">${escapeHtml(p.field)}</code><p>${escapeHtml(p.message)}</p></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有 ${problems.length} 个问题 · 预览暂停</title>
<style>
body { font: 16px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; background: #fff7f5; color: #1f1f1f; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { color: #a4161a; font-size: 1.5rem; margin: 0 0 .5rem; }
ol { padding-left: 1.5rem; }
li { margin: 1rem 0; padding: .75rem 1rem; background: #fff; border-left: 4px solid #a4161a; }
li p { margin: .25rem 0 0; }
code { font: 14px/1.4 ui-monospace, monospace; }
.place { font-weight: 600; }
.field { color: #555; }
.hint { color: #444; }
</style>
</head>
<body>
<main>
<h1>内容有 ${problems.length} 个问题，预览暂停</h1>
<p class="hint">内容目录：<code>${escapeHtml(root)}</code>。逐条修正下面的问题并保存文件，本页会自动刷新；全部修正后显示网站页面。未修正前，任何内容都不会发布。</p>
<ol>
${items}
</ol>
</main>
<script type="module">
const key = ${JSON.stringify(problemsKey(problems))};
setInterval(async () => {
  try {
    const r = await fetch(${JSON.stringify(PROBLEMS_STATUS_PATH)}, { cache: 'no-store' });
    const s = await r.json();
    if (s.key !== key) location.reload();
  } catch {}
}, 1000);
</script>
</body>
</html>
`;
}
