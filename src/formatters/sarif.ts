/**
 * SARIF 2.1.0 output (one run), so findings show in code-review and CI tools: every rule in
 * tool.driver.rules (id, shortDescription, defaultConfiguration.level), one result per finding with a
 * physicalLocation (artifactLocation.uri relative to the working folder). For text and HTML the region
 * is the span's start and end line and column, the quote its snippet. A PDF or DOCX is not a text
 * artifact, and lines of the extracted text point nowhere in it (SARIF's text regions count lines of
 * the artifact itself), so there the place is said in words a viewer shows: the location's message
 * ("side 3, punkt 4: »quote«"), a logical location naming the item, and the result's message ending in
 * "(side 3, punkt 4)". Page and item are also in the result's properties. Levels: error -> error,
 * warning -> warning, info -> note. Unreadable files are tool execution notifications (errors); a file
 * that does not look like minutes is a notification of level note. Configured levels that differ from a rule's default are listed as
 * ruleConfigurationOverrides.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../schemas/referat.js';
import { LineIndex } from './location.js';
import { placeOf, type Formatter, type RuleInfo } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function artifactUri(cwd: string, path: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(abs).href };
}

export const sarif: Formatter = (report) => {
  const rules: (RuleInfo | { id: string; description: string; defaultSeverity: Severity; level: Severity })[] = [...report.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Codes that are not rules (reader findings such as "no-text-layer") get a descriptor too.
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (ruleIndex.has(d.code)) continue;
      ruleIndex.set(d.code, rules.length);
      rules.push({ id: d.code, description: `Fund fra indlæsningen af dokumentet (${d.code}).`, defaultSeverity: d.severity, level: d.severity });
    }
  }

  const artifacts: { location: { uri: string; uriBaseId?: string } }[] = [];
  const results: object[] = [];
  const notifications: object[] = [];
  for (const f of report.files) {
    const location = artifactUri(report.cwd, f.path);
    const artifactIndex = artifacts.push({ location }) - 1;
    if (f.error) {
      notifications.push({ level: 'error', message: { text: `${f.path}: kan ikke læses: ${f.error}` }, locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex } } }] });
      continue;
    }
    if (f.notMinutes) {
      notifications.push({ level: 'note', message: { text: `${f.path}: ligner ikke et referat (${f.notMinutes}); reglerne for referater er ikke prøvet` }, locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex } } }] });
    }
    const index = f.text != null ? new LineIndex(f.text) : null;
    const paged = f.format === 'pdf' || f.format === 'docx';
    for (const d of f.diagnostics) {
      const physicalLocation: Record<string, unknown> = { artifactLocation: { ...location, index: artifactIndex } };
      const place = placeOf(f, d, index).words.join(', ');
      const where: Record<string, unknown> = { physicalLocation };
      if (paged) {
        if (place || d.quote) where.message = { text: [place, d.quote ? `»${d.quote}«` : ''].filter(Boolean).join(': ') };
        if (d.item != null) where.logicalLocations = [{ name: `punkt ${d.item}`, fullyQualifiedName: d.span?.page != null ? `side ${d.span.page}/punkt ${d.item}` : `punkt ${d.item}` }];
      } else if (d.span && index) {
        const a = index.at(d.span.start);
        const b = index.at(Math.max(d.span.end, d.span.start));
        const region: Record<string, unknown> = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
        if (d.quote) region.snippet = { text: d.quote };
        physicalLocation.region = region;
      }
      const properties: Record<string, unknown> = {};
      if (d.span?.page != null) properties.page = d.span.page;
      if (d.item != null) properties.item = d.item;
      results.push({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: paged && place ? `${d.message} (${place})` : d.message },
        locations: [where],
        ...(Object.keys(properties).length ? { properties } : {}),
      });
    }
  }

  const overrides = report.rules
    .filter((r) => r.level !== r.defaultSeverity)
    .map((r) => ({
      descriptor: { id: r.id, index: ruleIndex.get(r.id) },
      configuration: r.level === 'off' ? { enabled: false } : { level: LEVEL[r.level] },
    }));

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'referat',
            version: report.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.version) ? report.version : undefined,
            language: 'da',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: !notifications.some((n) => (n as { level: string }).level === 'error'),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
            ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
