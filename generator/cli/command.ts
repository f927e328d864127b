// What every command module exports, and the small argument parser they share.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command takes its arguments (without the command name) and returns an exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Bad usage or unusable input: printed in one line, exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
