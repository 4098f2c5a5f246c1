/**
 * Rule configuration: `.referatrc.json` (the nearest in the working folder or a folder above it, as
 * ESLint and Prettier look for theirs, or the file given by --config) with
 * {"rules": {"rule-id": "off" | "info" | "warning" | "error"}}, and `--rule id=level` on the command line,
 * which wins over the file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { RULES } from './rules/index.js';
import type { Level } from './types.js';
import { CONFIG_FILE } from './config-file.js';

export interface RuleConfig {
  [ruleId: string]: Level;
}

export const LEVELS = ['off', 'info', 'warning', 'error'] as const;
export { CONFIG_FILE };

/** A configuration problem: one line for the user (exit code 2). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `{"rules": {"<id>": level}}` with nothing else: the file's shape, checked by hand (see shapeProblem). */
function wellShaped(data: unknown): data is { rules?: Record<string, Level> } {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data) || Object.keys(data).some((k) => k !== 'rules')) return false;
  if (data.rules === undefined) return true;
  return isObject(data.rules) && Object.values(data.rules).every((l) => (LEVELS as readonly unknown[]).includes(l));
}

/**
 * What is wrong with a file that is not well shaped, in zod's words (the message users have had). zod is
 * loaded only here, for a broken file: loading it costs every start about a tenth of a second. Its
 * CommonJS build, because this must be synchronous.
 */
function shapeProblem(data: unknown): { path: PropertyKey[]; message: string } {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const FileShape = z.object({ rules: z.record(z.string(), z.enum(LEVELS)).optional() }).strict();
  const parsed = FileShape.safeParse(data);
  return parsed.success ? { path: [], message: 'invalid' } : parsed.error.issues[0];
}

function knownRule(id: string, where: string): void {
  if (!RULES.some((r) => r.meta.id === id)) {
    const ids = RULES.map((r) => r.meta.id).join(', ');
    throw new ConfigError(`${where}: unknown rule "${id}" (known rules: ${ids})`);
  }
}

/** Parses the text of a configuration file; `where` names it in error messages. */
export function parseConfigText(text: string, where: string): RuleConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${where}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (!wellShaped(data)) {
    const issue = shapeProblem(data);
    const path = issue.path.length ? issue.path.join('.') : '(roden)';
    throw new ConfigError(`${where}: expected {"rules": {"rule-id": "off"|"info"|"warning"|"error"}}; wrong at ${path}: ${issue.message}`);
  }
  // copied key by key as zod did (a "__proto__" key sets nothing)
  const rules: Record<string, Level> = {};
  for (const [id, level] of Object.entries(data.rules ?? {})) rules[id] = level;
  for (const id of Object.keys(rules)) knownRule(id, where);
  return { ...rules };
}

/**
 * Reads the configuration: the file given (an error if it is missing), else the nearest `.referatrc.json`
 * in `cwd` or a folder above it, else nothing.
 */
export async function loadConfigFile(explicit: string | undefined, cwd = process.cwd()): Promise<{ config: RuleConfig; path: string | null }> {
  if (!explicit) {
    for (let dir = resolve(cwd); ; dir = dirname(dir)) {
      const found = await readConfig(resolve(dir, CONFIG_FILE), undefined);
      if (found) return found;
      if (dirname(dir) === dir) return { config: {}, path: null };
    }
  }
  return (await readConfig(resolve(cwd, explicit), explicit))!;
}

/** One candidate file: null when it does not exist and was not asked for by name. */
async function readConfig(path: string, explicit: string | undefined): Promise<{ config: RuleConfig; path: string } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR')) return null;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new ConfigError(`${explicit ?? CONFIG_FILE}: cannot be read (${reason})`);
  }
  return { config: parseConfigText(text, explicit ?? path), path };
}

/** `--rule id=level` values (repeatable) applied on top of `base`. */
export function applyRuleOptions(base: RuleConfig, options: string[]): RuleConfig {
  const out = { ...base };
  for (const opt of options) {
    const m = /^\s*([a-z0-9-]+)\s*[=:]\s*([a-z]+)\s*$/i.exec(opt);
    if (!m) throw new ConfigError(`--rule "${opt}": write rule=level, e.g. --rule placeholder=off (levels: ${LEVELS.join(', ')})`);
    const [, id, level] = m;
    knownRule(id, `--rule ${opt}`);
    if (!(LEVELS as readonly string[]).includes(level.toLowerCase())) throw new ConfigError(`--rule ${opt}: unknown level "${level}" (use ${LEVELS.join(', ')})`);
    out[id] = level.toLowerCase() as Level;
  }
  return out;
}
