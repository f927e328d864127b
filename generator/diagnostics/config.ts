// The diagnostics configuration: a config file in the spec's folder, else in the working folder
// (the first of configFileNames found), or a file given with `--config`:
//   { "rules": { "component-unused": "off", "operation-id-missing": "error" } }
// or the same in YAML (`rules:` / `  component-unused: off`). Any of the names may hold either:
// the text is read as YAML, of which JSON is a subset. A setting is "off", "error", "warning",
// "info" or "hint". Anything else is a ConfigError with the file, line and column of the offending
// text. schemas/oaskit.config.schema.json describes the file for editors (configJsonSchema()).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { describedCodes, loaderCodes, type RuleSetting } from '../rules/index.ts';

export const configFileNames = ['oaskit.config.json', '.oaskitrc', '.oaskitrc.json', '.oaskitrc.yaml', '.oaskitrc.yml'] as const;
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
  const lines = new LineCounter();
  const fail = (reason: string, offset: number): never => {
    const p = lines.linePos(offset);
    throw new ConfigError(file, reason, p.line, p.col);
  };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) fail(`cannot be read as YAML or JSON: ${syntax.message.split('\n')[0]}`, syntax.pos[0]);
  const root = doc.contents as YamlNode | null;
  const at = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  if (!isMap(root)) fail('a config file must hold an object: { "rules": { "<code>": "off" | "error" | "warning" | "info" | "hint" } }', at(root));
  const known = new Set(describedCodes().map((c) => c.id));
  const fixed = new Set(loaderCodes.filter((c) => c.fixed).map((c) => c.id));
  const rules: Record<string, RuleSetting> = {};
  for (const prop of (root as { items: unknown[] }).items) {
    if (!isPair(prop)) continue;
    const key = isScalar(prop.key) ? prop.key.value : undefined;
    if (key === '$schema') continue;
    if (key !== 'rules') fail(`unknown setting ${JSON.stringify(key ?? null)}; a config file has "rules" only`, at(prop.key));
    if (!isMap(prop.value)) fail('"rules" must be an object mapping rule codes to "off", "error", "warning", "info" or "hint"', at(prop.value) || at(prop.key));
    for (const rule of (prop.value as { items: unknown[] }).items) {
      if (!isPair(rule)) continue;
      const code = String(isScalar(rule.key) ? rule.key.value : rule.key);
      if (fixed.has(code)) fail(`${JSON.stringify(code)} cannot be configured: without a readable document nothing else can be checked`, at(rule.key));
      if (!known.has(code)) fail(`unknown rule ${JSON.stringify(code)}${suggest(code, [...known])}`, at(rule.key));
      const value = isScalar(rule.value) ? rule.value.value : undefined;
      if (typeof value !== 'string' || !settings.includes(value as RuleSetting)) {
        const [from, to] = (rule.value as { range?: [number, number] } | null)?.range ?? [at(rule.key), at(rule.key)];
        fail(`rule ${JSON.stringify(code)} must be "off", "error", "warning", "info" or "hint", not ${text.slice(from, to).trim() || 'nothing'}`, from);
      }
      rules[code] = value as RuleSetting;
    }
  }
  return { path: file, rules };
}

/** The JSON Schema of a config file (committed as schemas/oaskit.config.schema.json, for editors). */
export function configJsonSchema(): object {
  const fixed = new Set(loaderCodes.filter((c) => c.fixed).map((c) => c.id));
  const setting = { enum: settings };
  const rules = Object.fromEntries(
    describedCodes()
      .filter((c) => !fixed.has(c.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => [c.id, { description: c.description, ...setting }]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'oaskit config file',
    description: `The configuration of \`oaskit check\` and the language server: ${configFileNames.join(', ')} (YAML or JSON), in the spec's folder or the working folder, or given with --config.`,
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'this schema, for editors' },
      rules: {
        type: 'object',
        description: 'the severity of a diagnostic code: "off" drops it; the others replace its default severity',
        properties: rules,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
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
