/**
 * `npm run new`: the text of a new proposal or reply, every field with a
 * Chinese comment that says what to write. Required fields are left blank
 * (`title:`), and the body is a placeholder that validation refuses, so a
 * template cannot be published until an editor has filled it in.
 */
import { categoryZh, roleZh, withheldReasonZh } from './labels.ts';

/** The body placeholder: validation reports any text that still contains it. */
export const PLACEHOLDER = '【待填写';

const list = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([v, zh]) => `${v}（${zh}）`)
    .join('、');

/** `proposals/<session>/<number>/index.mdx` */
export function proposalTemplate(number: string, unit?: string): string {
  return `---
# 提案号：与文件夹名一致，带引号
number: "${number}"
# 提案标题，例如：关于加快数字经济发展的提案
title:
# 提案类型：plenary（大会提案）或 between-sessions（平时提案）
kind:
# 提案者：proposers.yaml 中的 id，多位用逗号分隔，例如 [member-liu-danning, member-wang]
proposers: []
# 原文在提案者名单后写"等"时，去掉下一行开头的 # 号
# andOthers: true
# 提交日期（可选），例如 2021-01-20 或 2021年1月20日；不知道时删除这一行
# filedOn:
# 主题：topics.yaml 中的 id，例如 [industry]
topics: []
# 答复单位：units.yaml 中的 id，角色为 ${list(roleZh)}，每个单位一行
units:
  - { unit: ${unit ?? ''}, role: lead }
# 重点提案才写：去掉下一行开头的 # 号，填督办领导的姓名和职务（都可省略：key: {}）
# key: { supervisor: 覃伟中, supervisorTitle: 市长 }
---

${PLACEHOLDER}：提案的案由和建议。逐段粘贴，段与段之间空一行。】
`;
}

/** `proposals/<session>/<number>/<unit>.mdx` */
export function replyTemplate(): string {
  return `---
# 文件名就是答复单位在 units.yaml 中的 id
# 答复文件自己的标题（可选），例如：关于市政协七届一次会议第20210001号提案答复的函
# title:
# 文号（可选），例如：深发改函〔2021〕123号
# docNo:
# 索引号（可选），例如：11440300007542xxxx/2021-00123
# indexNo:
# 办理结果：${list(categoryZh)}
# 协办意见可以不填；不填时删除这一行
category:
# 答复日期，例如 2021-06-30 或 2021年6月30日
repliedOn:
# 签发人（可选）
# signedBy:
# 公开方式：public（全文公开）、summary（摘要公开）、withheld（不公开）、pending（待审核，暂不发布）
# 审核通过前保持 pending：pending 的答复不会出现在网站上
disclosure: pending
# 不公开理由，只在 withheld 时填写：${list(withheldReasonZh)}
# withheldReason:
# 发布日期（可选）：这一天之前不发布；默认为答复日期
# publishOn:
---

${PLACEHOLDER}：答复正文。逐段粘贴，段与段之间空一行；落款（单位名称和日期）按 README 写在 Signature 组件中。withheld 的答复正文必须为空。】
`;
}
