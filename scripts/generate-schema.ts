/** Writes schemas/referat.schema.json from the zod schemas, and schemas/referat-check.ts from it (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchema } from '../schemas/json-schema.js';
import { checkSource } from './schema-check.js';

const target = fileURLToPath(new URL('../schemas/referat.schema.json', import.meta.url));
const schema = jsonSchema();
writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${target}`);
const check = fileURLToPath(new URL('../schemas/referat-check.ts', import.meta.url));
writeFileSync(check, checkSource(schema, 'schemas/referat.schema.json'));
console.log(`wrote ${check}`);
