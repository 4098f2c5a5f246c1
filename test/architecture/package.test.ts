/**
 * What `npm pack` ships: the documents the README links (a reader of the package on the registry or in
 * node_modules follows them) and the LICENSE that package.json names. Images the README shows are not
 * links to follow and stay in the repository (docs/review-page.png alone would double the package).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the packed package', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = new Set(packed[0].files.map((f) => f.path));

  it('ships every file the README links to', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // [text](relative/path), not ![image](…) and not http(s): or #anchors
    const linked = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]).filter((p) => !/^[a-z]+:/i.test(p));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((p) => !files.has(p.replace(/^\.\//, '')))).toEqual([]);
  });

  it('ships the LICENSE that package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
    expect(files.has('LICENSE')).toBe(true);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${pkg.license} License`));
  });
});
