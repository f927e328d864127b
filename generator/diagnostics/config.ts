// The diagnostics configuration: `oaskit.config.json` (or `.oaskitrc.json`) in the spec's folder,
// else in the working folder, or a file given with `--config`:
//   { "rules": { "component-unused": "off", "operation-id-missing": "error" } }
// A setting is "off", "error", "warning", "info" or "hint". Anything else is a ConfigError with
// the file, line and column of the offending value.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { describedCodes, loaderCodes, type RuleSetting } from '../rules/index.ts';
import { parseSource } from '../load/source-file.ts';

export const configFileNames = ['oaskit.config.json', '.oaskitrc.json'] as const;
const settings: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];

export interface OaskitConfig {
  /** the file it was read from; undefined for the defaults */
  path?: string;
  rules: Record<string, RuleSetting>;
}

export const defaultConfig: OaskitConfig = Object.freeze({ rules: Object.freeze({}) as Record<string, RuleSetting> });

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line = 1,
    readonly col = 1,
  ) {
    super(`${file}:${line}:${col}: ${reason}`);
  }
}

/** The config file that applies to a spec: its folder first, then `cwd`. */
export function findConfig(specPath: string, cwd = process.cwd()): string | undefined {
  for (const dir of [dirname(resolve(specPath)), resolve(cwd)]) {
    for (const name of configFileNames) {
      const p = join(dir, name);
      if (existsSync(p) && statSync(p).isFile()) return p;
    }
  }
  return undefined;
}

/** Read and check a config file; throws ConfigError. */
export function loadConfig(path: string): OaskitConfig {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(file, code === 'ENOENT' ? 'no such config file' : code === 'EISDIR' ? 'is a folder, not a config file' : (error as Error).message);
  }
  return parseConfig(file, text);
}

export function parseConfig(file: string, text: string): OaskitConfig {
  const source = parseSource(file + '.json', text);
  const fail = (reason: string, offset: number): never => {
    const p = source.position(offset);
    throw new ConfigError(file, reason, p.line, p.col);
  };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) fail(`invalid JSON: ${printParseErrorCode(errors[0]!.error)}`, errors[0]!.offset);
  if (!root || root.type !== 'object') fail('a config file must hold a JSON object: { "rules": { "<code>": "off" | "error" | "warning" | "info" | "hint" } }', root?.offset ?? 0);
  const known = new Set(describedCodes().map((c) => c.id));
  const fixed = new Set(loaderCodes.filter((c) => c.fixed).map((c) => c.id));
  const rules: Record<string, RuleSetting> = {};
  for (const prop of root!.children ?? []) {
    const [k, v] = prop.children as [JsonNode, JsonNode];
    if (k.value === '$schema') continue;
    if (k.value !== 'rules') fail(`unknown setting ${JSON.stringify(k.value)}; a config file has "rules" only`, k.offset);
    if (v.type !== 'object') fail('"rules" must be an object mapping rule codes to "off", "error", "warning", "info" or "hint"', v.offset);
    for (const rule of v.children ?? []) {
      const [rk, rv] = rule.children as [JsonNode, JsonNode];
      const code = String(rk.value);
      if (fixed.has(code)) fail(`${JSON.stringify(code)} cannot be configured: without a readable document nothing else can be checked`, rk.offset);
      if (!known.has(code)) fail(`unknown rule ${JSON.stringify(code)}${suggest(code, [...known])}`, rk.offset);
      if (rv.type !== 'string' || !settings.includes(rv.value)) fail(`rule ${JSON.stringify(code)} must be "off", "error", "warning", "info" or "hint", not ${text.slice(rv.offset, rv.offset + rv.length)}`, rv.offset);
      rules[code] = rv.value as RuleSetting;
    }
  }
  return { path: file, rules };
}

/** The config for a spec: `explicit` when given, else the one found next to it, else defaults. */
export function configFor(specPath: string, explicit?: string, cwd = process.cwd()): OaskitConfig {
  const path = explicit ?? findConfig(specPath, cwd);
  return path ? loadConfig(path) : defaultConfig;
}

function suggest(code: string, known: string[]): string {
  const close = known.filter((k) => distance(k, code) <= 3).sort((a, b) => distance(a, code) - distance(b, code));
  return close.length ? `; did you mean ${JSON.stringify(close[0])}?` : '';
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}
