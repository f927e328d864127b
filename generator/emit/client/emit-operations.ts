// operations.ts: one standalone, tree-shakable function per operation, named by its operationId
// (`trackUsers(config, input)`): its own row of the operation table (servers included) and only the
// codecs it needs, so importing one bundles that operation and the runtime's core, nothing else.
import type { ApiModel } from '../../model/types.ts';
import { codecFor } from '../../runtime/request.ts';
import type { EmitContext } from '../emitter.ts';
import { generatedHeader, sourceName } from '../header.ts';
import { compactLiteral, identifier } from '../safe.ts';
import { operationType } from '../validators/plan.ts';
import type { ClientTable } from './analyze.ts';
import { operationDocs } from './docs.ts';
import { configType } from './config-type.ts';
import { jsDoc } from './print.ts';

const codecs = { params: 'styledParams', auth: 'authenticate', body: 'encodeBody' } as const;

export function operationsSource(model: ApiModel, table: ClientTable, ctx: EmitContext): string {
  const used = new Set<string>(['defineOperation', 'type Operation']);
  const statements = table.operations.map((entry) => {
    // validator names stay in validators.ts (its operationValidators), loaded only when validating
    const meta = { ...entry.meta, servers: entry.meta.servers ?? table.meta.servers, validators: undefined };
    const needed = codecFor(meta).map((k) => `${k}: ${codecs[k]}`);
    for (const k of codecFor(meta)) used.add(codecs[k]);
    const fn = identifier(model.names.operations.get(entry.op)!.fn);
    const type = `Operation<${operationType(entry.op, false)}, ${configType(entry)}>`;
    const args = [compactLiteral(meta), ...(needed.length ? [`{ ${needed.join(', ')} }`] : [])].join(', ');
    return `${jsDoc(operationDocs(model, entry, ctx))}export const ${fn}: ${type} = /*#__PURE__*/ defineOperation(${args});\n`;
  });
  const imports = [
    `import { ${[...used].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} } from './runtime/index.ts';`,
    `import type { paths } from './schema.d.ts';`,
  ];
  const header = generatedHeader(`The ${model.info.title} operations, one standalone function each: op(createConfig(options), input).`, sourceName(model));
  return header + imports.join('\n') + '\n\n' + statements.join('\n');
}
