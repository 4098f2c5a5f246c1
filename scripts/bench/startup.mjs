// For `npm run bench`: the single-file start-up figures. One process per command, median wall time of
// `runs` runs each, beside `node -e 0` and pdftotext in the same run: what a newcomer's first command and
// every `referat validate` of one small file cost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
};

export function benchStartup({ cli, threePagePdf, text, runs = 10, havePdftotext }) {
  const out = mkdtempSync(join(tmpdir(), 'referat-startup-'));
  const time = (cmd, argv) => {
    const ms = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      spawnSync(cmd, argv, { stdio: 'ignore' });
      ms.push(performance.now() - t);
    }
    return median(ms) / 1000;
  };
  const node = process.execPath;
  const convert = (file) => [cli, 'convert', file, '--out', out, '--no-db', '--quiet', '--force', '--ocr', 'off'];
  const rows = [
    { name: 'node -e 0', s: time(node, ['-e', '0']) },
    havePdftotext ? { name: 'pdftotext, 3-page PDF', s: time('pdftotext', ['-q', threePagePdf, join(out, 'p.txt')]) } : null,
    { name: 'referat --version', s: time(node, [cli, '--version']) },
    { name: 'referat convert --no-db, text file', s: time(node, convert(text)), target: 0.25 },
    { name: 'referat convert --no-db, 3-page PDF', s: time(node, convert(threePagePdf)), target: 0.35 },
    { name: 'referat validate, text file', s: time(node, [cli, 'validate', text]), target: 0.25 },
    { name: 'referat validate, 3-page PDF', s: time(node, [cli, 'validate', threePagePdf]), target: 0.35 },
  ].filter(Boolean);
  rmSync(out, { recursive: true, force: true });
  return rows;
}
