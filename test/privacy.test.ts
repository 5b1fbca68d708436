/**
 * The personal-data check on a corpus of both sides: what real replies contain
 * that must pass (landlines, hotlines, document and index numbers, amounts,
 * dates), and every shape of personal data that must be found.
 */
import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isResidentId,
  maskPersonal,
  personalDataMessage,
  personalDataProblems,
  redactPersonalData,
  type PersonalHit,
} from '../src/lib/model/privacy.ts';
import { fixtureFiles, problemLines, PROPOSAL, REPLY, reply, withFiles } from './helpers.ts';

/** An ID number with the right check character for its first 17 digits. */
function withCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}
const ID = withCheck('44030519800101123');
const ID_X = '11010519491231002X';

const publicTexts = [
  '联系电话：0755-88123456',
  '咨询电话：（0755）88123456',
  '服务热线：12345',
  '市民热线 12345，政务服务热线 0755-12345',
  '联系电话：5972877',
  '传真：0755-83456789。',
  '深发改函〔2021〕123号',
  '索引号：11341703003249426F/202003-00055',
  '索引号：114403000075421234/2021-00123',
  '关于政协十届三次会议第20210099号提案的答复',
  '第2025D048号提案',
  '2021年新增投资15000000000元。',
  '总投资 13800000000 元',
  '全市共有 13812345 户家庭。',
  '2022年12月31日前完成',
  '联系人：市交通运输局办公室',
  '联系人：综合科　联系电话：0755-88123456',
  '联系人：<Redacted reason="privacy" />　联系电话：0755-88123456',
  '请与联系人沟通后再办理。',
  '统一社会信用代码：11440300007542123X',
  '电话号码13位以上的编号：1381234567890123',
];

const personalTexts: [string, string, string][] = [
  ['联系人：王小明　联系电话：13812345678', 'contact', '王小明'],
  ['联系人：王小明　联系电话：13812345678', 'mobile', '13812345678'],
  ['手机：138 1234 5678', 'mobile', '138 1234 5678'],
  ['手机：138-1234-5678。', 'mobile', '138-1234-5678'],
  ['电话：+86 13912345678', 'mobile', '+86 13912345678'],
  ['手机１３８１２３４５６７８', 'mobile', '１３８１２３４５６７８'],
  [`身份证号：${ID}`, 'id', ID],
  [`身份证：${ID_X}。`, 'id', ID_X],
  ['邮箱：wangxm@qq.com', 'email', 'wangxm@qq.com'],
  ['请发送至 zhang.san@163.com 。', 'email', 'zhang.san@163.com'],
  ['联系人 李华，电话 0755-88123456', 'contact', '李华'],
  ['联系人：张科长', 'contact', '张科长'],
  ['联 系 人：欧阳娜娜', 'contact', '欧阳娜娜'],
  ['经办人：赵四', 'contact', '赵四'],
  ['联系人及电话：陈东 0755-88123456', 'contact', '陈东'],
  ['联系人：王小明联系电话：0755-88123456', 'contact', '王小明'],
];

