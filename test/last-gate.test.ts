/**
 * The last gate's pure part (src/lib/model/last-gate.ts): which pieces of text
 * it looks for, how it reads an output file, and how it reports a leak. The
 * build-level behaviour (the output removed, the hook, the workers) is in
 * test/e2e/last-gate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { formatLeaks, lastGateNeedles, MIN_PIECE, pieces, scanText, type Needles } from '../src/lib/model/last-gate.ts';
import { fixtureFiles, reply, withFiles } from './helpers.ts';

const corpus = checkCorpus(fixtureFiles(), { render: true }).corpus!;
const needles = lastGateNeedles(corpus, '2030-01-01');
/** The reply each needle points at, for a distinctive piece. */
const from = (piece: string) => needles.sentences.get(piece);
/** Needles of one piece, for the reading tests. */
const one = (piece: string, id = '7-1/9/x'): Needles => ({ sentences: new Map([[piece, id]]), notPersonal: [] });
const PIECE = '这段文字尚未获准公开而且很长';

describe('the pieces of a text the last gate compares', () => {
  it('splits at tags, sentence ends, ASCII commas, quotes, bars and white space, and keeps letters and digits only', () => {
    const a = '一二三四五六七八九十甲乙';
    const b = '子丑寅卯辰巳午未申酉戌亥';
    for (const sep of [
      '<p>',
      '</span>',
      '。',
      '！',
      '？',
      '!',
      '?',
      '.',
      '；',
      ';',
      ',',
      '"',
      "'",
      '|',
      ' ',
      '\n',
      '\t',
    ]) {
      expect(pieces(`${a}${sep}${b}`), JSON.stringify(sep)).toEqual([a, b]);
    }
    // Full-width commas, colons and brackets do not split: they are dropped from the piece.
    expect(pieces(`${a}，（${b}）`)).toEqual([a + b]);
    expect(pieces('CANARY-META-DOCNO-1P4')).toEqual(['CANARYMETADOCNO1P4']);
  });

  it(`keeps a piece of ${MIN_PIECE} letters and digits, not one of fewer, however long it was with signs`, () => {
    expect(MIN_PIECE).toBe(12);
    expect(pieces('一二三四五六七八九十甲乙')).toEqual(['一二三四五六七八九十甲乙']);
    expect(pieces('一二三四五六七八九十甲')).toEqual([]);
    expect(pieces('一二三四五六—七八九十甲（）')).toEqual([]);
    expect(pieces('a1b2c3d4e5f6')).toEqual(['a1b2c3d4e5f6']);
  });

  it('reads entities, JSON escapes and zero-width separators as the text they stand for', () => {
    const escaped = [
      '这段文字&#23578;未获准公开而且很长',
      '这段文字&#x5C1A;未获准公开而且很长',
      '这段文字&#X5c1a;未获准公开而且很长',
      '这段文字\\u5c1a未获准公开而且很长',
      '这段文字\\u5C1A未获准公开而且很长',
      ...['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'].map((z) => [...PIECE].join(z)),
    ];
    for (const text of escaped) expect(pieces(text), text).toEqual([PIECE]);
    // Named entities, in any case, become their character and split like it.
    expect(pieces(`${PIECE}&nbsp;${PIECE}`)).toEqual([PIECE, PIECE]);
    expect(pieces(`${PIECE}&QUOT;${PIECE}&apos;${PIECE}`)).toEqual([PIECE, PIECE, PIECE]);
    expect(pieces(`${PIECE}&lt;b&gt;${PIECE}`)).toEqual([PIECE, PIECE]);
    expect(pieces(`${PIECE}&amp;${PIECE}`)).toEqual([PIECE + PIECE]);
    // JSON's \n, \r and \t end a piece.
    for (const e of ['\\n', '\\r', '\\t']) expect(pieces(`${PIECE}${e}${PIECE}`), e).toEqual([PIECE, PIECE]);
    // An unknown entity, or a code point that does not exist, is left as written (and its ';' ends a piece).
    expect(pieces('一二三四五六七八九十&bogus;')).toEqual(['一二三四五六七八九十bogus']);
    expect(pieces('一二三四五六七八九十甲乙&#0;')).toEqual(['一二三四五六七八九十甲乙0']);
    expect(pieces('一二三四五六七八九十甲乙&#x110000;')).toEqual(['一二三四五六七八九十甲乙x110000']);
    expect(pieces('一二三四五六七八九十甲乙&#x10FFFF;')).toEqual(['一二三四五六七八九十甲乙']);
  });
});

