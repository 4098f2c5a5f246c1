#!/usr/bin/env node
// `npm run score`: converts ../shared/corpus (field, real, dev) into a scratch folder with the built CLI
// and scores the output against the gold with ../shared/tools/score.mjs. A user's clone has no
// ../shared: then it says so and exits 0.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const scorer = join(shared, 'tools', 'score.mjs');
if (!existsSync(scorer)) {
  console.log('npm run score: ../shared (the corpus and scorer) is not here; nothing to score.');
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const out = mkdtempSync(join(tmpdir(), 'referat-score-'));
const dirs = ['field', 'real', 'dev'].map((d) => join(shared, 'corpus', d)).filter(existsSync);
const convert = spawnSync(process.execPath, [join(root, 'bin', 'referat.js'), 'convert', ...dirs, '--out', out, '--quiet'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (convert.status === null) process.exit(1);
const extra = process.argv.slice(2);
const score = spawnSync(process.execPath, [scorer, '--gold', join(shared, 'corpus', 'gold'), '--out', out, ...extra], { stdio: 'inherit' });
if (!process.env.KEEP_SCORE_OUT) rmSync(out, { recursive: true, force: true });
else console.log(`outputs kept in ${out}`);
process.exit(score.status ?? 1);
