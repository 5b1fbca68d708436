/** JSON Schemas of the content files: generated from the zod schemas, strict, with their enums. */
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../src/lib/model/corpus/index.ts';
import {
  contentJsonSchemas,
  contentSchemaPath,
  type ContentSchemaName,
  type JsonSchema,
} from '../src/lib/model/json-schema.ts';
import { parseYaml } from '../src/lib/model/yaml-source.ts';
import { fixtureFiles } from './helpers.ts';

/** The keywords of a generated schema that the validator and the tests below read. */
interface Keywords {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  items?: Keywords;
  minItems?: number;
  required?: string[];
  properties?: Record<string, Keywords>;
  additionalProperties?: boolean | Keywords;
  if?: Keywords;
  then?: Keywords;
  else?: Keywords;
  not?: Keywords;
  format?: string;
  description?: string;
}

/**
 * A tiny validator for the keywords these schemas use (type, properties,
 * required, additionalProperties, items, enum, const, minLength, pattern,
 * minimum, maximum, if/then/else, not). Returns the first error, or null.
 */
function validate(schema: JsonSchema | Keywords, value: unknown, path = '$'): string | null {
  const s = schema as Keywords;
  const type = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (s.type) {
    const t = type(value);
    const ok = s.type === t || (s.type === 'number' && t === 'integer');
    if (!ok) return `${path}: expected ${s.type}, got ${t}`;
  }
  if (s.enum && !s.enum.includes(value)) return `${path}: ${JSON.stringify(value)} not in enum`;
  if ('const' in s && s.const !== value) return `${path}: expected ${JSON.stringify(s.const)}`;
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) return `${path}: too short`;
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) return `${path}: does not match ${s.pattern}`;
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) return `${path}: below minimum`;
    if (s.maximum !== undefined && value > s.maximum) return `${path}: above maximum`;
  }
  if (Array.isArray(value) && s.items) {
    if (s.minItems !== undefined && value.length < s.minItems) return `${path}: too few items`;
    for (const [i, item] of value.entries()) {
      const e = validate(s.items, item, `${path}[${i}]`);
      if (e) return e;
    }
  }
  if (type(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) return `${path}: missing ${key}`;
    for (const [key, v] of Object.entries(obj)) {
      const sub = s.properties?.[key];
      if (sub) {
        const e = validate(sub, v, `${path}.${key}`);
        if (e) return e;
      } else if (s.additionalProperties === false) return `${path}: unknown field ${key}`;
    }
  }
  if (s.if) {
    const branch = validate(s.if, value, path) === null ? s.then : s.else;
    if (branch) {
      const e = validate(branch, value, path);
      if (e) return e;
    }
  }
  if (s.not && validate(s.not, value, path) === null) return `${path}: matches a forbidden schema`;
  return null;
}

const schemas = contentJsonSchemas('https://replies.example.org');
const names = Object.keys(schemas) as ContentSchemaName[];

/** The design example's files, each with the schema that describes it. */
function examples(): [ContentSchemaName, string, unknown][] {
  const out: [ContentSchemaName, string, unknown][] = [];
  for (const [path, text] of fixtureFiles('design-example')) {
    if (path.split('/').some((p) => p.startsWith('_'))) continue;
    const yaml = path.endsWith('.mdx') ? splitFrontmatter(text)!.yaml : text;
    const { value, problems } = parseYaml(path, yaml);
    expect(problems).toEqual([]);
    const name: ContentSchemaName = path.endsWith('index.mdx')
      ? 'proposal'
      : path.endsWith('.mdx')
        ? 'reply'
        : path.startsWith('sessions/')
          ? 'session'
          : (path.replace(/\.yaml$/, '') as ContentSchemaName);
    out.push([name, path, value]);
  }
  return out;
}

/** Every object schema within a schema. */
function objects(schema: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (schema && typeof schema === 'object') {
    const s = schema as Record<string, unknown>;
    if (s.type === 'object') out.push(s);
    for (const v of Object.values(s)) objects(v, out);
  }
  return out;
}

