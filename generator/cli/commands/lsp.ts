// `oaskit lsp --stdio`: the language server over standard input and output.
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer } from '../../lsp/server.ts';
import { parseCommand, UsageError, type Command } from '../command.ts';
import { definitions } from '../definitions.ts';

export const command: Command = async (argv) => {
  const { values } = parseCommand(definitions.lsp, argv);
  if (!values.stdio) throw new UsageError('the language server speaks over standard input and output: run `oaskit lsp --stdio`');
  // stdout carries the protocol: anything printed goes to stderr instead
  console.log = console.info = console.debug = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection, {
    cheapDelayMs: numberFromEnv('OASKIT_LSP_DELAY_MS'),
    expensiveDelayMs: numberFromEnv('OASKIT_LSP_EXPENSIVE_DELAY_MS'),
  });
  // the connection ends the process on `exit`; until then the command does not return
  return new Promise<number>((resolve) => process.stdin.on('close', () => resolve(0)));
};

function numberFromEnv(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