describe('the personal-data check', () => {
  it.each(publicTexts)('passes public text: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it.each(personalTexts)('finds personal data in %s (%s)', (text, kind, found) => {
    expect(findPersonalData(text)).toContainEqual({ kind, index: text.indexOf(found), text: found });
  });

  it('verifies the ID check digit, region and birth date', () => {
    expect(isResidentId(ID)).toBe(true);
    expect(isResidentId(ID_X)).toBe(true);
    expect(isResidentId(ID_X.toLowerCase())).toBe(true);
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(isResidentId(wrongCheck)).toBe(false);
    expect(findPersonalData(`证件号 ${wrongCheck}`)).toEqual([]);
    expect(isResidentId(withCheck('44030519801301123'))).toBe(false); // month 13
    expect(isResidentId(withCheck('99030519800101123'))).toBe(false); // no such province
  });

  it('takes only real provinces (11–82) and real birth dates from 1900 on as ID numbers', () => {
    // Region codes at the edges.
    expect(isResidentId(withCheck('10030519800101123'))).toBe(false);
    expect(isResidentId(withCheck('11030519800101123'))).toBe(true);
    expect(isResidentId(withCheck('82030519800101123'))).toBe(true);
    expect(isResidentId(withCheck('83030519800101123'))).toBe(false);
    // Birth dates: the first year, days a month does not have, leap days.
    expect(isResidentId(withCheck('44030518991231123'))).toBe(false);
    expect(isResidentId(withCheck('44030519000101123'))).toBe(true);
    expect(isResidentId(withCheck('44030519800431123'))).toBe(false);
    expect(isResidentId(withCheck('44030519000229123'))).toBe(false);
    expect(isResidentId(withCheck('44030520000229123'))).toBe(true);
    expect(isResidentId(withCheck('44030519800001123'))).toBe(false);
    expect(isResidentId(withCheck('44030519800100123'))).toBe(false);
    // Exactly 18 characters, the check character last.
    expect(isResidentId(`${ID}0`)).toBe(false);
    expect(isResidentId(`0${ID}`)).toBe(false);
    expect(findPersonalData(`编号 ${withCheck('83030519800101123')}`)).toEqual([]);
  });

  it('reports digits inside an e-mail address once, as the address', () => {
    const text = `邮箱 13812345678@qq.com，证件 ${ID}`;
    expect(findPersonalData(text).map((h) => [h.kind, h.text])).toEqual([
      ['email', '13812345678@qq.com'],
      ['id', ID],
    ]);
    // A mobile number just after an address is its own hit.
    expect(findPersonalData('邮箱 wang@qq.com 13812345678').map((h) => h.kind)).toEqual(['email', 'mobile']);
    expect(findPersonalData(`邮箱 ${ID}@qq.com`).map((h) => h.kind)).toEqual(['email']);
  });

  it("points at the contact person's name itself, after any spaces", () => {
    const text = '办理单位：市交通局。联系人：  王小明，电话 0755-88123456。';
    const [hit] = findPersonalData(text);
    expect(hit).toMatchObject({ kind: 'contact', text: '王小明', index: text.indexOf('王小明') });
  });

  it('compares notPersonal strings without case or width', () => {
    expect(findPersonalData('邮箱：office@sz.gov.cn', ['Office@SZ.gov.cn'])).toEqual([]);
    expect(findPersonalData('热线：１３８００１３８０００', ['13800138000'])).toEqual([]);
  });

  it('skips strings the record lists in notPersonal, however they are spaced', () => {
    expect(findPersonalData('热线：13800138000', ['138-0013-8000'])).toEqual([]);
    expect(findPersonalData('邮箱：office@sz.gov.cn', ['office@sz.gov.cn'])).toEqual([]);
    expect(findPersonalData('联系人：王小明', ['王小明'])).toEqual([]);
    expect(findPersonalData('邮箱：office@sz.gov.cn 或 wang@qq.com', ['office@sz.gov.cn'])).toHaveLength(1);
  });

  it('reads through characters no reader sees (pasted from Word or a web page), and reports the hit as written', () => {
    const zw = '\u200b';
    const cases: [string, PersonalHit['kind'], string][] = [
      [`电话：138${zw}1234${zw}5678`, 'mobile', `138${zw}1234${zw}5678`],
      [`手机\ufeff：13\u00ad812345678`, 'mobile', '13\u00ad812345678'],
      [`身份证：${ID.slice(0, 9)}\u200d${ID.slice(9)}`, 'id', `${ID.slice(0, 9)}\u200d${ID.slice(9)}`],
      [`邮箱：wang\u2060xm@qq.com`, 'email', 'wang\u2060xm@qq.com'],
      [`联系人：王\u200c小明`, 'contact', '王\u200c小明'],
      [`${zw}${zw}联系人：\u200e王小明`, 'contact', '王小明'],
    ];
    for (const [text, kind, found] of cases)
      expect(findPersonalData(text), text).toEqual([{ kind, index: text.indexOf(found), text: found }]);
    // Each reported once, at its place in the file as written.
    const two = `${zw}13812345678；\n${zw}${zw}手机：139${zw}12345678`;
    expect(
      personalDataProblems('f.mdx', 'body', two, { line: 3, column: 1 }).map((p) => `${p.line}:${p.column}`),
    ).toEqual(['3:2', '4:6']);
    // notPersonal written without them still matches, and with them matches the plain number.
    expect(findPersonalData(`热线 138${zw}1234${zw}5678`, ['138 1234 5678'])).toEqual([]);
    expect(findPersonalData('热线 13812345678', [`138${zw}12345678`])).toEqual([]);
    expect(redactPersonalData(`电话：138${zw}1234${zw}5678。`).text).toBe('电话：<Redacted reason="privacy" />。');
  });

  it('masks what it found and says how to fix it, in Chinese', () => {
    expect(maskPersonal({ kind: 'mobile', text: '138 1234 5678' })).toBe('138****5678');
    expect(maskPersonal({ kind: 'id', text: ID_X })).toBe('1101**********002X');
    expect(maskPersonal({ kind: 'email', text: 'wangxm@qq.com' })).toBe('w***@qq.com');
    expect(maskPersonal({ kind: 'contact', text: '王小明' })).toBe('王**');
    const message = personalDataMessage({ kind: 'mobile', text: '13812345678' });
    expect(message).toContain('手机号码（138****5678）');
    expect(message).toContain('<Redacted reason="privacy" />');
    expect(message).toContain('notPersonal');
    expect(message).not.toContain('13812345678');
  });

  it("names each hit's own line and column in the file", () => {
    const body = '\n领导：\n\n  您好。联系人：王小明，手机 13812345678。\n';
    expect(personalDataProblems('r.mdx', 'body', body, { line: 10, column: 1 })).toEqual([
      expect.objectContaining({ file: 'r.mdx', line: 13, column: 10, field: 'body' }),
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers `any`
      expect.objectContaining({ line: 13, column: 17, message: expect.stringContaining('138****5678') }),
    ]);
    expect(personalDataProblems('r.mdx', 'title', '关于13812345678', { line: 2, column: 8 })).toEqual([
      expect.objectContaining({ line: 2, column: 10 }),
    ]);
  });

  it('reads the country code, the contact labels and the name the way they are written', () => {
    const found = (text: string) => findPersonalData(text).map((h) => `${h.kind}:${h.text}@${h.index}`);
    // +86 or 86, with or without a space.
    expect(found('电话：+8613912345678')).toEqual(['mobile:+8613912345678@3']);
    expect(found('电话：86 13912345678')).toEqual(['mobile:86 13912345678@3']);
    // Spaces inside 经办人 as inside 联系人.
    expect(found('经 办 人：赵四')).toEqual(['contact:赵四@6']);
    // A name in Latin letters, its whole run; ended by digits.
    expect(found('联系人：John Smith，电话 0755-88123456')).toEqual(['contact:John Smith@4']);
    expect(found('联系人：John 0755-88123456')).toEqual(['contact:John@4']);
    // The words that follow a name end it, with or without 联系 before them.
    expect(found('联系人：王小明电话0755-88123456')).toEqual(['contact:王小明@4']);
    expect(found('联系人：王小明手机号码见附件')).toEqual(['contact:王小明@4']);
    // A tab after the colon: the name is still found, where it is.
    expect(found('联系人：\t王小明')).toEqual(['contact:王小明@5']);
    // A mobile number before an e-mail address is its own hit.
    expect(found('手机 13912345678，邮箱 wang@qq.com')).toEqual(['mobile:13912345678@3', 'email:wang@qq.com@18']);
  });

  it('masks a number with its country code by its last eleven digits, and names every kind in Chinese', () => {
    expect(maskPersonal({ kind: 'mobile', text: '+86 139 1234 5678' })).toBe('139****5678');
    expect(personalDataMessage({ kind: 'id', text: ID })).toContain('居民身份证号码（4403**********');
    expect(personalDataMessage({ kind: 'email', text: 'wang@qq.com' })).toContain('电子邮箱地址（w***@qq.com）');
    expect(personalDataMessage({ kind: 'contact', text: '王小明' })).toContain('联系人姓名（王**）');
    expect(personalDataMessage({ kind: 'mobile', text: '13912345678' }, 'list')).toContain('请删去');
  });

  it('counts columns from the start of the line on every line after the first', () => {
    expect(personalDataProblems('s.yaml', 'note', '第一行\n手机 13912345678', { line: 3, column: 7 })).toEqual([
      expect.objectContaining({ line: 4, column: 4 }),
    ]);
  });

  it('redacts an e-mail address once, though its user name also reads as a contact', () => {
    const { text, hits } = redactPersonalData('联系人：wang@qq.com。');
    expect(hits.map((h) => h.kind).sort()).toEqual(['contact', 'email']);
    expect(text).toBe('联系人：<Redacted reason="privacy" />。');
  });

  it('redacts for the importer, keeping landlines and hotlines', () => {
    const { text, hits } = redactPersonalData(
      '联系人：王小明　联系电话：13812345678，办公室 0755-88123456，热线 12345。',
    );
    expect(text).toBe(
      '联系人：<Redacted reason="privacy" />　联系电话：<Redacted reason="privacy" />，办公室 0755-88123456，热线 12345。',
    );
    expect(hits.map((h) => h.kind)).toEqual(['contact', 'mobile']);
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('validate and the build refuse personal data in a published record', () => {
  const fm = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';
  it('in a reply body, at its line and column, masked', () => {
    const lines = problemLines(withFiles({ [REPLY]: reply(fm, '\n您好。\n\n联系人：王小明，手机 13812345678。\n') }));
    expect(lines).toEqual([
      `${REPLY}:9:5 body — ${personalDataMessage({ kind: 'contact', text: '王小明' })}`,
      `${REPLY}:9:12 body — ${personalDataMessage({ kind: 'mobile', text: '13812345678' })}`,
    ]);
  });
  it('in what a page shows joined though the source keeps it apart, named at its paragraph, once', () => {
    const one = (body: string, notPersonal = '') =>
      problemLines(withFiles({ [REPLY]: reply(`${fm}${notPersonal}`, `\n第一段。\n\n${body}\n`) }));
    const mobile = personalDataMessage({ kind: 'mobile', text: '13812345678' });
    const contact = personalDataMessage({ kind: 'contact', text: '王小明' });
    expect(one('电话：138**1234**5678。')).toEqual([`${REPLY}:9:1 body — ${mobile}`]);
    expect(one('电话：[138](https://example.org/)12345678')).toEqual([`${REPLY}:9:1 body — ${mobile}`]);
    expect(one('手机 138&#8203;1234&#8203;5678')).toEqual([`${REPLY}:9:1 body — ${mobile}`]);
    expect(one('> 联系人：王*小*明')).toEqual([`${REPLY}:9:1 body — ${contact}`]);
    // Found in the source already: reported there, at its column, and not again.
    expect(one('电话：13812345678')).toEqual([`${REPLY}:9:4 body — ${mobile}`]);
    // What a page shows apart stays apart: a redaction, table cells, separate paragraphs; and notPersonal holds.
    expect(one('1381234<Redacted reason="privacy" />5678')).toEqual([]);
    expect(one('| 区号 | 号码 |\n| --- | --- |\n| 138 | 12345678 |')).toEqual([]);
    expect(one('138\n\n12345678')).toEqual([]);
    expect(one('热线：138**1234**5678', '\nnotPersonal: ["138 1234 5678"]')).toEqual([]);
  });

  it('in frontmatter strings that reach a page, and in a proposal body', () => {
    const lines = problemLines(
      withFiles({
        [REPLY]: reply(`${fm}\ncorrections:\n  - { on: 2021-07-01, note: 更正联系人：李华 }`),
        [PROPOSAL]: fixtureFiles().get(PROPOSAL)!.replace(/\n$/, '\n\n提案人邮箱 liu@qq.com\n'),
      }),
    );
    expect(lines.some((l) => /gaj\.mdx:6:\d+ corrections\[0\]\.note — 发现联系人姓名（李\*）/.test(l))).toBe(true);
    expect(lines.some((l) => /index\.mdx:\d+:7 body — 发现电子邮箱地址（l\*\*\*@qq\.com）/.test(l))).toBe(true);
  });
  it('in every string of the site file, the lists and the session files, which reach every page and the data', () => {
    const base = fixtureFiles();
    const lines = problemLines(
      withFiles({
        'units.yaml': base.get('units.yaml')!.replace('name: 市公安局', 'name: 市公安局（值班手机 13812345678）'),
        'site.yaml': base.get('site.yaml')!.replace(/^description: .*$/m, 'description: 问题请联系 wangxm@qq.com'),
        'sessions/7-1.yaml': base
          .get('sessions/7-1.yaml')!
          .replace('name: 市政协七届一次会议', 'name: 市政协七届一次会议（联系人：王小明）'),
      }),
    );
    const list = (kind: 'mobile' | 'email' | 'contact', text: string) => personalDataMessage({ kind, text }, 'list');
    expect(lines).toEqual([
      `site.yaml:2:20 description — ${list('email', 'wangxm@qq.com')}`,
      `units.yaml:2:30 name — ${list('mobile', '13812345678')}`,
      `sessions/7-1.yaml:2:21 name — ${list('contact', '王小明')}`,
    ]);
    // No <Redacted> or notPersonal where there is none.
    expect(lines[0]).toContain('请删去；名称、说明和来源会出现在网站各处');
    expect(lines[0]).not.toContain('notPersonal');
  });
  it('in each frontmatter field of a published reply and of a proposal that reaches a page, named by its field', () => {
    const mobile = '13812345678';
    const replyFields: [string, string][] = [
      ['title', `title: 关于停车的答复（${mobile}）`],
      ['docNo', `docNo: 深公函〔2021〕${mobile}号`],
      ['indexNo', `indexNo: 114403/${mobile}`],
      ['signedBy', `signedBy: 王局长 ${mobile}`],
      ['commitments[0].text', `commitments:\n  - { text: 请致电 ${mobile}, due: 2021-12-31, status: open }`],
    ];
    for (const [field, line] of replyFields) {
      const lines = problemLines(withFiles({ [REPLY]: reply(`${fm}\n${line}`) }));
      expect(
        lines.filter((l) => l.includes(` ${field} — 发现手机号码`)),
        field,
      ).toHaveLength(1);
    }
    const proposal = fixtureFiles().get(PROPOSAL)!;
    const proposalFields: [string, string][] = [
      ['title', proposal.replace('title: 关于提升智慧停车治理水平的提案', `title: 关于停车的提案 ${mobile}`)],
      [
        'key.supervisor',
        proposal.replace('topics: [transport]', `topics: [transport]\nkey: { supervisor: 王某 ${mobile} }`),
      ],
      [
        'key.supervisorTitle',
        proposal.replace('topics: [transport]', `topics: [transport]\nkey: { supervisorTitle: 副市长 ${mobile} }`),
      ],
    ];
    for (const [field, text] of proposalFields) {
      const lines = problemLines(withFiles({ [PROPOSAL]: text }));
      expect(
        lines.filter((l) => l.includes(` ${field} — 发现手机号码`)),
        field,
      ).toHaveLength(1);
    }
  });
  it('in a commitment and its evidence link, which reach the reply page and /commitments/', () => {
    const lines = problemLines(
      withFiles({
        [REPLY]: reply(
          `${fm}\ncommitments:\n  - text: 年底前回复\n    due: 2021-12-31\n    status: open\n    evidence: https://example.org/a?tel=13812345678`,
        ),
      }),
    );
    expect(
      lines.some((l) => /gaj\.mdx:9:\d+ commitments\[0\]\.evidence — 发现手机号码（138\*\*\*\*5678）/.test(l)),
      lines.join('\n'),
    ).toBe(true);
  });
  it('not when the editor listed the string in notPersonal, nor in a pending reply', () => {
    const body = '\n服务热线：13800138000。\n';
    expect(problemLines(withFiles({ [REPLY]: reply(`${fm}\nnotPersonal: ["13800138000"]`, body) }))).toEqual([]);
    expect(problemLines(withFiles({ [REPLY]: reply('disclosure: pending', body) }))).toEqual([]);
    // Nor in the fields of a pending or withheld reply: none of them reaches a page.
    const signed = 'signedBy: 王局长 13812345678\ndocNo: 深公函〔2021〕13812345678号';
    expect(problemLines(withFiles({ [REPLY]: reply(`disclosure: pending\n${signed}`, '\n') }))).toEqual([]);
    expect(
      problemLines(
        withFiles({
          [REPLY]: reply(
            `category: A\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: work-secret\n${signed}`,
            '\n',
          ),
        }),
      ),
    ).toEqual([]);
  });
});
