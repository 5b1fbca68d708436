/**
 * The words a `<Redacted reason="…" />` stands for wherever a reply's text is
 * published — its page, the open-data text, the feeds — so all say the same:
 * ［此处内容已删除：涉及个人隐私］.
 */
import { withheldReasonZh } from '../labels.ts';
import type { WithheldReason } from './schemas/common.ts';

export function redactedText(reason: string): string {
  return `［此处内容已删除：${withheldReasonZh[reason as WithheldReason] ?? '其他原因'}］`;
}
