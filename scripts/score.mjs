#!/usr/bin/env node
// `npm run score`: converts each corpus into a scratch folder with the built CLI and scores the output
// against its gold, field by field:
//   shared       ../shared/corpus (field, real, dev) with ../shared/corpus/gold, when ../shared is here;
//   real-world   test/real-world (published minutes, gold in test/real-world/gold);
//   kept-aside   test/real-world/kept-aside (13 further publishers; held out until 2026-12-04, now
//                development data like the rest);
//   kept-aside-2 test/real-world/kept-aside-2 (15 further publishers; held out until 2026-12-05, now
//                development data);
//   kept-aside-3 test/real-world/kept-aside-3 (16 further publishers, held out: never tuned to).
// The scorer is ../shared/tools/score.mjs, or the copy in test/real-world/tools/ in a plain clone.
// `npm run score -- real-world` scores one corpus; other arguments go to the scorer (--json, --min ...).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const sharedScorer = join(shared, 'tools', 'score.mjs');
const scorer = existsSync(sharedScorer) ? sharedScorer : join(root, 'test', 'real-world', 'tools', 'score.mjs');
const realWorld = join(root, 'test', 'real-world');

// The documents of a real-world folder: its files, not its gold, notes, sources or the kept-aside part.
const documentsIn = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(pdf|docx|html?|txt)$/i.test(f)).map((f) => join(dir, f)).filter((p) => statSync(p).isFile()) : []);
const CORPORA = {
  shared: { inputs: ['field', 'real', 'dev'].map((d) => join(shared, 'corpus', d)), gold: join(shared, 'corpus', 'gold') },
  'real-world': { inputs: documentsIn(realWorld), gold: join(realWorld, 'gold') },
  'kept-aside': { inputs: documentsIn(join(realWorld, 'kept-aside')), gold: join(realWorld, 'kept-aside', 'gold') },
  'kept-aside-2': { inputs: documentsIn(join(realWorld, 'kept-aside-2')), gold: join(realWorld, 'kept-aside-2', 'gold') },
  'kept-aside-3': { inputs: documentsIn(join(realWorld, 'kept-aside-3')), gold: join(realWorld, 'kept-aside-3', 'gold') },
};

const args = process.argv.slice(2);
const chosen = args.filter((a) => a in CORPORA);
const extra = args.filter((a) => !(a in CORPORA));
if (!existsSync(join(root, 'dist', 'src', 'cli.js'))) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
let status = 0;
for (const [name, corpus] of Object.entries(CORPORA)) {
  if (chosen.length && !chosen.includes(name)) continue;
  const inputs = corpus.inputs.filter(existsSync);
  if (!inputs.length || !existsSync(corpus.gold)) {
    console.log(`\n## ${name}: not here (${corpus.gold}); nothing to score.`);
    continue;
  }
  console.log(`\n## ${name}`);
  const out = mkdtempSync(join(tmpdir(), `referat-score-${name}-`));
  const convert = spawnSync(process.execPath, [join(root, 'bin', 'referat.js'), 'convert', ...inputs, '--out', out, '--quiet', '--no-db'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (convert.status === null) process.exit(1);
  const score = spawnSync(process.execPath, [scorer, '--gold', corpus.gold, '--out', out, ...extra], { stdio: 'inherit' });
  if (score.status !== 0) status = score.status ?? 1;
  if (!process.env.KEEP_SCORE_OUT) rmSync(out, { recursive: true, force: true });
  else console.log(`outputs kept in ${out}`);
}
process.exit(status);
