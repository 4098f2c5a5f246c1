/** The JSON Schema of the output, generated from the zod schemas (zod 4's toJSONSchema). */
import { z } from 'zod';
import { Referat, SCHEMA_VERSION } from './referat.js';

export function jsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Referat, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `urn:referat:schema:v${SCHEMA_VERSION}`,
    title: 'Referat',
    description: 'A Danish meeting referat (minutes) as structured JSON; schema version ' + SCHEMA_VERSION,
    ...schema,
  };
}
