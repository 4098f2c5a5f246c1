/**
 * Redis for the job queue: the URL (redis://[user:password@]host:port[/db], rediss:// for TLS), a
 * connection made with a clear error when the server cannot be reached, and the names the coordinator
 * and its workers share (the BullMQ queue, the keys that carry inputs and results).
 */
import { Redis, type RedisOptions } from 'ioredis';
import { VERSION } from '../version.js';

export class QueueError extends Error {
  override name = 'QueueError';
}

/** How long a first connection may take before "cannot reach Redis". */
export const CONNECT_TIMEOUT_MS = 5_000;
/** Results and inputs left on the queue (a coordinator that never came back) expire after this. */
export const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * The queue's name carries the version: a worker only takes jobs that its own build converts the same
 * way as the coordinator's (the outputs record the generator's version), so workers of another version
 * on the same Redis never mix their JSON into an archive.
 */
export const QUEUE_NAME = `referat-v${VERSION}`;

export function parseRedisUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QueueError(`--queue must be a Redis URL such as redis://host:6379 or redis://host:6379/1, not "${url}"`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new QueueError(`--queue must be a Redis URL (redis://host:6379[/db] or rediss:// for TLS), not "${url}"`);
  }
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new QueueError(`--queue: the database in "${url}" must be a number (redis://host:6379/1)`);
  return u;
}

/** The URL as it may be printed: without the password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Keys beside BullMQ's own: a job's input bytes and its result, named after the job. */
export function inputKey(jobId: string): string {
  return `referat:${QUEUE_NAME}:in:${jobId}`;
}
export function resultKey(jobId: string): string {
  return `referat:${QUEUE_NAME}:out:${jobId}`;
}

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { errors?: Error[] };
  // a host name with several addresses fails with an AggregateError of each attempt
  if (err?.errors?.length) return reasonOf(err.errors[0]);
  if (err?.code === 'ECONNREFUSED') return 'connection refused (is redis-server running there?)';
  if (err?.code === 'ENOTFOUND' || err?.code === 'EAI_AGAIN') return 'unknown host';
  if (err?.code === 'ETIMEDOUT') return 'timed out';
  return err?.message?.split('\n')[0] ?? String(e);
}

/**
 * Connects and checks the server answers (PING). BullMQ needs `maxRetriesPerRequest: null` (its
 * workers block on the connection); a connection lost later is retried by ioredis, and the coordinator
 * and worker decide themselves how long to wait for it (see `watchConnection`).
 */
export async function connectRedis(url: string, extra: RedisOptions = {}): Promise<Redis> {
  parseRedisUrl(url);
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: null,
    // reconnect quickly at first, then every 2 s: a restarted server is found again within seconds
    retryStrategy: (times) => Math.min(100 * times, 2000),
    ...extra,
  });
  let lastError: unknown = null;
  client.on('error', (e) => (lastError = e));
  try {
    await withTimeout(client.connect(), CONNECT_TIMEOUT_MS + 500);
    await withTimeout(client.ping(), CONNECT_TIMEOUT_MS);
  } catch (e) {
    client.disconnect();
    throw new QueueError(`cannot reach Redis at ${redactUrl(url)}: ${reasonOf(lastError ?? e)}`);
  }
  return client;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Follows a connection's state: `onLost` after it has been down for `graceMs` (once per outage),
 * `onBack` when it is ready again. A short blip (a failover, a restart of the server) passes unnoticed.
 */
export function watchConnection(
  client: Redis,
  graceMs: number,
  onLost: (reason: string) => void,
  onBack?: () => void,
): () => void {
  let downSince: number | null = null;
  let lost = false;
  let lastError = 'connection closed';
  const onError = (e: unknown) => (lastError = reasonOf(e));
  const onClose = () => (downSince ??= Date.now());
  const onReady = () => {
    downSince = null;
    if (lost) onBack?.();
    lost = false;
  };
  client.on('error', onError);
  client.on('close', onClose);
  client.on('ready', onReady);
  const timer = setInterval(() => {
    if (downSince !== null && !lost && Date.now() - downSince >= graceMs) {
      lost = true;
      onLost(lastError);
    }
  }, Math.min(1000, graceMs));
  timer.unref();
  return () => {
    clearInterval(timer);
    client.off('error', onError);
    client.off('close', onClose);
    client.off('ready', onReady);
  };
}
