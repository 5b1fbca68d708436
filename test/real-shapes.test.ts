/**
 * The real-shapes fixture (test/fixtures/real-shapes) checked without a build:
 * every shape of a real published reply validates as written, and the two
 * things that must stay errors do — ASCII angle brackets in a cited title and a
 * mobile number in a published text. The built pages are checked in
 * test/e2e/real-shapes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { fixtureFiles, problemLines, withFiles } from './helpers.ts';

const base = fixtureFiles('real-shapes');
const CGJ = 'proposals/10-3/52/cgj.mdx';
/** `file` with `from` replaced by `to` (which must occur). */
function edited(file: string, from: string, to: string): Map<string, string> {
  const text = base.get(file)!;
  expect(text).toContain(from);
  return withFiles({ [file]: text.replace(from, to) }, base);
}
const lineOf = (file: string, needle: string) =>
  base
    .get(file)!
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('the real-shapes root', () => {
  it('validates as written', () => {
    expect(problemLines(base)).toEqual([]);
  });

  it('reads each shape as the model stores it', () => {
    const { corpus } = checkCorpus(base, { render: false });
    const reply = (id: string) => corpus!.replies.find((r) => r.id === id)!;
    const proposal = (id: string) => corpus!.proposals.find((p) => p.id === id)!;
    expect(reply('10-3/52/cgj').data.repliedOn).toBe('2024-05-24');
    expect(reply('10-3/52/cgj').data.indexNo).toBe('11341703003249426F/202003-00055');
    expect(reply('10-3/52/cgj').data.commitments?.map((c) => c.status)).toEqual(['done', 'open', 'dropped']);
    expect(reply('10-3/52/zjj').data.category).toBeUndefined();
    expect(reply('10-3/2-26/jyj').data).toEqual({ disclosure: 'pending' });
    expect(proposal('10-3/52').data).toMatchObject({ andOthers: true, key: {} });
    expect(proposal('10-4/2025D048').data.proposers).toEqual(['committee-economy']);
    expect(corpus!.replies.some((r) => r.id === '10-3/52/jsj')).toBe(false);
    expect(corpus!.sessions.find((s) => s.id === '10-3')!.official).toMatchObject({ received: 214, registered: 187 });
  });

  it('keeps ASCII angle brackets in a cited title an error, on the line where they are', () => {
    const lines = problemLines(edited(CGJ, '〈某区2024年城市体检工作方案〉', '<某区2024年城市体检工作方案>'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${CGJ}:${lineOf(CGJ, '城市体检工作方案')}:\\d+ body — `));
  });

  it('rejects a mobile number in a published reply at its line and column, masked', () => {
    const lines = problemLines(edited(CGJ, '或拨打政务服务热线12345', '或拨打13812345678'));
    expect(lines).toHaveLength(1);
    const line = lineOf(CGJ, '或拨打政务服务热线12345');
    const column = base.get(CGJ)!.split('\n')[line - 1].indexOf('或拨打') + 4;
    expect(lines[0]).toMatch(new RegExp(`^${CGJ}:${line}:${column} body — 发现手机号码（138\\*\\*\\*\\*5678）`));
    expect(lines[0]).not.toContain('13812345678');
  });

  it('needs a category for the lead unit’s published reply, not for the co-handling opinion', () => {
    expect(problemLines(edited(CGJ, 'category: B\n', ''))).toEqual([
      expect.stringMatching(new RegExp(`^${CGJ}:\\d+:\\d+ category — `)),
    ]);
  });

  it('checks the public e-mail only because it is listed in notPersonal', () => {
    const lines = problemLines(edited(CGJ, 'notPersonal: ["cgjxf@qu.example.gov.cn"]\n', ''));
    expect(lines).toEqual([expect.stringMatching(/发现电子邮箱地址（c\*\*\*@qu\.example\.gov\.cn）/)]);
  });
});
