// Generated from schemas/referat.schema.json by `npm run schema` (scripts/schema-check.ts): do not edit.
// Accepts and rejects an output as the zod schema (schemas/referat.ts) does, without loading zod.
/* eslint-disable */

/** The first place where an output breaks the schema, with zod's issue code. */
export interface SchemaIssue {
  path: (string | number)[];
  code: string;
}

/** An output that breaks the schema: a bug in referat (src/batch/errors.ts reports the path and the code). */
export class SchemaError extends Error {
  readonly issue: SchemaIssue;
  constructor(issue: SchemaIssue) {
    super(`the output failed the schema at ${issue.path.join('.') || '(root)'}: ${issue.code}`);
    this.name = 'SchemaError';
    this.issue = issue;
  }
}

const P0 = new RegExp("^[0-9a-f]{64}$");
const P1 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$");
const P2 = new RegExp("^\\d{2}:\\d{2}$");

/** null when `v` is a valid output, else its first issue. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function referatIssue(v: any): SchemaIssue | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path: [], code: 'invalid_type' };
  if (v["schemaVersion"] !== "1") return { path: ["schemaVersion"], code: 'invalid_value' };
  if (typeof v["generator"] !== 'object' || v["generator"] === null || Array.isArray(v["generator"])) return { path: ["generator"], code: 'invalid_type' };
  if (v["generator"]["name"] !== "referat") return { path: ["generator", "name"], code: 'invalid_value' };
  if (typeof v["generator"]["version"] !== 'string') return { path: ["generator", "version"], code: 'invalid_type' };
  if (v["generator"]["config"] !== undefined) {
    if (typeof v["generator"]["config"] !== 'string') return { path: ["generator", "config"], code: 'invalid_type' };
    if (!P0.test(v["generator"]["config"])) return { path: ["generator", "config"], code: 'invalid_format' };
  }
  if (typeof v["source"] !== 'object' || v["source"] === null || Array.isArray(v["source"])) return { path: ["source"], code: 'invalid_type' };
  if (typeof v["source"]["path"] !== 'string') return { path: ["source", "path"], code: 'invalid_type' };
  if (v["source"]["format"] !== "pdf" && v["source"]["format"] !== "docx" && v["source"]["format"] !== "txt" && v["source"]["format"] !== "html") return { path: ["source", "format"], code: 'invalid_value' };
  if (typeof v["source"]["sha256"] !== 'string') return { path: ["source", "sha256"], code: 'invalid_type' };
  if (!P0.test(v["source"]["sha256"])) return { path: ["source", "sha256"], code: 'invalid_format' };
  if (typeof v["source"]["bytes"] !== 'number' || !Number.isInteger(v["source"]["bytes"])) return { path: ["source", "bytes"], code: 'invalid_type' };
  if (v["source"]["bytes"] < 0) return { path: ["source", "bytes"], code: 'too_small' };
  if (v["source"]["bytes"] > 9007199254740991) return { path: ["source", "bytes"], code: 'too_big' };
  if (v["source"]["pages"] !== null) {
    if (typeof v["source"]["pages"] !== 'number' || !Number.isInteger(v["source"]["pages"])) return { path: ["source", "pages"], code: 'invalid_type' };
    if (v["source"]["pages"] < 0) return { path: ["source", "pages"], code: 'too_small' };
    if (v["source"]["pages"] > 9007199254740991) return { path: ["source", "pages"], code: 'too_big' };
  }
  if (v["source"]["encoding"] !== null) {
    if (typeof v["source"]["encoding"] !== 'string') return { path: ["source", "encoding"], code: 'invalid_type' };
  }
  if (v["source"]["pageInfo"] !== null) {
    if (!Array.isArray(v["source"]["pageInfo"])) return { path: ["source", "pageInfo"], code: 'invalid_type' };
    for (let i0 = 0; i0 < v["source"]["pageInfo"].length; i0++) {
      const e1 = v["source"]["pageInfo"][i0];
      if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["source", "pageInfo", i0], code: 'invalid_type' };
      if (typeof e1["page"] !== 'number' || !Number.isInteger(e1["page"])) return { path: ["source", "pageInfo", i0, "page"], code: 'invalid_type' };
      if (e1["page"] <= 0) return { path: ["source", "pageInfo", i0, "page"], code: 'too_small' };
      if (e1["page"] > 9007199254740991) return { path: ["source", "pageInfo", i0, "page"], code: 'too_big' };
      if (e1["origin"] !== "text-layer" && e1["origin"] !== "ocr" && e1["origin"] !== "none") return { path: ["source", "pageInfo", i0, "origin"], code: 'invalid_value' };
      if (e1["ocrConfidence"] !== null) {
        if (typeof e1["ocrConfidence"] !== 'number' || !Number.isFinite(e1["ocrConfidence"])) return { path: ["source", "pageInfo", i0, "ocrConfidence"], code: 'invalid_type' };
        if (e1["ocrConfidence"] < 0) return { path: ["source", "pageInfo", i0, "ocrConfidence"], code: 'too_small' };
        if (e1["ocrConfidence"] > 100) return { path: ["source", "pageInfo", i0, "ocrConfidence"], code: 'too_big' };
      }
    }
  }
  if (typeof v["text"] !== 'string') return { path: ["text"], code: 'invalid_type' };
  if (v["documentType"] !== "minutes" && v["documentType"] !== "agenda" && v["documentType"] !== "memo" && v["documentType"] !== "unknown") return { path: ["documentType"], code: 'invalid_value' };
  if (v["meeting"] !== null) {
    if (typeof v["meeting"] !== 'object' || v["meeting"] === null || Array.isArray(v["meeting"])) return { path: ["meeting"], code: 'invalid_type' };
    if (v["meeting"]["title"] !== null) {
      if (typeof v["meeting"]["title"] !== 'string') return { path: ["meeting", "title"], code: 'invalid_type' };
    }
    if (v["meeting"]["body"] !== null) {
      if (typeof v["meeting"]["body"] !== 'string') return { path: ["meeting", "body"], code: 'invalid_type' };
    }
    if (v["meeting"]["level"] !== null) {
      if (v["meeting"]["level"] !== "politisk" && v["meeting"]["level"] !== "fagligt strategisk") return { path: ["meeting", "level"], code: 'invalid_value' };
    }
    if (v["meeting"]["date"] !== null) {
      if (typeof v["meeting"]["date"] !== 'string') return { path: ["meeting", "date"], code: 'invalid_type' };
      if (!P1.test(v["meeting"]["date"])) return { path: ["meeting", "date"], code: 'invalid_format' };
    }
    if (v["meeting"]["startTime"] !== null) {
      if (typeof v["meeting"]["startTime"] !== 'string') return { path: ["meeting", "startTime"], code: 'invalid_type' };
      if (!P2.test(v["meeting"]["startTime"])) return { path: ["meeting", "startTime"], code: 'invalid_format' };
    }
    if (v["meeting"]["endTime"] !== null) {
      if (typeof v["meeting"]["endTime"] !== 'string') return { path: ["meeting", "endTime"], code: 'invalid_type' };
      if (!P2.test(v["meeting"]["endTime"])) return { path: ["meeting", "endTime"], code: 'invalid_format' };
    }
    if (v["meeting"]["location"] !== null) {
      if (typeof v["meeting"]["location"] !== 'string') return { path: ["meeting", "location"], code: 'invalid_type' };
    }
    if (v["meeting"]["span"] !== null) {
      if (typeof v["meeting"]["span"] !== 'object' || v["meeting"]["span"] === null || Array.isArray(v["meeting"]["span"])) return { path: ["meeting", "span"], code: 'invalid_type' };
      if (typeof v["meeting"]["span"]["start"] !== 'number' || !Number.isInteger(v["meeting"]["span"]["start"])) return { path: ["meeting", "span", "start"], code: 'invalid_type' };
      if (v["meeting"]["span"]["start"] < 0) return { path: ["meeting", "span", "start"], code: 'too_small' };
      if (v["meeting"]["span"]["start"] > 9007199254740991) return { path: ["meeting", "span", "start"], code: 'too_big' };
      if (typeof v["meeting"]["span"]["end"] !== 'number' || !Number.isInteger(v["meeting"]["span"]["end"])) return { path: ["meeting", "span", "end"], code: 'invalid_type' };
      if (v["meeting"]["span"]["end"] < 0) return { path: ["meeting", "span", "end"], code: 'too_small' };
      if (v["meeting"]["span"]["end"] > 9007199254740991) return { path: ["meeting", "span", "end"], code: 'too_big' };
      if (v["meeting"]["span"]["page"] !== null) {
        if (typeof v["meeting"]["span"]["page"] !== 'number' || !Number.isInteger(v["meeting"]["span"]["page"])) return { path: ["meeting", "span", "page"], code: 'invalid_type' };
        if (v["meeting"]["span"]["page"] <= 0) return { path: ["meeting", "span", "page"], code: 'too_small' };
        if (v["meeting"]["span"]["page"] > 9007199254740991) return { path: ["meeting", "span", "page"], code: 'too_big' };
      }
    }
  }
  if (!Array.isArray(v["participants"])) return { path: ["participants"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["participants"].length; i0++) {
    const e1 = v["participants"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["participants", i0], code: 'invalid_type' };
    if (typeof e1["name"] !== 'string') return { path: ["participants", i0, "name"], code: 'invalid_type' };
    if (e1["affiliation"] !== null) {
      if (typeof e1["affiliation"] !== 'string') return { path: ["participants", i0, "affiliation"], code: 'invalid_type' };
    }
    if (e1["role"] !== null) {
      if (typeof e1["role"] !== 'string') return { path: ["participants", i0, "role"], code: 'invalid_type' };
    }
    if (e1["status"] !== "present" && e1["status"] !== "absent") return { path: ["participants", i0, "status"], code: 'invalid_value' };
    if (e1["substituteFor"] !== null) {
      if (typeof e1["substituteFor"] !== 'string') return { path: ["participants", i0, "substituteFor"], code: 'invalid_type' };
    }
    if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["participants", i0, "span"], code: 'invalid_type' };
    if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["participants", i0, "span", "start"], code: 'invalid_type' };
    if (e1["span"]["start"] < 0) return { path: ["participants", i0, "span", "start"], code: 'too_small' };
    if (e1["span"]["start"] > 9007199254740991) return { path: ["participants", i0, "span", "start"], code: 'too_big' };
    if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["participants", i0, "span", "end"], code: 'invalid_type' };
    if (e1["span"]["end"] < 0) return { path: ["participants", i0, "span", "end"], code: 'too_small' };
    if (e1["span"]["end"] > 9007199254740991) return { path: ["participants", i0, "span", "end"], code: 'too_big' };
    if (e1["span"]["page"] !== null) {
      if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["participants", i0, "span", "page"], code: 'invalid_type' };
      if (e1["span"]["page"] <= 0) return { path: ["participants", i0, "span", "page"], code: 'too_small' };
      if (e1["span"]["page"] > 9007199254740991) return { path: ["participants", i0, "span", "page"], code: 'too_big' };
    }
  }
  if (!Array.isArray(v["toc"])) return { path: ["toc"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["toc"].length; i0++) {
    const e1 = v["toc"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["toc", i0], code: 'invalid_type' };
    if (e1["number"] !== null) {
      if (typeof e1["number"] !== 'number' || !Number.isInteger(e1["number"])) return { path: ["toc", i0, "number"], code: 'invalid_type' };
      if (e1["number"] < -9007199254740991) return { path: ["toc", i0, "number"], code: 'too_small' };
      if (e1["number"] > 9007199254740991) return { path: ["toc", i0, "number"], code: 'too_big' };
    }
    if (typeof e1["title"] !== 'string') return { path: ["toc", i0, "title"], code: 'invalid_type' };
    if (e1["page"] !== null) {
      if (typeof e1["page"] !== 'number' || !Number.isInteger(e1["page"])) return { path: ["toc", i0, "page"], code: 'invalid_type' };
      if (e1["page"] < -9007199254740991) return { path: ["toc", i0, "page"], code: 'too_small' };
      if (e1["page"] > 9007199254740991) return { path: ["toc", i0, "page"], code: 'too_big' };
    }
    if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["toc", i0, "span"], code: 'invalid_type' };
    if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["toc", i0, "span", "start"], code: 'invalid_type' };
    if (e1["span"]["start"] < 0) return { path: ["toc", i0, "span", "start"], code: 'too_small' };
    if (e1["span"]["start"] > 9007199254740991) return { path: ["toc", i0, "span", "start"], code: 'too_big' };
    if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["toc", i0, "span", "end"], code: 'invalid_type' };
    if (e1["span"]["end"] < 0) return { path: ["toc", i0, "span", "end"], code: 'too_small' };
    if (e1["span"]["end"] > 9007199254740991) return { path: ["toc", i0, "span", "end"], code: 'too_big' };
    if (e1["span"]["page"] !== null) {
      if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["toc", i0, "span", "page"], code: 'invalid_type' };
      if (e1["span"]["page"] <= 0) return { path: ["toc", i0, "span", "page"], code: 'too_small' };
      if (e1["span"]["page"] > 9007199254740991) return { path: ["toc", i0, "span", "page"], code: 'too_big' };
    }
  }
  if (typeof v["structure"] !== 'object' || v["structure"] === null || Array.isArray(v["structure"])) return { path: ["structure"], code: 'invalid_type' };
  if (typeof v["structure"]["confidence"] !== 'number' || !Number.isFinite(v["structure"]["confidence"])) return { path: ["structure", "confidence"], code: 'invalid_type' };
  if (v["structure"]["confidence"] < 0) return { path: ["structure", "confidence"], code: 'too_small' };
  if (v["structure"]["confidence"] > 1) return { path: ["structure", "confidence"], code: 'too_big' };
  if (!Array.isArray(v["structure"]["reasons"])) return { path: ["structure", "reasons"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["structure"]["reasons"].length; i0++) {
    const e1 = v["structure"]["reasons"][i0];
    if (typeof e1 !== 'string') return { path: ["structure", "reasons", i0], code: 'invalid_type' };
  }
  if (!Array.isArray(v["items"])) return { path: ["items"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["items"].length; i0++) {
    const e1 = v["items"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["items", i0], code: 'invalid_type' };
    if (typeof e1["number"] !== 'number' || !Number.isInteger(e1["number"])) return { path: ["items", i0, "number"], code: 'invalid_type' };
    if (e1["number"] < -9007199254740991) return { path: ["items", i0, "number"], code: 'too_small' };
    if (e1["number"] > 9007199254740991) return { path: ["items", i0, "number"], code: 'too_big' };
    if (typeof e1["numberInferred"] !== 'boolean') return { path: ["items", i0, "numberInferred"], code: 'invalid_type' };
    if (typeof e1["title"] !== 'string') return { path: ["items", i0, "title"], code: 'invalid_type' };
    if (e1["kind"] !== null) {
      if (e1["kind"] !== "beslutning" && e1["kind"] !== "orientering" && e1["kind"] !== "drøftelse") return { path: ["items", i0, "kind"], code: 'invalid_value' };
    }
    if (e1["caseNumber"] !== null) {
      if (typeof e1["caseNumber"] !== 'string') return { path: ["items", i0, "caseNumber"], code: 'invalid_type' };
    }
    if (typeof e1["closed"] !== 'boolean') return { path: ["items", i0, "closed"], code: 'invalid_type' };
    if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["items", i0, "span"], code: 'invalid_type' };
    if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["items", i0, "span", "start"], code: 'invalid_type' };
    if (e1["span"]["start"] < 0) return { path: ["items", i0, "span", "start"], code: 'too_small' };
    if (e1["span"]["start"] > 9007199254740991) return { path: ["items", i0, "span", "start"], code: 'too_big' };
    if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["items", i0, "span", "end"], code: 'invalid_type' };
    if (e1["span"]["end"] < 0) return { path: ["items", i0, "span", "end"], code: 'too_small' };
    if (e1["span"]["end"] > 9007199254740991) return { path: ["items", i0, "span", "end"], code: 'too_big' };
    if (e1["span"]["page"] !== null) {
      if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["items", i0, "span", "page"], code: 'invalid_type' };
      if (e1["span"]["page"] <= 0) return { path: ["items", i0, "span", "page"], code: 'too_small' };
      if (e1["span"]["page"] > 9007199254740991) return { path: ["items", i0, "span", "page"], code: 'too_big' };
    }
    if (!Array.isArray(e1["sections"])) return { path: ["items", i0, "sections"], code: 'invalid_type' };
    for (let i1 = 0; i1 < e1["sections"].length; i1++) {
      const e2 = e1["sections"][i1];
      if (typeof e2 !== 'object' || e2 === null || Array.isArray(e2)) return { path: ["items", i0, "sections", i1], code: 'invalid_type' };
      if (e2["type"] !== "resume" && e2["type"] !== "sagsfremstilling" && e2["type"] !== "indstilling" && e2["type"] !== "beslutning" && e2["type"] !== "bilag" && e2["type"] !== "absent" && e2["type"] !== "other") return { path: ["items", i0, "sections", i1, "type"], code: 'invalid_value' };
      if (e2["heading"] !== null) {
        if (typeof e2["heading"] !== 'string') return { path: ["items", i0, "sections", i1, "heading"], code: 'invalid_type' };
      }
      if (typeof e2["text"] !== 'string') return { path: ["items", i0, "sections", i1, "text"], code: 'invalid_type' };
      if (typeof e2["span"] !== 'object' || e2["span"] === null || Array.isArray(e2["span"])) return { path: ["items", i0, "sections", i1, "span"], code: 'invalid_type' };
      if (typeof e2["span"]["start"] !== 'number' || !Number.isInteger(e2["span"]["start"])) return { path: ["items", i0, "sections", i1, "span", "start"], code: 'invalid_type' };
      if (e2["span"]["start"] < 0) return { path: ["items", i0, "sections", i1, "span", "start"], code: 'too_small' };
      if (e2["span"]["start"] > 9007199254740991) return { path: ["items", i0, "sections", i1, "span", "start"], code: 'too_big' };
      if (typeof e2["span"]["end"] !== 'number' || !Number.isInteger(e2["span"]["end"])) return { path: ["items", i0, "sections", i1, "span", "end"], code: 'invalid_type' };
      if (e2["span"]["end"] < 0) return { path: ["items", i0, "sections", i1, "span", "end"], code: 'too_small' };
      if (e2["span"]["end"] > 9007199254740991) return { path: ["items", i0, "sections", i1, "span", "end"], code: 'too_big' };
      if (e2["span"]["page"] !== null) {
        if (typeof e2["span"]["page"] !== 'number' || !Number.isInteger(e2["span"]["page"])) return { path: ["items", i0, "sections", i1, "span", "page"], code: 'invalid_type' };
        if (e2["span"]["page"] <= 0) return { path: ["items", i0, "sections", i1, "span", "page"], code: 'too_small' };
        if (e2["span"]["page"] > 9007199254740991) return { path: ["items", i0, "sections", i1, "span", "page"], code: 'too_big' };
      }
    }
    if (!Array.isArray(e1["recommendations"])) return { path: ["items", i0, "recommendations"], code: 'invalid_type' };
    for (let i1 = 0; i1 < e1["recommendations"].length; i1++) {
      const e2 = e1["recommendations"][i1];
      if (typeof e2 !== 'string') return { path: ["items", i0, "recommendations", i1], code: 'invalid_type' };
    }
    if (e1["decision"] !== null) {
      if (typeof e1["decision"] !== 'object' || e1["decision"] === null || Array.isArray(e1["decision"])) return { path: ["items", i0, "decision"], code: 'invalid_type' };
      if (typeof e1["decision"]["text"] !== 'string') return { path: ["items", i0, "decision", "text"], code: 'invalid_type' };
      if (e1["decision"]["outcome"] !== "approved" && e1["decision"]["outcome"] !== "noted" && e1["decision"]["outcome"] !== "discussed" && e1["decision"]["outcome"] !== "rejected" && e1["decision"]["outcome"] !== "postponed" && e1["decision"]["outcome"] !== "returned" && e1["decision"]["outcome"] !== "other") return { path: ["items", i0, "decision", "outcome"], code: 'invalid_value' };
      if (typeof e1["decision"]["span"] !== 'object' || e1["decision"]["span"] === null || Array.isArray(e1["decision"]["span"])) return { path: ["items", i0, "decision", "span"], code: 'invalid_type' };
      if (typeof e1["decision"]["span"]["start"] !== 'number' || !Number.isInteger(e1["decision"]["span"]["start"])) return { path: ["items", i0, "decision", "span", "start"], code: 'invalid_type' };
      if (e1["decision"]["span"]["start"] < 0) return { path: ["items", i0, "decision", "span", "start"], code: 'too_small' };
      if (e1["decision"]["span"]["start"] > 9007199254740991) return { path: ["items", i0, "decision", "span", "start"], code: 'too_big' };
      if (typeof e1["decision"]["span"]["end"] !== 'number' || !Number.isInteger(e1["decision"]["span"]["end"])) return { path: ["items", i0, "decision", "span", "end"], code: 'invalid_type' };
      if (e1["decision"]["span"]["end"] < 0) return { path: ["items", i0, "decision", "span", "end"], code: 'too_small' };
      if (e1["decision"]["span"]["end"] > 9007199254740991) return { path: ["items", i0, "decision", "span", "end"], code: 'too_big' };
      if (e1["decision"]["span"]["page"] !== null) {
        if (typeof e1["decision"]["span"]["page"] !== 'number' || !Number.isInteger(e1["decision"]["span"]["page"])) return { path: ["items", i0, "decision", "span", "page"], code: 'invalid_type' };
        if (e1["decision"]["span"]["page"] <= 0) return { path: ["items", i0, "decision", "span", "page"], code: 'too_small' };
        if (e1["decision"]["span"]["page"] > 9007199254740991) return { path: ["items", i0, "decision", "span", "page"], code: 'too_big' };
      }
    }
    if (!Array.isArray(e1["attachments"])) return { path: ["items", i0, "attachments"], code: 'invalid_type' };
    for (let i1 = 0; i1 < e1["attachments"].length; i1++) {
      const e2 = e1["attachments"][i1];
      if (typeof e2 !== 'string') return { path: ["items", i0, "attachments", i1], code: 'invalid_type' };
    }
    if (!Array.isArray(e1["absent"])) return { path: ["items", i0, "absent"], code: 'invalid_type' };
    for (let i1 = 0; i1 < e1["absent"].length; i1++) {
      const e2 = e1["absent"][i1];
      if (typeof e2 !== 'string') return { path: ["items", i0, "absent", i1], code: 'invalid_type' };
    }
    if (typeof e1["confidence"] !== 'number' || !Number.isFinite(e1["confidence"])) return { path: ["items", i0, "confidence"], code: 'invalid_type' };
    if (e1["confidence"] < 0) return { path: ["items", i0, "confidence"], code: 'too_small' };
    if (e1["confidence"] > 1) return { path: ["items", i0, "confidence"], code: 'too_big' };
    if (e1["decidedAmount"] !== undefined) {
      if (e1["decidedAmount"] !== null) {
        if (typeof e1["decidedAmount"] !== 'number' || !Number.isInteger(e1["decidedAmount"])) return { path: ["items", i0, "decidedAmount"], code: 'invalid_type' };
        if (e1["decidedAmount"] < -9007199254740991) return { path: ["items", i0, "decidedAmount"], code: 'too_small' };
        if (e1["decidedAmount"] > 9007199254740991) return { path: ["items", i0, "decidedAmount"], code: 'too_big' };
      }
    }
  }
  if (!Array.isArray(v["amounts"])) return { path: ["amounts"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["amounts"].length; i0++) {
    const e1 = v["amounts"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["amounts", i0], code: 'invalid_type' };
    if (typeof e1["raw"] !== 'string') return { path: ["amounts", i0, "raw"], code: 'invalid_type' };
    if (typeof e1["value"] !== 'number' || !Number.isInteger(e1["value"])) return { path: ["amounts", i0, "value"], code: 'invalid_type' };
    if (e1["value"] < -9007199254740991) return { path: ["amounts", i0, "value"], code: 'too_small' };
    if (e1["value"] > 9007199254740991) return { path: ["amounts", i0, "value"], code: 'too_big' };
    if (typeof e1["approximate"] !== 'boolean') return { path: ["amounts", i0, "approximate"], code: 'invalid_type' };
    if (e1["item"] !== null) {
      if (typeof e1["item"] !== 'number' || !Number.isInteger(e1["item"])) return { path: ["amounts", i0, "item"], code: 'invalid_type' };
      if (e1["item"] < -9007199254740991) return { path: ["amounts", i0, "item"], code: 'too_small' };
      if (e1["item"] > 9007199254740991) return { path: ["amounts", i0, "item"], code: 'too_big' };
    }
    if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["amounts", i0, "span"], code: 'invalid_type' };
    if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["amounts", i0, "span", "start"], code: 'invalid_type' };
    if (e1["span"]["start"] < 0) return { path: ["amounts", i0, "span", "start"], code: 'too_small' };
    if (e1["span"]["start"] > 9007199254740991) return { path: ["amounts", i0, "span", "start"], code: 'too_big' };
    if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["amounts", i0, "span", "end"], code: 'invalid_type' };
    if (e1["span"]["end"] < 0) return { path: ["amounts", i0, "span", "end"], code: 'too_small' };
    if (e1["span"]["end"] > 9007199254740991) return { path: ["amounts", i0, "span", "end"], code: 'too_big' };
    if (e1["span"]["page"] !== null) {
      if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["amounts", i0, "span", "page"], code: 'invalid_type' };
      if (e1["span"]["page"] <= 0) return { path: ["amounts", i0, "span", "page"], code: 'too_small' };
      if (e1["span"]["page"] > 9007199254740991) return { path: ["amounts", i0, "span", "page"], code: 'too_big' };
    }
    if (e1["decided"] !== undefined) {
      if (typeof e1["decided"] !== 'boolean') return { path: ["amounts", i0, "decided"], code: 'invalid_type' };
    }
  }
  if (!Array.isArray(v["dates"])) return { path: ["dates"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["dates"].length; i0++) {
    const e1 = v["dates"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["dates", i0], code: 'invalid_type' };
    if (typeof e1["raw"] !== 'string') return { path: ["dates", i0, "raw"], code: 'invalid_type' };
    if (typeof e1["date"] !== 'string') return { path: ["dates", i0, "date"], code: 'invalid_type' };
    if (!P1.test(e1["date"])) return { path: ["dates", i0, "date"], code: 'invalid_format' };
    if (e1["end"] !== null) {
      if (typeof e1["end"] !== 'string') return { path: ["dates", i0, "end"], code: 'invalid_type' };
      if (!P1.test(e1["end"])) return { path: ["dates", i0, "end"], code: 'invalid_format' };
    }
    if (typeof e1["yearInferred"] !== 'boolean') return { path: ["dates", i0, "yearInferred"], code: 'invalid_type' };
    if (e1["item"] !== null) {
      if (typeof e1["item"] !== 'number' || !Number.isInteger(e1["item"])) return { path: ["dates", i0, "item"], code: 'invalid_type' };
      if (e1["item"] < -9007199254740991) return { path: ["dates", i0, "item"], code: 'too_small' };
      if (e1["item"] > 9007199254740991) return { path: ["dates", i0, "item"], code: 'too_big' };
    }
    if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["dates", i0, "span"], code: 'invalid_type' };
    if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["dates", i0, "span", "start"], code: 'invalid_type' };
    if (e1["span"]["start"] < 0) return { path: ["dates", i0, "span", "start"], code: 'too_small' };
    if (e1["span"]["start"] > 9007199254740991) return { path: ["dates", i0, "span", "start"], code: 'too_big' };
    if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["dates", i0, "span", "end"], code: 'invalid_type' };
    if (e1["span"]["end"] < 0) return { path: ["dates", i0, "span", "end"], code: 'too_small' };
    if (e1["span"]["end"] > 9007199254740991) return { path: ["dates", i0, "span", "end"], code: 'too_big' };
    if (e1["span"]["page"] !== null) {
      if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["dates", i0, "span", "page"], code: 'invalid_type' };
      if (e1["span"]["page"] <= 0) return { path: ["dates", i0, "span", "page"], code: 'too_small' };
      if (e1["span"]["page"] > 9007199254740991) return { path: ["dates", i0, "span", "page"], code: 'too_big' };
    }
  }
  if (!Array.isArray(v["diagnostics"])) return { path: ["diagnostics"], code: 'invalid_type' };
  for (let i0 = 0; i0 < v["diagnostics"].length; i0++) {
    const e1 = v["diagnostics"][i0];
    if (typeof e1 !== 'object' || e1 === null || Array.isArray(e1)) return { path: ["diagnostics", i0], code: 'invalid_type' };
    if (typeof e1["code"] !== 'string') return { path: ["diagnostics", i0, "code"], code: 'invalid_type' };
    if (e1["severity"] !== "error" && e1["severity"] !== "warning" && e1["severity"] !== "info") return { path: ["diagnostics", i0, "severity"], code: 'invalid_value' };
    if (typeof e1["message"] !== 'string') return { path: ["diagnostics", i0, "message"], code: 'invalid_type' };
    if (e1["span"] !== null) {
      if (typeof e1["span"] !== 'object' || e1["span"] === null || Array.isArray(e1["span"])) return { path: ["diagnostics", i0, "span"], code: 'invalid_type' };
      if (typeof e1["span"]["start"] !== 'number' || !Number.isInteger(e1["span"]["start"])) return { path: ["diagnostics", i0, "span", "start"], code: 'invalid_type' };
      if (e1["span"]["start"] < 0) return { path: ["diagnostics", i0, "span", "start"], code: 'too_small' };
      if (e1["span"]["start"] > 9007199254740991) return { path: ["diagnostics", i0, "span", "start"], code: 'too_big' };
      if (typeof e1["span"]["end"] !== 'number' || !Number.isInteger(e1["span"]["end"])) return { path: ["diagnostics", i0, "span", "end"], code: 'invalid_type' };
      if (e1["span"]["end"] < 0) return { path: ["diagnostics", i0, "span", "end"], code: 'too_small' };
      if (e1["span"]["end"] > 9007199254740991) return { path: ["diagnostics", i0, "span", "end"], code: 'too_big' };
      if (e1["span"]["page"] !== null) {
        if (typeof e1["span"]["page"] !== 'number' || !Number.isInteger(e1["span"]["page"])) return { path: ["diagnostics", i0, "span", "page"], code: 'invalid_type' };
        if (e1["span"]["page"] <= 0) return { path: ["diagnostics", i0, "span", "page"], code: 'too_small' };
        if (e1["span"]["page"] > 9007199254740991) return { path: ["diagnostics", i0, "span", "page"], code: 'too_big' };
      }
    }
    if (e1["item"] !== null) {
      if (typeof e1["item"] !== 'number' || !Number.isInteger(e1["item"])) return { path: ["diagnostics", i0, "item"], code: 'invalid_type' };
      if (e1["item"] < -9007199254740991) return { path: ["diagnostics", i0, "item"], code: 'too_small' };
      if (e1["item"] > 9007199254740991) return { path: ["diagnostics", i0, "item"], code: 'too_big' };
    }
    if (e1["quote"] !== null) {
      if (typeof e1["quote"] !== 'string') return { path: ["diagnostics", i0, "quote"], code: 'invalid_type' };
    }
  }
  return null;
}
