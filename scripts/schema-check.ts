/**
 * Generates schemas/referat-check.ts from the JSON Schema (`npm run schema`): a plain function that
 * accepts and rejects an output as the zod schema's `Referat.parse` does, without loading zod (about 95
 * modules, a tenth of a second at every start). Only the keywords the schema uses are supported; any
 * other keyword stops the generator, so a schema change cannot silently weaken the check.
 *
 * Where zod and the JSON Schema differ, the check follows zod, which the conversion used before:
 * unknown keys are allowed (z.object() strips them; the schema says additionalProperties: false),
 * numbers must be finite (zod 4 rejects NaN and Infinity), and a pattern is a RegExp without flags.
 * The first issue is reported with zod's issue codes, in the order zod finds them (keys in shape order).
 */
type Schema = Record<string, unknown>;

const ALLOWED = new Set(['$id', '$schema', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'const', 'enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'anyOf', 'items']);

export function checkSource(schema: Schema, jsonFile: string): string {
  const patterns: string[] = [];
  let loopDepth = 0;
  const lines: string[] = [];
  const emit = (indent: number, s: string) => lines.push('  '.repeat(indent) + s);
  const fail = (path: string, code: string) => `return { path: [${path}], code: '${code}' };`;

  function node(s: Schema, v: string, path: string, indent: number): void {
    for (const k of Object.keys(s)) if (!ALLOWED.has(k)) throw new Error(`schema-check: unsupported keyword "${k}" at ${path || '(root)'}`);
    if (s.anyOf) {
      const alts = s.anyOf as Schema[];
      const nonNull = alts.filter((a) => a.type !== 'null');
      // zod's .nullable() is the only union the schema has: null, or the one other type
      if (alts.length !== 2 || nonNull.length !== 1 || Object.keys(alts.find((a) => a.type === 'null')!).length !== 1) throw new Error(`schema-check: only nullable unions are supported (${path || '(root)'})`);
      emit(indent, `if (${v} !== null) {`);
      node(nonNull[0], v, path, indent + 1);
      emit(indent, '}');
      return;
    }
    if (Array.isArray(s.type)) {
      // ["string", "null"]: zod's .nullable() on a plain type (no other keyword applies to the null)
      const other = s.type.filter((t) => t !== 'null');
      if (s.type.length !== 2 || other.length !== 1 || Object.keys(s).some((k) => k !== 'type' && k !== 'description')) throw new Error(`schema-check: only ["<type>", "null"] is supported (${path || '(root)'})`);
      emit(indent, `if (${v} !== null) {`);
      node({ type: other[0] }, v, path, indent + 1);
      emit(indent, '}');
      return;
    }
    const type = s.type as string;
    // z.literal() and z.enum() check the value alone (a wrong type is an invalid_value too)
    if ('const' in s || s.enum) {
      if (type !== 'string') throw new Error(`schema-check: only string constants and enums are supported (${path || '(root)'})`);
      const values = 'const' in s ? [s.const] : (s.enum as unknown[]);
      emit(indent, `if (${values.map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ')}) ${fail(path, 'invalid_value')}`);
      return;
    }
    switch (type) {
      case 'string':
        emit(indent, `if (typeof ${v} !== 'string') ${fail(path, 'invalid_type')}`);
        break;
      case 'boolean':
        emit(indent, `if (typeof ${v} !== 'boolean') ${fail(path, 'invalid_type')}`);
        break;
      case 'number':
        emit(indent, `if (typeof ${v} !== 'number' || !Number.isFinite(${v})) ${fail(path, 'invalid_type')}`);
        break;
      case 'integer':
        emit(indent, `if (typeof ${v} !== 'number' || !Number.isInteger(${v})) ${fail(path, 'invalid_type')}`);
        break;
      case 'object': {
        emit(indent, `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) ${fail(path, 'invalid_type')}`);
        const required = new Set((s.required as string[] | undefined) ?? []);
        for (const [key, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
          const kv = `${v}[${JSON.stringify(key)}]`;
          const kp = `${path ? path + ', ' : ''}${JSON.stringify(key)}`;
          if (required.has(key)) {
            // a missing key is undefined, which the value's own check rejects (with zod's code)
            node(sub, kv, kp, indent);
          } else {
            emit(indent, `if (${kv} !== undefined) {`);
            node(sub, kv, kp, indent + 1);
            emit(indent, '}');
          }
        }
        break;
      }
      case 'array': {
        emit(indent, `if (!Array.isArray(${v})) ${fail(path, 'invalid_type')}`);
        const i = `i${loopDepth++}`;
        const e = `e${loopDepth}`;
        emit(indent, `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`);
        emit(indent + 1, `const ${e} = ${v}[${i}];`);
        node(s.items as Schema, e, `${path ? path + ', ' : ''}${i}`, indent + 1);
        emit(indent, '}');
        loopDepth--;
        break;
      }
      default:
        throw new Error(`schema-check: unsupported type ${JSON.stringify(type)} at ${path || '(root)'}`);
    }
    if (s.pattern !== undefined) {
      let n = patterns.indexOf(s.pattern as string);
      if (n < 0) n = patterns.push(s.pattern as string) - 1;
      emit(indent, `if (!P${n}.test(${v})) ${fail(path, 'invalid_format')}`);
    }
    if (s.minimum !== undefined) emit(indent, `if (${v} < ${s.minimum}) ${fail(path, 'too_small')}`);
    if (s.exclusiveMinimum !== undefined) emit(indent, `if (${v} <= ${s.exclusiveMinimum}) ${fail(path, 'too_small')}`);
    if (s.maximum !== undefined) emit(indent, `if (${v} > ${s.maximum}) ${fail(path, 'too_big')}`);
  }

  node(schema, 'v', '', 1);
  return [
    `// Generated from ${jsonFile} by \`npm run schema\` (scripts/schema-check.ts): do not edit.`,
    '// Accepts and rejects an output as the zod schema (schemas/referat.ts) does, without loading zod.',
    '/* eslint-disable */',
    '',
    '/** The first place where an output breaks the schema, with zod\'s issue code. */',
    'export interface SchemaIssue {',
    '  path: (string | number)[];',
    '  code: string;',
    '}',
    '',
    '/** An output that breaks the schema: a bug in referat (src/batch/errors.ts reports the path and the code). */',
    'export class SchemaError extends Error {',
    '  readonly issue: SchemaIssue;',
    '  constructor(issue: SchemaIssue) {',
    "    super(`the output failed the schema at ${issue.path.join('.') || '(root)'}: ${issue.code}`);",
    "    this.name = 'SchemaError';",
    '    this.issue = issue;',
    '  }',
    '}',
    '',
    ...patterns.map((p, n) => `const P${n} = new RegExp(${JSON.stringify(p)});`),
    '',
    '/** null when `v` is a valid output, else its first issue. */',
    '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
    'export function referatIssue(v: any): SchemaIssue | null {',
    ...lines,
    '  return null;',
    '}',
    '',
  ].join('\n');
}
