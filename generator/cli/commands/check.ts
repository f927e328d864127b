// `oaskit check [spec...] [--spec FILE] [--format text|json|sarif] [--config FILE]`: exit 0 clean
// (warnings allowed), 1 errors, 2 unusable input (an unreadable or unparsable spec, a bad config
// file).
import { resolve } from 'node:path';
import { ConfigError, configFor } from '../../diagnostics/config.ts';
import { compareDiagnostics, type Diagnostic } from '../../core/diagnostic.ts';
import { diagnose } from '../../diagnostics/diagnose.ts';
import { formatJson, formatSarif, formatText, type OutputFormat } from '../../diagnostics/format.ts';
import { locateDiagnostic, type Located } from '../../diagnostics/position.ts';
import { UnreadableSpecError } from '../../load/workspace.ts';
import { describedCodes } from '../../rules/index.ts';
import { parseCommand, UsageError, type Command } from '../command.ts';
import { definitions } from '../definitions.ts';
import { list, specsToUse } from '../project.ts';

export { specFiles } from '../project.ts';

export const command: Command = async (argv) => {
  const { values, positionals } = parseCommand(definitions.check, argv);
  const format = (values.format ?? 'text') as OutputFormat;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not ${JSON.stringify(values.format)}`);
  const { specs: files } = specsToUse([...positionals, ...list(values.spec)]);

  const located: Located[] = [];
  let unusable = false;
  for (const file of files) {
    const path = resolve(file);
    let config;
    try {
      config = configFor(path, values.config);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(`invalid config ${error.message}`);
      throw error;
    }
    try {
      const result = await diagnose(path, { config });
      // a syntax error is still unparsable input (exit 2), even though the rest was read and checked
      unusable ||= result.unusable || result.diagnostics.some((d) => d.code === 'yaml-syntax' || d.code === 'json-syntax');
      const items = result.diagnostics.map((d) => locateDiagnostic(d, result.workspace.get(d.file)));
      items.sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic, (d) => (d === a.diagnostic ? a.range.start : b.range.start)));
      located.push(...items);
    } catch (error) {
      if (!(error instanceof UnreadableSpecError)) throw error;
      unusable = true;
      const d: Diagnostic = { code: 'file-unreadable', severity: 'error', message: `cannot read spec: ${error.reason}`, file: path };
      located.push(locateDiagnostic(d, undefined));
    }
  }
  const color = values['no-color'] ? false : (values.color ?? (format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR));
  const output = format === 'json' ? formatJson(located) : format === 'sarif' ? formatSarif(located, describedCodes()) : formatText(located, { color });
  process.stdout.write(output);
  if (unusable) return 2;
  return located.some((l) => l.diagnostic.severity === 'error') ? 1 : 0;
};
