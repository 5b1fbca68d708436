/**
 * The behaviours that guard the two fail-closed rules and that mutation
 * testing found unguarded: reference-style links, URL cleaning, the
 * frontmatter's position, YAML errors that must not make a record vanish, the
 * exact shape of what the disclosure gate lets through, and line endings.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus, splitFrontmatter } from '../src/lib/model/corpus/index.ts';
import { isSafeUrl, parseBody, renderBody } from '../src/lib/model/dialect/index.ts';
import { discloseReply, isGraded, isPublished, isShown, isWithheld, publish } from '../src/lib/disclosure.ts';
import { ledgerRow } from '../src/lib/ledger.ts';
import { fixtureFiles, problemLines, PROPOSAL, REPLY, reply, withFiles } from './helpers.ts';

const FM = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';
const bodyProblems = (body: string) => problemLines(withFiles({ [REPLY]: reply(FM, `\n${body}\n`) }));

describe('links a browser would follow off-site or run', () => {
  const unsafe = [
    '\\\\evil.example',
    '/\\evil.example',
    '\\/evil.example',
    ' //evil.example',
    '\t//evil.example',
    '\n//evil.example',
    '//evil.example',
    '1javascript:alert(1)',
    ':x',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ];
  it.each(unsafe)('isSafeUrl rejects %j', (url) => expect(isSafeUrl(url)).toBe(false));

  const safe = [
    '/search?q=a:b',
    '/proposals/7-1/20210001/#p3',
    'https://www.sz.gov.cn/a?b=c:d',
    'http://example.org',
    'mailto:office@sz.gov.cn',
    '../data/replies.csv',
    '#p2',
    'files/a:b.pdf',
  ];
  it.each(safe)('isSafeUrl accepts %j', (url) => expect(isSafeUrl(url)).toBe(true));

  it.each(['\\\\evil.example', '/\\evil.example', ' //evil.example', '\t//evil.example', 'javascript:x'])(
    '<Attachment href=%j> is refused at its line',
    (href) => {
      const lines = bodyProblems(`<Attachment href="${href.replace(/"/g, '&quot;')}" title="附件" />`);
      expect(lines.join('\n')).toMatch(/gaj\.mdx:7:1 body — <Attachment> 的 href 不安全/);
    },
  );

  it('reference-style links and images with javascript:, data: or vbscript: definitions are refused', () => {
    for (const [use, def] of [
      ['[通知][a]', '[a]: javascript:alert(document.cookie)'],
      ['![图][b]', '[b]: data:image/svg+xml;base64,PHN2Zz4='],
      ['[通知]', '[通知]: vbscript:msgbox(1)'],
      ['[通知][c]', '[c]: //evil.example'],
    ]) {
      const lines = bodyProblems(`${use}\n\n${def}`);
      expect(
        lines.some((l) => /gaj\.mdx:9:1 body — 链接地址不安全/.test(l)),
        `${use} / ${def}: ${lines.join('\n')}`,
      ).toBe(true);
    }
  });

  it('never renders an unsafe address even when the check is bypassed', () => {
    for (const body of [
      '[通知][a]\n\n[a]: javascript:alert(1)\n',
      '![图](data:image/png;base64,AAAA)',
      '[x](//evil.example)',
      '<Attachment href="\\\\evil.example" title="附件" />',
    ]) {
      const { tree } = parseBody('x.mdx', body, 1);
      const html = renderBody(tree!);
      expect(html, body).not.toMatch(/(?:href|src)="(?:javascript|data|\/\/|\\)/i);
    }
    const { tree } = parseBody('x.mdx', '[通知](https://example.org/a)', 1);
    expect(renderBody(tree!)).toContain('href="https://example.org/a"');
  });

  it('accepts safe links and titles with colons', () => {
    expect(bodyProblems('[办理说明：第一条](https://www.sz.gov.cn/a "说明：全文")')).toEqual([]);
    expect(bodyProblems('[下载](/data/replies.csv)\n\n[参考][r]\n\n[r]: https://example.org/a:b "标题：b"')).toEqual(
      [],
    );
  });

  it('<Attachment> with children is refused', () => {
    expect(bodyProblems('<Attachment href="/a.pdf" title="附件">正文</Attachment>').join('\n')).toMatch(
      /gaj\.mdx:7:1 body — <Attachment> 不能包含内容/,
    );
  });
});

describe('what the disclosure gate lets through, exactly', () => {
  const corpus = checkCorpus(fixtureFiles(), { render: true }).corpus!;
  const record = (unit: string) => corpus.replies.find((r) => r.unit === unit && r.number === '20210001')!;

  it('an embargoed withheld reply is the bare key until its publishOn, then a ledger entry', () => {
    const withheld = {
      ...record('gaj'),
      body: '',
      data: {
        category: 'B' as const,
        repliedOn: '2021-06-30',
        publishOn: '2021-08-01',
        disclosure: 'withheld' as const,
        withheldReason: 'work-secret' as const,
        docNo: 'SECRET-DOC-NO',
      },
    };
    const key = { id: withheld.id, session: '7-1', number: '20210001', unit: 'gaj', proposal: '7-1/20210001' };
    expect(discloseReply(withheld, '2021-07-31')).toStrictEqual({ ...key, state: 'unpublished' });
    expect(discloseReply(withheld, '2021-08-01')).toStrictEqual({
      ...key,
      state: 'withheld',
      category: 'B',
      withheldReason: 'work-secret',
    });
    expect(ledgerRow([discloseReply(withheld, '2021-07-31')])).toMatchObject({ withheld: 0, unpublished: 1 });
    expect(ledgerRow([discloseReply(withheld, '2021-08-01')])).toMatchObject({ withheld: 1, unpublished: 0 });
  });

  it('a published reply keeps exactly its allowed fields; absent optional fields are absent keys', () => {
    const bare = { ...record('gaj'), body: '正文。', html: '<p>正文。</p>' };
    bare.data = { category: 'A', repliedOn: '2021-06-30', disclosure: 'public', notPersonal: ['x'] };
    const out = discloseReply(bare, '2030-01-01');
    expect(Object.keys(out).sort()).toEqual(
      [
        'id',
        'session',
        'number',
        'unit',
        'proposal',
        'state',
        'disclosure',
        'category',
        'repliedOn',
        'publishedOn',
        'corrections',
        'commitments',
        'body',
        'html',
      ].sort(),
    );
    expect(out).toMatchObject({ state: 'published', corrections: [], commitments: [], publishedOn: '2021-06-30' });
  });

  it('a pending reply is the bare key whatever it holds', () => {
    const pending = {
      ...record('gaj'),
      body: 'PENDING TEXT',
      data: { disclosure: 'pending' as const, category: 'A' as const, repliedOn: '2021-06-30', docNo: 'X' },
    };
    expect(Object.keys(discloseReply(pending, '2099-01-01')).sort()).toEqual(
      ['id', 'number', 'proposal', 'session', 'state', 'unit'].sort(),
    );
    expect(JSON.stringify(publish({ ...corpus, replies: [pending] }, '2099-01-01'))).not.toContain('PENDING TEXT');
  });
});

describe('records whose frontmatter is not where it must be', () => {
  it('text before the opening --- is an error, and nothing of the file is published', () => {
    const text = `编辑备注：先别发\n${reply(FM)}`;
    expect(splitFrontmatter(text)).toBeNull();
    const result = checkCorpus(withFiles({ [REPLY]: text }));
    expect(result.corpus).toBeUndefined();
    expect(result.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toContain(`${REPLY}:1 frontmatter`);
  });

  it.each([REPLY, PROPOSAL, 'units.yaml', 'sessions/7-1.yaml', 'site.yaml'])(
    'a YAML syntax error in %s is reported at its line and yields no corpus',
    (file) => {
      const files = fixtureFiles();
      const text = files.get(file)!;
      // A line of YAML that cannot parse, inserted after the first line of YAML.
      const broken = file.endsWith('.mdx')
        ? text.replace(/^---\n/, '---\nbad: [unclosed\n')
        : `${text.split('\n')[0]}\nbad: [unclosed\n${text.split('\n').slice(1).join('\n')}`;
      const result = checkCorpus(withFiles({ [file]: broken }));
      expect(result.corpus).toBeUndefined();
      expect(result.problems.some((p) => p.file === file && p.field === 'yaml')).toBe(true);
    },
  );

  it('a unit listed twice on one proposal is rejected', () => {
    const text = fixtureFiles()
      .get(PROPOSAL)!
      .replace(/units:\n/, 'units:\n  - { unit: gaj, role: co }\n');
    expect(problemLines(withFiles({ [PROPOSAL]: text })).join('\n')).toMatch(/units\[\d\]\.unit — .*重复/);
  });
});

describe('line endings and hidden files', () => {
  it('CRLF and CR-only files validate exactly like LF', () => {
    const lf = fixtureFiles();
    const crlf = new Map([...lf].map(([p, t]) => [p, t.replace(/\n/g, '\r\n')]));
    const cr = new Map([...lf].map(([p, t]) => [p, t.replace(/\n/g, '\r')]));
    const a = checkCorpus(lf, { render: true });
    expect(a.problems).toEqual([]);
    for (const other of [crlf, cr]) {
      const b = checkCorpus(other, { render: true });
      expect(b.problems).toEqual([]);
      expect(b.corpus).toEqual(a.corpus);
    }
  });

  it('CRLF problems name the same line and column as LF', () => {
    const bad = reply(FM, '\n第一段。\n\n<div>x</div>\n');
    const lf = problemLines(withFiles({ [REPLY]: bad }));
    const crlf = problemLines(withFiles({ [REPLY]: bad.replace(/\n/g, '\r\n') }));
    expect(crlf).toEqual(lf);
  });

  it('dot-files and _drafts are not part of the corpus, even when broken', () => {
    const files = withFiles({
      'proposals/7-1/20210001/.gaj.mdx.swp': '\u0000binary',
      'proposals/7-1/.DS_Store': 'x',
      '.git/config': '[core]',
      'proposals/7-1/20210001/_draft.mdx': 'not even frontmatter',
    });
    expect(checkCorpus(files).problems).toEqual([]);
  });
});

describe('the state tests every module uses', () => {
  const key = { id: '7-1/1/a', session: '7-1', number: '1', unit: 'a', proposal: '7-1/1' };
  const published = { ...key, state: 'published' as const, category: 'A' as const };
  const ungraded = { ...key, state: 'published' as const };
  const withheld = { ...key, state: 'withheld' as const, category: 'B' as const };
  const unpublished = { ...key, state: 'unpublished' as const };

  it('isPublished, isWithheld, isShown and isGraded say yes only to what may be shown', () => {
    expect([published, ungraded, withheld, unpublished].map(isPublished)).toEqual([true, true, false, false]);
    expect([published, ungraded, withheld, unpublished].map(isWithheld)).toEqual([false, false, true, false]);
    expect([published, ungraded, withheld, unpublished].map(isShown)).toEqual([true, true, true, false]);
    expect([published, ungraded, withheld, unpublished].map(isGraded)).toEqual([true, false, true, false]);
    // A category on a record that may not be shown is never counted.
    expect(isGraded({ ...unpublished, category: 'A' })).toBe(false);
  });
});

describe('what a published or withheld reply carries', () => {
  const corpus = checkCorpus(fixtureFiles(), { render: true }).corpus!;
  const base = corpus.replies.find((r) => r.unit === 'gaj' && r.number === '20210001')!;

  it('keeps every optional field that is given, and only those', () => {
    const full = {
      ...base,
      html: undefined,
      data: {
        title: '关于第20210001号提案答复的函',
        docNo: '深公函〔2021〕1号',
        indexNo: '1144/2021-1',
        category: 'A' as const,
        repliedOn: '2021-06-30',
        signedBy: '张三',
        disclosure: 'public' as const,
        feedback: 'satisfied' as const,
      },
    };
    expect(discloseReply(full, '2030-01-01')).toMatchObject({
      title: '关于第20210001号提案答复的函',
      docNo: '深公函〔2021〕1号',
      indexNo: '1144/2021-1',
      category: 'A',
      signedBy: '张三',
      feedback: 'satisfied',
      html: '',
    });
    const ungraded = { ...base, data: { repliedOn: '2021-06-30', disclosure: 'public' as const } };
    expect(Object.keys(discloseReply(ungraded, '2030-01-01'))).not.toContain('category');
    const withheld = {
      ...base,
      body: '',
      data: { repliedOn: '2021-06-30', disclosure: 'withheld' as const, withheldReason: 'privacy' as const },
    };
    expect(Object.keys(discloseReply(withheld, '2030-01-01'))).not.toContain('category');
  });

  it('gives a proposal with no rendered body an empty html, never anything else', () => {
    const out = publish(
      { ...corpus, proposals: corpus.proposals.map((p) => ({ ...p, html: undefined })) },
      '2030-01-01',
    );
    expect(out.proposals.every((p) => p.html === '')).toBe(true);
  });
});
