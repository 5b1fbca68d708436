/**
 * `npm run new -- <session> <number> [unit]`: start a record from a template.
 *
 * Without a unit: the proposal `proposals/<session>/<number>/index.mdx`.
 * With a unit: that unit's reply `proposals/<session>/<number>/<unit>.mdx`
 * (and the proposal too, when it does not exist yet). Every field has a
 * Chinese comment; blanks are left for the editor, and `npm run validate`
 * names each one until it is filled. Never overwrites a file.
 * Writes into CONTENT_DIR, else `content/`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentRoot } from '../src/lib/content-root.ts';
import { proposalNumberPattern } from '../src/lib/model/schemas/proposal.ts';
import { proposalTemplate, replyTemplate } from '../src/lib/templates.ts';

const USAGE = '用法：npm run new -- <会议> <提案号> [答复单位]\n例如：npm run new -- 7-1 20210001 fgw';

const [session, number, unit, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
if (!session || !number || rest.length) fail('参数不正确。');
if (!/^[1-9]\d*-[1-9]\d*$/.test(session)) fail(`会议应为“届-次”，例如 7-1，实际为 ${session}`);
if (!proposalNumberPattern.test(number))
  fail(`提案号只能包含字母、数字和连字符（不以连字符开头或结尾，至多 20 个字符），实际为 ${number}`);
if (unit !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(unit))
  fail(`答复单位应为 units.yaml 中的 id（小写字母、数字和连字符），实际为 ${unit}`);

const root = contentRoot();
const folder = join(root, 'proposals', session, number);
const files: [string, string][] = [];
const proposal = join(folder, 'index.mdx');
if (!existsSync(proposal)) files.push([proposal, proposalTemplate(number, unit)]);
else if (unit === undefined) fail(`${relative(root, proposal)} 已存在，不会覆盖。`);
if (unit !== undefined) {
  const reply = join(folder, `${unit}.mdx`);
  if (existsSync(reply)) fail(`${relative(root, reply)} 已存在，不会覆盖。`);
  files.push([reply, replyTemplate()]);
}
mkdirSync(folder, { recursive: true });
for (const [path, text] of files) {
  writeFileSync(path, text, { flag: 'wx' });
  console.log(`已写入 ${path}`);
}
console.error('请按文件中 # 开头的说明填写空白处，然后运行 npm run validate 检查。');