describe('contentJsonSchemas', () => {
  it('has one schema per content file, each with $schema, $id, title and description', () => {
    expect([...names].sort()).toEqual(['proposal', 'proposers', 'reply', 'session', 'site', 'topics', 'units']);
    for (const name of names) {
      const s = schemas[name];
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id).toBe(`https://replies.example.org${contentSchemaPath(name)}`);
      expect(s.title).toEqual(expect.any(String));
      expect(s.description).toEqual(expect.any(String));
    }
    expect(contentJsonSchemas().reply.$id).toBe('/data/schemas/reply.schema.json');
  });

  it('accepts every file of the design example', () => {
    const files = examples();
    expect(new Set(files.map(([n]) => n))).toEqual(new Set(names));
    for (const [name, path, value] of files) expect(validate(schemas[name], value), `${name}: ${path}`).toBeNull();
  });

  it('rejects an unknown field everywhere (additionalProperties: false)', () => {
    for (const name of names) {
      const objs = objects(schemas[name]);
      expect(objs.length).toBeGreaterThan(0);
      for (const o of objs) expect(o.additionalProperties).toBe(false);
    }
    for (const [name, path, value] of examples()) {
      const bad = Array.isArray(value)
        ? [{ ...(value[0] as object), colour: 'red' }]
        : { ...(value as object), colour: 'red' };
      expect(validate(schemas[name], bad), path).toMatch(/unknown field colour/);
    }
    expect(
      validate(schemas.reply, {
        category: 'A',
        repliedOn: '2021-06-30',
        disclosure: 'public',
        corrections: [{ on: '2021-07-01', note: 'x', by: 'y' }],
      }),
    ).toMatch(/unknown field by/);
  });

  it('lists the enum values', () => {
    const props = (name: ContentSchemaName) => (schemas[name] as Keywords).properties!;
    expect(props('reply').category.enum).toEqual(['A', 'B', 'C', 'D']);
    expect(props('reply').disclosure.enum).toEqual(['public', 'summary', 'withheld', 'pending']);
    expect(props('reply').withheldReason.enum).toEqual([
      'state-secret',
      'work-secret',
      'privacy',
      'sensitive',
      'other',
    ]);
    expect(props('reply').feedback.enum).toEqual(['satisfied', 'basically-satisfied', 'unsatisfied']);
    expect(props('proposal').kind.enum).toEqual(['plenary', 'between-sessions']);
    expect(props('proposal').units.items!.properties!.role.enum).toEqual(['lead', 'co', 'split']);
    expect((schemas.units as Keywords).items!.properties!.kind.enum).toEqual(['department', 'district', 'other']);
    expect((schemas.proposers as Keywords).items!.properties!.kind.enum).toEqual([
      'member',
      'committee',
      'party',
      'group',
      'sector',
    ]);
  });

  it('describes the files as written: defaults are optional, dates are dates', () => {
    expect((schemas.site as Keywords).required).toEqual(['title', 'description']);
    expect(validate(schemas.site, { title: 't', description: 'd' })).toBeNull();
    const repliedOn = (schemas.reply as Keywords).properties!.repliedOn;
    expect(repliedOn).toMatchObject({ type: 'string' });
    expect(repliedOn.format).toBeUndefined();
    expect(validate(schemas.reply, { category: 'A', repliedOn: '2021/06/30', disclosure: 'public' })).toMatch(
      /repliedOn/,
    );
    for (const date of ['2021-06-30', '2024年5月24日', '2024年12月1日'])
      expect(validate(schemas.reply, { category: 'A', repliedOn: date, disclosure: 'public' }), date).toBeNull();
  });

  it('takes proposal numbers with letters and hyphens, not other characters', () => {
    const number = (schemas.proposal as Keywords).properties!.number;
    for (const ok of ['20210001', '2025D048', '2-26']) expect(validate(number, ok), ok).toBeNull();
    for (const bad of ['第52号', '2-', '2 26', '-26']) expect(validate(number, bad), bad).toMatch(/does not match/);
  });

  it('names the category and repliedOn rules it cannot express', () => {
    const description = (schemas.reply as Keywords).description!;
    expect(description).toMatch(/repliedOn 必填，只有 disclosure 为 pending 的答复可以不填/);
    expect(description).toMatch(/category 在答复已公开.*协办意见可以不填/);
    // Nothing known yet: a pending reply may hold only its disclosure.
    expect(validate(schemas.reply, { disclosure: 'pending' })).toBeNull();
    expect(validate(schemas.reply, { repliedOn: '2024年5月24日', disclosure: 'public' })).toBeNull();
  });

  it('requires withheldReason exactly when the reply is withheld', () => {
    const base = { category: 'C', repliedOn: '2021-06-30' };
    expect(validate(schemas.reply, { ...base, disclosure: 'withheld', withheldReason: 'privacy' })).toBeNull();
    expect(validate(schemas.reply, { ...base, disclosure: 'withheld' })).toMatch(/missing withheldReason/);
    expect(validate(schemas.reply, { ...base, disclosure: 'public', withheldReason: 'privacy' })).toMatch(/forbidden/);
    expect(validate(schemas.reply, { ...base, disclosure: 'public' })).toBeNull();
  });

  it('is plain JSON, the same on every call', () => {
    expect(JSON.parse(JSON.stringify(schemas))).toEqual(schemas);
    expect(JSON.stringify(contentJsonSchemas('https://replies.example.org'))).toBe(JSON.stringify(schemas));
  });
});
