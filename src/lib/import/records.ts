/**
 * Records as files: YAML frontmatter (the yaml package quotes what needs
 * quoting) and the body as Markdown in the dialect (mdast-util-to-markdown
 * with the GFM-table and MDX extensions). Fields the editor must fill are
 * written as `# 待填` comments, so the file says itself what is missing.
 */
import type { RootContent } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';

/** A field left for the editor: its name and what to write there. */
export interface Gap {
  field: string;
  hint: string;
}

/** The body as Markdown in the dialect. */
export function bodyMarkdown(nodes: RootContent[]): string {
  if (!nodes.length) return '';
  return toMarkdown(
    { type: 'root', children: nodes },
    {
      extensions: [gfmTableToMarkdown({ tablePipeAlign: false }), mdxToMarkdown()],
      bullet: '-',
      rule: '-',
      fences: true,
    },
  );
}

/** A whole `.mdx` record: frontmatter with its gaps as comments, then the body. */
export function recordText(data: Record<string, unknown>, gaps: Gap[], body: string): string {
  const fields = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const yaml = stringify(fields, { lineWidth: 0, flowCollectionPadding: false }).replace(/^\{\}\n$/, '');
  const comments = gaps.map((g) => `# 待填 ${g.field}：${g.hint}\n`).join('');
  return `---\n${yaml}${comments}---\n${body ? `\n${body}` : ''}`;
}
