// For `npm run bench`: CPU time of each thread of a running process, sampled from /proc (Linux only).
// A thread's counters vanish when it ends, so the last reading of every thread is kept. The main thread
// has the process's id; the conversion workers are the busiest other threads; the rest are V8's
// compiler and garbage-collector helpers and libuv's pool, which serve every isolate of the process.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

function readThreads(pid, into) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

/** Starts sampling `pid`; `stop()` returns CPU seconds of the main thread, the `workers` busiest others, and the rest. */
export function sampleThreads(pid, workers) {
  const seconds = new Map();
  const supported = (() => {
    try {
      readdirSync('/proc/self/task');
      return true;
    } catch {
      return false;
    }
  })();
  const timer = supported ? setInterval(() => readThreads(pid, seconds), 50) : null;
  return {
    stop() {
      if (!timer) return null;
      clearInterval(timer);
      const main = seconds.get(String(pid)) ?? 0;
      const others = [...seconds].filter(([tid]) => tid !== String(pid)).map(([, s]) => s).sort((a, b) => b - a);
      const busiest = others.slice(0, workers).reduce((a, s) => a + s, 0);
      const helpers = others.slice(workers).reduce((a, s) => a + s, 0);
      return { main, workers: busiest, helpers };
    },
  };
}
