#!/usr/bin/env node
// The system packages some features need (OCR, the review page's browser test, the job queue), installed
// in one place: `npm ci` runs this (the `prepare` script) and so does .ci/run. As root with apt-get it
// installs what is missing; otherwise it only says what to install. The tool itself never needs more
// than Node to convert text layers: each feature reports at run time when its package is absent.
//
//   node scripts/system-deps.mjs           install what is missing (root + apt-get), else report
//   node scripts/system-deps.mjs --check   report only; exit 1 when something is missing
//   REFERAT_SKIP_SYSTEM_DEPS=1             skip entirely (e.g. a machine that must not be changed)
import { spawnSync } from 'node:child_process';

/** Each feature: the Debian packages it needs, and a command whose success shows they are there. */
export const SYSTEM_DEPS = [
  { feature: 'OCR of scanned pages (--ocr)', packages: ['tesseract-ocr', 'tesseract-ocr-dan', 'poppler-utils'], probe: ['sh', ['-c', 'tesseract --list-langs 2>/dev/null | grep -qx dan && command -v pdftoppm >/dev/null']] },
  { feature: 'the review page\'s browser test (referat serve)', packages: ['chromium'], probe: ['sh', ['-c', 'command -v chromium >/dev/null']] },
  { feature: 'workers on a job queue (--queue, tests)', packages: ['redis-server'], probe: ['sh', ['-c', 'command -v redis-server >/dev/null']] },
];

const ok = (probe) => spawnSync(probe[0], probe[1], { stdio: 'ignore' }).status === 0;

function main() {
  if (process.env.REFERAT_SKIP_SYSTEM_DEPS) return 0;
  const check = process.argv.includes('--check');
  const missing = SYSTEM_DEPS.filter((d) => !ok(d.probe));
  if (missing.length === 0) return 0;
  const packages = [...new Set(missing.flatMap((d) => d.packages))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (check || !isRoot || !hasApt) {
    for (const d of missing) console.error(`referat: ${d.feature} needs: ${d.packages.join(' ')}`);
    console.error(`referat: install them with: sudo apt-get install ${packages.join(' ')}`);
    return check ? 1 : 0;
  }
  console.error(`referat: installing system packages for ${missing.map((d) => d.feature).join('; ')}: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = SYSTEM_DEPS.filter((d) => !ok(d.probe));
  for (const d of still) console.error(`referat: could not install ${d.packages.join(' ')} (${d.feature}); that feature stays off`);
  return install && install.status === 0 && still.length === 0 ? 0 : 0; // never fail the npm install for an optional feature
}

process.exitCode = main();
