// Memory of a process tree, for the bench and the OCR renderings (Linux /proc).
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of a process and all its descendants (MB), from /proc. */
export function treeRssMb(rootPid) {
  const parent = new Map();
  const rss = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const status = readFileSync(`/proc/${d}/status`, 'utf8');
      parent.set(+d, +(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(+d, +(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  for (const pid of rss.keys()) {
    for (let p = pid; p; p = parent.get(p) ?? 0) {
      if (p === rootPid) {
        kb += rss.get(pid);
        break;
      }
    }
  }
  return kb / 1024;
}
