import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { RuleConfig } from '../validate/config.js';

/** sha256 of a file's bytes, read in chunks (a large file is never held in memory whole). */
export function hashFile(path: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** sha256 of a rule configuration, independent of key order: part of what makes an output reusable. */
export function configHash(config: RuleConfig = {}): string {
  const sorted = Object.fromEntries(Object.entries(config).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
