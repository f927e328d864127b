// What every command module exports, the shape of a command's definition (its options and its
// help, one source for both), and the argument parser they share.
import { parseArgs } from 'node:util';

/** A command takes its arguments (without the command name) and returns an exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Bad usage or unusable input: printed in one line, exit code 2. */
export class UsageError extends Error {}

export interface OptionDefinition {
  type: 'string' | 'boolean';
  short?: string;
  /** may be given several times (values in order) */
  multiple?: boolean;
  /** the placeholder of its value in the help: FILE, DIR, N */
  value?: string;
  help: string;
}

export interface CommandDefinition {
  name: string;
  /** one line, for `oaskit --help` */
  summary: string;
  /** the synopsis after `oaskit <name>` */
  synopsis: string;
  /** paragraphs after the synopsis */
  description: string;
  /** what the positional arguments are; none allowed when absent */
  positionals?: { name: string; min?: number; max?: number };
  options: Record<string, OptionDefinition>;
  /** the exit codes */
  exit: string;
}

const helpOption: OptionDefinition = { type: 'boolean', short: 'h', help: 'print this help' };

type ValueOf<O extends OptionDefinition> = O['type'] extends 'string' ? (O['multiple'] extends true ? string[] : string) : boolean;

/** The parsed options of a command: strings, booleans, or arrays for `multiple`; absent ones undefined. */
export interface Parsed<D extends CommandDefinition = CommandDefinition> {
  values: { [K in keyof D['options']]?: ValueOf<D['options'][K]> } & { help?: boolean };
  positionals: string[];
}

/**
 * Parses argv against a definition. Unknown options, missing values and unexpected arguments are
 * UsageErrors in one line that point at `--help`.
 */
export function parseCommand<D extends CommandDefinition>(definition: D, argv: string[]): Parsed<D> {
  const options: Record<string, OptionDefinition> = { ...definition.options, help: helpOption };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple === true, ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    if (!String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(`${parserMessage(error as Error & { code?: string }, options)}; see \`oaskit ${definition.name} --help\``);
  }
  const { values, positionals } = parsed as unknown as Parsed<D>;
  if (values.help) return { values, positionals };
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name) && options[token.name]!.type === 'string' && !options[token.name]!.multiple) throw new UsageError(`--${token.name} given twice; see \`oaskit ${definition.name} --help\``);
    seen.add(token.name);
  }
  const p = definition.positionals;
  if (!p && positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; see \`oaskit ${definition.name} --help\``);
  if (p && p.max !== undefined && positionals.length > p.max) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[p.max])}; see \`oaskit ${definition.name} --help\``);
  if (p && p.min !== undefined && positionals.length < p.min) throw new UsageError(`missing ${p.name}; see \`oaskit ${definition.name} --help\``);
  return { values, positionals };
}

/** node:util's messages are long and quote oddly; say the same in a few words. */
function parserMessage(error: Error & { code?: string }, options: Record<string, OptionDefinition>): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const long = /--[\w-]+/.exec(quoted)?.[0];
  const named = long ?? /-[^\s,]+/.exec(quoted)?.[0];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${named ?? quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (long && options[long.slice(2)]?.type === 'boolean') return `${long} takes no value`;
      return `${named ?? 'an option'} needs a value`;
    default:
      return error.message.split('\n')[0]!;
  }
}

/** The help text of a command, from its definition. */
export function helpText(definition: CommandDefinition): string {
  const rows = Object.entries({ ...definition.options, help: helpOption }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = rows.flatMap(([flag, help]) => wrap(help, 100 - width - 2).map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}`));
  return [`usage: oaskit ${definition.name} ${definition.synopsis}`, '', ...wrap(definition.description, 100), '', 'options:', ...lines, '', ...wrap(`exit: ${definition.exit}`, 100), ''].join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

/** A --port value: an integer port, with room for `count` consecutive ports. */
export function parsePort(value: string | undefined, fallback: number, count = 1, allowZero = false): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < (allowZero ? 0 : 1) || port + count - 1 > 65535) {
    throw new UsageError(`--port must be a port number${count > 1 ? ` with room for ${count} consecutive ports` : ''}, not ${JSON.stringify(value)}`);
  }
  return port;
}
