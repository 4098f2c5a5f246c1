/** The OpenAPI 3.1 document of the review server, generated from the zod schemas in schemas.ts. */
import { z } from 'zod';
import { Referat } from '../../schemas/referat.js';
import { VERSION } from '../version.js';
import { ErrorResponse, FileValidation, Health, LocatedDiagnostic, ReviewResponse, RuleInfo, RulesField, RulesResponse, ValidateResponse } from './schemas.js';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function components(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const named = { Referat, RuleInfo, RulesResponse, LocatedDiagnostic, FileValidation, ValidateResponse, ReviewResponse, ErrorResponse, Health, RulesField };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  // inside an OpenAPI document the components are addressed by their place, not by $id
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}

const upload = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'the document: PDF, DOCX, HTML or text (the format is detected from the bytes)' },
          rules: { type: 'string', contentMediaType: 'application/json', description: 'optional JSON object of rule overrides (RulesField), e.g. {"placeholder":"off"}' },
        },
      },
    },
  },
};

const errors = (...codes: number[]) => {
  const text: Record<number, string> = {
    400: 'a malformed multipart body, no file field, or bad rules',
    406: 'the request is not multipart/form-data',
    413: 'the file is larger than the size limit (--max-size)',
    422: 'the file is not a readable document (the reason as the CLI gives it)',
    503: 'all workers busy and the queue full; retry later (Retry-After)',
    504: 'the conversion took longer than the time limit (--timeout)',
  };
  return Object.fromEntries(codes.map((c) => [c, { description: text[c], content: { 'application/json': { schema: ref('ErrorResponse') } } }]));
};

const UPLOAD_ERRORS = [400, 406, 413, 422, 503, 504];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'referat review server',
      version: VERSION,
      description: 'Converts and checks Danish meeting minutes (referater) uploaded as multipart/form-data. Nothing is stored: an upload is processed in memory and discarded.',
    },
    paths: {
      '/api/convert': {
        post: {
          summary: 'Convert a document to the referat JSON (as referat convert writes it)',
          requestBody: upload,
          responses: { 200: { description: 'the output JSON', content: { 'application/json': { schema: ref('Referat') } } }, ...errors(...UPLOAD_ERRORS) },
        },
      },
      '/api/validate': {
        post: {
          summary: 'Check a document before publishing (as referat validate --format json, or SARIF when asked for with Accept)',
          requestBody: upload,
          responses: {
            200: {
              description: 'the findings',
              content: {
                'application/json': { schema: ref('ValidateResponse') },
                'application/sarif+json': { schema: { type: 'object', description: 'SARIF 2.1.0 (https://json.schemastore.org/sarif-2.1.0.json)' } },
              },
            },
            ...errors(...UPLOAD_ERRORS),
          },
        },
      },
      '/api/review': {
        post: {
          summary: 'What the review page shows: verdict, findings, the output and the SARIF log in one answer',
          requestBody: upload,
          responses: { 200: { description: 'the review', content: { 'application/json': { schema: ref('ReviewResponse') } } }, ...errors(...UPLOAD_ERRORS) },
        },
      },
      '/api/rules': {
        get: { summary: 'The rules and the configuration in force', responses: { 200: { description: 'the rules', content: { 'application/json': { schema: ref('RulesResponse') } } } } },
      },
      '/api/schema': {
        get: { summary: 'The JSON Schema of the output (as referat schema prints it)', responses: { 200: { description: 'JSON Schema draft 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } } } },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/healthz': {
        get: { summary: 'Liveness and load', responses: { 200: { description: 'up', content: { 'application/json': { schema: ref('Health') } } } } },
      },
    },
    components: { schemas: components() },
  };
}