describe('what the last gate looks for', () => {
  it('takes distinctive sentences of unpublished replies only, never of published ones', () => {
    const ids = new Set(needles.sentences.values());
    expect(ids).toContain('7-1/20210001/jtj');
    expect(ids).not.toContain('7-1/20210001/gaj');
    const published = corpus.replies.find((r) => r.id === '7-1/20210001/gaj')!;
    expect(scanText('a.html', `<p>${published.body}</p>`, needles)).toEqual([]);
  });

  it('takes the body, title, document and index numbers, signer, corrections and commitments of a pending, withheld or embargoed reply', () => {
    expect(from('CANARYPENDING9X1')).toBe('7-1/20210001/jtj');
    expect(from('CANARYMETADOCNO1P4')).toBe('7-1/20210001/jtj');
    expect(from('CANARYMETASIGNER8R2')).toBe('7-1/20210001/jtj');
    expect(from('CANARYMETACORRECTION6W3')).toBe('7-1/20210001/jtj');
    expect(from('CANARYCOMMITPENDING5Q2')).toBe('7-1/20210001/jtj');
    expect(from('CANARYWITHHELDDOCNO7J9')).toBe('7-1/20210001/mzj');
    expect(from('CANARYWITHHELDSIGNER2Z5')).toBe('7-1/20210001/mzj');
    expect(from('CANARYCOMMITWITHHELD8V4')).toBe('7-1/20210001/mzj');
    expect(from('CANARYEMBARGO3M5')).toBe('7-1/20210001/sfj');
    expect(from('CANARYCOMMITEMBARGO2H6')).toBe('7-1/20210001/sfj');
    expect(from('CANARYONLYPENDINGTEXT3N8')).toBe('7-1/20210002/zsj');
    // The title and index number of a withheld reply are looked for too.
    const titled = withFiles({
      'proposals/7-1/20210001/mzj.mdx': reply(
        'title: 关于未公开答复的标题文字足够长\nindexNo: INDEX-NUMBER-CANARY-77\ncategory: C\nrepliedOn: 2021-06-30\ndisclosure: withheld\nwithheldReason: work-secret',
        '\n',
      ),
    });
    const n = lastGateNeedles(checkCorpus(titled, { render: true }).corpus!, '2030-01-01');
    expect(n.sentences.get('关于未公开答复的标题文字足够长')).toBe('7-1/20210001/mzj');
    expect(n.sentences.get('INDEXNUMBERCANARY77')).toBe('7-1/20210001/mzj');
  });

  it('turns an embargoed reply into a published one on its publishOn: its text is then no leak', () => {
    const later = lastGateNeedles(corpus, '2099-01-01');
    expect(later.sentences.get('CANARYEMBARGO3M5')).toBeUndefined();
    expect(later.sentences.get('CANARYONLYPENDINGTEXT3N8')).toBe('7-1/20210002/zsj');
    expect(lastGateNeedles(corpus, '2098-12-31').sentences.get('CANARYEMBARGO3M5')).toBe('7-1/20210001/sfj');
  });

  it('leaves out a sentence that a published text also has: a proposal, a list name or a published reply', () => {
    const shared = '本答复与公开文本共有的这一句足够长';
    const files = withFiles({
      'proposals/7-1/20210001/jtj.mdx': reply(
        'category: B\nrepliedOn: 2021-06-30\ndisclosure: pending',
        `\n${shared}。\n\n关于提升智慧停车治理水平的提案\n\n第二句只属于未公开答复的文字。\n\n市政务服务数据管理局和市发展改革委\n`,
      ),
      'proposals/7-1/20210001/gaj.mdx': reply(
        'category: A\nrepliedOn: 2021-06-30\ndisclosure: public',
        `\n${shared}。\n`,
      ),
    });
    const n = lastGateNeedles(checkCorpus(files, { render: true }).corpus!, '2030-01-01');
    expect(n.sentences.get('第二句只属于未公开答复的文字')).toBe('7-1/20210001/jtj');
    expect(n.sentences.has('本答复与公开文本共有的这一句足够长')).toBe(false);
    // The proposal's title is public.
    expect(n.sentences.has('关于提升智慧停车治理水平的提案')).toBe(false);
  });

  it('leaves out the name of a unit, topic, proposer or session, however long', () => {
    const topics = fixtureFiles().get('topics.yaml')!;
    const files = withFiles({
      'topics.yaml': `${topics}- { id: long-topic, name: 城市交通与停车设施建设管理专题 }\n`,
      'proposals/7-1/20210001/jtj.mdx': reply(
        'category: B\nrepliedOn: 2021-06-30\ndisclosure: pending',
        '\n城市交通与停车设施建设管理专题\n\n这一句只属于未公开的答复文字。\n',
      ),
    });
    const n = lastGateNeedles(checkCorpus(files, { render: true }).corpus!, '2030-01-01');
    expect(n.sentences.get('这一句只属于未公开的答复文字')).toBe('7-1/20210001/jtj');
    expect(n.sentences.has('城市交通与停车设施建设管理专题')).toBe(false);
  });

  it('names the first unpublished reply a piece came from when two share it', () => {
    const twice = '两个未公开答复共有的同一句话足够长';
    const files = withFiles({
      'proposals/7-1/20210001/jtj.mdx': reply(
        'category: B\nrepliedOn: 2021-06-30\ndisclosure: pending',
        `\n${twice}。\n`,
      ),
      'proposals/7-1/20210001/mzj.mdx': reply(
        'category: B\nrepliedOn: 2021-06-30\ndisclosure: pending',
        `\n${twice}。\n`,
      ),
    });
    const n = lastGateNeedles(checkCorpus(files, { render: true }).corpus!, '2030-01-01');
    expect(n.sentences.get('两个未公开答复共有的同一句话足够长')).toBe('7-1/20210001/jtj');
  });

  it("gathers every record's notPersonal strings, from proposals and replies", () => {
    const files = withFiles({
      'proposals/7-1/20210001/gaj.mdx': reply(
        'category: A\nrepliedOn: 2021-06-30\ndisclosure: public\nnotPersonal: ["13800138000"]',
        '\n热线 13800138000。\n',
      ),
      'proposals/7-1/20210002/index.mdx': fixtureFiles()
        .get('proposals/7-1/20210002/index.mdx')!
        .replace('topics: [transport]', 'topics: [transport]\nnotPersonal: ["service@example.gov.cn"]'),
    });
    const n = lastGateNeedles(checkCorpus(files, { render: true }).corpus!, '2030-01-01');
    expect(n.notPersonal.sort()).toEqual(['13800138000', 'service@example.gov.cn']);
  });
});

