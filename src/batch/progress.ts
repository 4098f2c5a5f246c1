/**
 * Progress of a batch on stderr: a bar that redraws in place on a terminal (files done/total, pages/s,
 * ETA, failures so far), plain lines every few seconds when stderr is not a terminal, nothing with --quiet.
 */

export interface ProgressCounts {
  total: number;
  converted: number;
  skipped: number;
  failed: number;
  pages: number;
}

export type ProgressMode = 'bar' | 'lines' | 'off';

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export class Progress {
  private counts: ProgressCounts = { total: 0, converted: 0, skipped: 0, failed: 0, pages: 0 };
  private readonly started = performance.now();
  /** completion times of the last files, for the rate behind the ETA */
  private recent: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private drawn = false;
  private running = false;
  private lastLine = 0;
  /** more to say on the progress line (e.g. the workers on a queue) */
  detail: (() => string) | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    readonly mode: ProgressMode,
    private readonly intervalMs = mode === 'bar' ? 120 : 5000,
  ) {}

  start(total: number): void {
    this.counts.total = total;
    this.running = true;
    if (this.mode === 'off') return;
    this.timer = setInterval(() => this.render(), this.intervalMs);
    this.timer.unref();
    if (this.mode === 'bar') this.render();
  }

  update(counts: ProgressCounts, finishedOne = true): void {
    this.counts = { ...counts };
    if (finishedOne) {
      this.recent.push(performance.now());
      if (this.recent.length > 64) this.recent.shift();
    }
  }

  /** Prints a line (a failure, a note) without breaking the bar. */
  note(line: string): void {
    if (this.mode === 'bar' && this.drawn) this.stream.write('\r\x1b[K');
    this.stream.write(line + '\n');
    this.drawn = false;
    if (this.mode === 'bar' && this.running) this.render();
  }

  private done(): number {
    const c = this.counts;
    return c.converted + c.skipped + c.failed;
  }

  /** ETA from the rate of the last files (the start of a run, with skipped files, says little). */
  eta(): number {
    const left = this.counts.total - this.done();
    if (left <= 0) return 0;
    const r = this.recent;
    if (r.length < 2) return NaN;
    const perFile = (r[r.length - 1] - r[0]) / (r.length - 1);
    const sinceLast = performance.now() - r[r.length - 1];
    return Math.max(0, left * perFile - Math.min(sinceLast, perFile));
  }

  line(): string {
    const c = this.counts;
    const elapsed = (performance.now() - this.started) / 1000;
    const pps = elapsed > 0 ? c.pages / elapsed : 0;
    const pct = c.total ? Math.floor((100 * this.done()) / c.total) : 100;
    const failed = c.failed ? `, ${c.failed} failed` : '';
    const detail = this.detail ? this.detail() : '';
    return `${this.done()}/${c.total} files (${pct}%)${failed}, ${pps.toFixed(1)} pages/s, ETA ${formatDuration(this.eta())}${detail ? `, ${detail}` : ''}`;
  }

  private render(): void {
    if (this.mode === 'off') return;
    const c = this.counts;
    if (this.mode === 'lines') {
      if (performance.now() - this.lastLine < this.intervalMs * 0.9) return;
      this.lastLine = performance.now();
      if (this.done() < c.total) this.stream.write(`referat: ${this.line()}\n`);
      return;
    }
    const cols = this.stream.columns || 80;
    const text = ` ${this.line()}`;
    const width = Math.max(10, Math.min(30, cols - text.length - 3));
    const filled = c.total ? Math.round((width * this.done()) / c.total) : width;
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
    this.stream.write(`\r\x1b[K${(bar + text).slice(0, cols - 1)}`);
    this.drawn = true;
  }

  /** Removes the bar (the summary follows). */
  stop(): void {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.mode === 'bar' && this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
