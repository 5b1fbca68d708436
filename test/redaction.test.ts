/**
 * A redacted passage says the same words wherever the reply's text is
 * published: its page, the open-data text and the feeds (issue 12: the
 * redaction text is defined once, in src/lib/model/redaction.ts).
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '../src/lib/plain-text.ts';
import { parseBody, renderBody } from '../src/lib/model/dialect/index.ts';
import { redactedText } from '../src/lib/model/redaction.ts';
import { withheldReasons } from '../src/lib/model/schemas/common.ts';
import { textFromMarkdown } from '../src/lib/plain-text.ts';

describe('the words for <Redacted>', () => {
  it('name the reason in Chinese', () => {
    expect(redactedText('privacy')).toBe('［此处内容已删除：涉及个人隐私］');
    expect(redactedText('state-secret')).toBe('［此处内容已删除：涉及国家秘密］');
  });

  it.each(withheldReasons)('are the same on the page, in the open data and in the feeds (%s)', (reason) => {
    const body = `联系电话：<Redacted reason="${reason}" />。`;
    const words = redactedText(reason);
    const { tree } = parseBody('r.mdx', body, 1);
    expect(renderBody(tree!)).toContain(`>${words}</span>`);
    expect(textFromMarkdown(body)).toBe(`联系电话：${words}。`);
    expect(plainText(body)).toContain(words);
  });
});