describe('how the last gate reads an output file', () => {
  it('finds an unpublished sentence however the output wraps it', () => {
    const pending = corpus.replies.find((r) => r.id === '7-1/20210001/jtj')!;
    const sentence = pending.body.split(/[。\n]/).find((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= 12)!;
    const wrapped = [
      `<p>${sentence}。</p>`,
      JSON.stringify({ content: `前文. ${[...sentence].join('\u200b')}。后文` }),
      `id,text\n1,"${sentence}。"\n`,
    ];
    for (const text of wrapped) {
      expect(scanText('f', text, needles), text).toEqual([
        { file: 'f', kind: 'unpublished', what: '7-1/20210001/jtj' },
      ]);
    }
  });

  it('finds a sentence or a number that inline tags split, and still one a tag ends', () => {
    const pending = corpus.replies.find((r) => r.id === '7-1/20210001/jtj')!;
    const sentence = pending.body.split(/[。\n]/).find((s) => s.replace(/[^\p{L}\p{N}]/gu, '').length >= 12)!;
    const chars = [...sentence];
    const third = Math.floor(chars.length / 3);
    // Every part alone is shorter than a piece: found only when the sentence is read whole.
    const split = [
      `<p>${chars.slice(0, third).join('')}<strong>${chars.slice(third, 2 * third).join('')}</strong>${chars.slice(2 * third).join('')}。</p>`,
      `<p>${chars.slice(0, third).join('')}<a href="/x/">${chars.slice(third, 2 * third).join('')}</a>${chars.slice(2 * third).join('')}</p>`,
      `<entry><content type="html">&lt;p&gt;${chars.slice(0, third).join('')}&lt;em&gt;${chars.slice(third).join('')}&lt;/em&gt;&lt;/p&gt;</content></entry>`,
    ];
    for (const text of split) {
      expect(scanText('f.html', text, needles), text).toEqual([
        { file: 'f.html', kind: 'unpublished', what: '7-1/20210001/jtj' },
      ]);
    }
    const empty: Needles = { sentences: new Map(), notPersonal: [] };
    expect(scanText('a.html', '<p>联系电话：139<span class="x">1234</span>5678</p>', empty)).toEqual([
      { file: 'a.html', kind: 'mobile', what: '139****5678' },
    ]);
    // A block tag still ends a piece: two paragraphs are not read as one sentence.
    expect(scanText('a.html', '<p>联系电话：139</p><p>12345678 份</p>', empty)).toEqual([]);
  });

  it('reports a reply once per file however many of its pieces are there, and each reply apart', () => {
    const two: Needles = {
      sentences: new Map([
        ['第一句未公开的答复文字足够长', '7-1/1/a'],
        ['第二句未公开的答复文字足够长', '7-1/1/a'],
        ['另一个答复的未公开文字足够长', '7-1/1/b'],
      ]),
      notPersonal: [],
    };
    const text = '第一句未公开的答复文字足够长。第二句未公开的答复文字足够长。另一个答复的未公开文字足够长。';
    expect(scanText('p.html', text, two)).toEqual([
      { file: 'p.html', kind: 'unpublished', what: '7-1/1/a' },
      { file: 'p.html', kind: 'unpublished', what: '7-1/1/b' },
    ]);
  });

  it('looks for unpublished text in scripts and styles, and for personal data everywhere else', () => {
    for (const file of ['a.js', 'a.mjs', 'a.css', 'a.js.br', 'a.css.gz', 'pagefind/ui.js']) {
      expect(scanText(file, `// by someone@example.org ${PIECE}`, one(PIECE)), file).toEqual([
        { file, kind: 'unpublished', what: '7-1/9/x' },
      ]);
    }
    for (const file of ['a.html', 'a.json', 'a.csv', 'a.xml', 'a.json.gz', 'a.jsx', 'a.cssx', 'js/a.txt']) {
      expect(scanText(file, '手机 13912345678', one(PIECE)), file).toEqual([
        { file, kind: 'mobile', what: '139****5678' },
      ]);
    }
  });

  it('reads personal data through entities and JSON escapes, and skips notPersonal strings', () => {
    const empty: Needles = { sentences: new Map(), notPersonal: [] };
    expect(scanText('a.html', '邮箱 wang&#64;qq.com', empty)).toEqual([
      { file: 'a.html', kind: 'email', what: 'w***@qq.com' },
    ]);
    expect(scanText('a.json', '{"t":"\\u624b\\u673a 13912345678"}', empty)).toEqual([
      { file: 'a.json', kind: 'mobile', what: '139****5678' },
    ]);
    const withList = { ...empty, notPersonal: ['13800138000'] };
    expect(scanText('a.html', '热线 13800138000', withList)).toEqual([]);
    expect(scanText('a.html', '手机 13912345678', withList)).toHaveLength(1);
  });
});

describe('how the last gate reports', () => {
  const leak = (file: string) => ({ file, kind: 'unpublished' as const, what: '7-1/1/a' });

  it('gives one line per record, its pages first, other files next and compressed copies last', () => {
    expect(
      formatLeaks(
        ['data/r.csv.br', 'data/r.csv', 'p/index.html.gz', 'p/index.html', 'q/index.html', 'x.json', 'y.json'].map(
          leak,
        ),
      ),
    ).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — p/index.html、q/index.html、data/r.csv、x.json、y.json 等 7 个文件',
    ]);
  });

  it('names a file once, every file when there are few, and sorts by name within a kind', () => {
    expect(formatLeaks(['b.html', 'a.html', 'b.html', 'c.json.gz', 'c.json'].map(leak), 5)).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — a.html、b.html、c.json、c.json.gz',
    ]);
    expect(formatLeaks(['d.html', 'b.html', 'a.html', 'c.html'].map(leak))).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — a.html、b.html、c.html、d.html',
    ]);
    // Exactly as many as shown: no "等".
    expect(formatLeaks(['b.html', 'a.html'].map(leak), 2)).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — a.html、b.html',
    ]);
    // A name that only contains .gz or .br is no compressed copy.
    expect(formatLeaks(['b.html.gz', 'a.gzip.html', 'c.br.json'].map(leak))).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — a.gzip.html、c.br.json、b.html.gz',
    ]);
    expect(formatLeaks(['b.html', 'a.html', 'c.html'].map(leak), 2)).toEqual([
      '未公开答复的文字（来自 7-1/1/a） — a.html、b.html 等 3 个文件',
    ]);
  });

  it('names personal data by its kind, masked, one line per piece', () => {
    expect(
      formatLeaks([
        { file: 'a.html', kind: 'mobile', what: '139****5678' },
        { file: 'b.html', kind: 'mobile', what: '139****5678' },
        { file: 'a.html', kind: 'id', what: '4403**********123X' },
        { file: 'a.html', kind: 'email', what: 'w***@qq.com' },
        { file: 'a.html', kind: 'contact', what: '王**' },
        { file: 'c.html', kind: 'unpublished', what: '7-1/1/b' },
      ]),
    ).toEqual([
      '手机号码（139****5678） — a.html、b.html',
      '居民身份证号码（4403**********123X） — a.html',
      '电子邮箱地址（w***@qq.com） — a.html',
      '联系人姓名（王**） — a.html',
      '未公开答复的文字（来自 7-1/1/b） — c.html',
    ]);
  });
});
