/** Writes schemas/referat.schema.json from the zod schemas (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchema } from '../schemas/json-schema.js';

const target = fileURLToPath(new URL('../schemas/referat.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(jsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
