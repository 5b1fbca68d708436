/**
 * The sample's files as text, written by the `yaml` library: the same object
 * always gives the same bytes (keys in insertion order, no line folding), and
 * a string that would read back as another type (a number, a boolean) is quoted.
 */
import { stringify } from 'yaml';

/** A YAML file of `value`. */
export function yamlFile(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}

/** An MDX record: the frontmatter as YAML between `---` lines, then the body (none for a withheld reply). */
export function mdxFile(frontmatter: object, body: string): string {
  return body ? `---\n${yamlFile(frontmatter)}---\n\n${body}\n` : `---\n${yamlFile(frontmatter)}---\n`;
}
