import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoPath = (rel: string): string => fileURLToPath(new URL(`../../${rel}`, import.meta.url));
export const sample = (name: string): Buffer => readFileSync(repoPath(`samples/${name}`));
export const sampleText = (name: string): string => readFileSync(repoPath(`samples/${name}`), 'utf8');
export const fixture = (rel: string): Buffer => readFileSync(repoPath(`test/fixtures/${rel}`));

export const DOCS = ['000_94bc2a59beba3b57', '001_7b1df9de962b88b2', '002_2b64a8c1b9967320', '003_e413edb90be0967c', '004_8a7553dc6f277047'] as const;

/** Non-empty, trimmed lines. */
export const linesOf = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
