// `oaskit proxy --spec FILE --upstream URL [--port N] [--host H] [--fail-on-violation]
//               [--requests N] [--duration SECONDS] [--verbose]`
// Prism's validation proxy in front of a real server. Clients talk to --port (4010); every
// request and response that breaks the contract is reported in one line on stdout:
//   violation <operationId|-> <METHOD> <path> <status> <JSON pointer> <severity> <keyword|->: <message>
// It runs until SIGINT/SIGTERM, or until --requests answered requests or --duration seconds (for
// CI), then prints a summary line. Exit 1 with --fail-on-violation when any violation was seen,
// 1 when Prism cannot serve the spec, 2 on bad usage.
import { modelsToServe } from '../../pipeline/model-of.ts';
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { PrismStartError } from '../../mock/prism.ts';
import { formatViolation, startValidationProxy, type ValidationProxy } from '../../mock/proxy.ts';
import { parseCommand, parsePort, UsageError, type Command } from '../command.ts';
import { DEFAULT_PROXY_PORT, definitions } from '../definitions.ts';
import { waitForSignal } from '../signals.ts';

export const command: Command = async (argv) => {
  const { values } = parseCommand(definitions.proxy, argv);
  if (!values.spec) throw new UsageError('--spec FILE is required');
  if (!values.upstream) throw new UsageError('--upstream URL is required');
  const spec = resolve(values.spec);
  if (!existsSync(spec)) throw new UsageError(`--spec ${values.spec}: no such file`);
  let upstream: URL;
  try {
    upstream = new URL(values.upstream);
  } catch {
    throw new UsageError(`--upstream must be an http(s) URL, not ${JSON.stringify(values.upstream)}`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new UsageError(`--upstream must be an http(s) URL, not ${JSON.stringify(values.upstream)}`);
  const port = parsePort(values.port, DEFAULT_PROXY_PORT);
  const maxRequests = positiveNumber('--requests', values.requests, true);
  const duration = positiveNumber('--duration', values.duration, false);

  const models = await modelsToServe([spec], (report) => process.stderr.write(report));
  if (!models) return 2;
  const signals = waitForSignal();
  let proxy: ValidationProxy;
  let enough!: () => void;
  const done = new Promise<void>((r) => (enough = r));
  try {
    proxy = await startValidationProxy({
      model: models[0]!,
      upstream: upstream.href,
      port,
      host: values.host ?? '127.0.0.1',
      onPrismLog: values.verbose ? (line) => process.stderr.write(`[prism] ${line}\n`) : undefined,
      onExchange: (report) => {
        for (const v of report.violations) process.stdout.write(formatViolation(v) + '\n');
        if (maxRequests !== undefined && proxy.requests >= maxRequests) enough();
      },
    });
  } catch (error) {
    signals.dispose();
    if (error instanceof PrismStartError) {
      process.stderr.write(`oaskit proxy: ${values.spec}: Prism cannot serve it: ${error.detail}\n`);
      return 1;
    }
    process.stderr.write(`oaskit proxy: ${(error as Error).message}\n`);
    return 1;
  }
  const name = basename(spec, extname(spec));
  process.stdout.write(`proxy ${name}: ${proxy.url} -> ${upstream.href}\n`);
  if (proxy.prism.dataRefs) process.stderr.write(`oaskit proxy: ${values.spec}: ${proxy.prism.dataRefs} \`$ref\` member(s) inside examples, defaults, enums or extensions left out of the document Prism validates with (Prism would follow them out of the spec)\n`);
  const timer = duration !== undefined ? setTimeout(enough, duration * 1000) : undefined;
  const died = proxy.prism.exited.then((code) => code);
  const outcome = await Promise.race([signals.promise.then(() => undefined), done.then(() => undefined), died]);
  if (timer) clearTimeout(timer);
  await proxy.stop();
  signals.dispose();

  const vs = proxy.violations;
  const errors = vs.filter((v) => v.severity === 'error').length;
  process.stdout.write(`proxy ${name}: ${proxy.requests} request${proxy.requests === 1 ? '' : 's'}, ${vs.length} violation${vs.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${vs.length - errors} warning${vs.length - errors === 1 ? '' : 's'})\n`);
  if (outcome !== undefined) {
    process.stderr.write(`oaskit proxy: Prism exited unexpectedly (${outcome}): ${proxy.prism.output().slice(-3).join(' | ')}\n`);
    return 1;
  }
  return values['fail-on-violation'] && vs.length > 0 ? 1 : 0;
};

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} must be a positive ${integer ? 'integer' : 'number'}, not ${JSON.stringify(value)}`);
  return n;
}
