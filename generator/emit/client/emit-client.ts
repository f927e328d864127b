// client.ts, index.ts and the runtime of an API package. client.ts is thin: an interface per tag
// whose members are typed from `paths` (runtime/types.ts computes inputs, results and errors),
// the operation table as one JSON literal, and a factory that hands both to the runtime.
// Printed as text in its final layout (print.ts): no formatter, no compiler API.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toIdentifier } from '../../model/names.ts';
import { methodPath } from '../../model/naming.ts';
import type { ApiModel } from '../../model/types.ts';
import type { ApiEmitter, EmitContext, EmittedFile } from '../emitter.ts';
import { apiTitle, generatedHeader, sourceName } from '../header.ts';
import { identifier, literal, literalUnion, propertyKey, tableStatement } from '../safe.ts';
import { operationType } from '../validators/plan.ts';
import { clientTable, type ClientTable, type OperationEntry } from './analyze.ts';
import { configType } from './config-type.ts';
import { operationDocs, provenanceDoc, textDocs } from './docs.ts';
import { operationsSource } from './emit-operations.ts';
import { functionDeclaration, interfaceDeclaration, typeAlias, type Member } from './print.ts';

const runtimeDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'runtime');

/** Names the runtime's index exports; client.ts must not export the same (index.ts re-exports both). */
export const runtimeExports = [
  'buildClient', 'fullCodec', 'ClientOptions', 'createConfig', 'Config', 'ConfigOptions', 'ErrorEvent', 'Hooks',
  'RequestEvent', 'ResponseEvent', 'Validation', 'call', 'defineOperation', 'RawOperation', 'RawResult',
  'BodyEncoder', 'Codec', 'ParamSerializer', 'RawInput', 'codecFor', 'Authenticator', 'authenticate', 'styledParams', 'encodeBody', 'batch', 'waitForJob', 'validation',
  'Validators', 'ValidationTables', 'OperationMeta', 'Operation',
  'ApiError', 'ClientError', 'JobTimeoutError', 'MissingCredentialError', 'NetworkError', 'RedirectError', 'RequestValidationError',
  'ResponseBodyError', 'ResponseValidationError', 'TimeoutError', 'RequestSummary', 'ValidationIssue', 'CsvEncodeError', 'encodeCsv',
  'encodeCsvField', 'CsvOptions', 'CsvRow', 'CsvRows', 'CsvValue', 'defaultRetry', 'parseResetTime', 'parseRetryAfter',
  'RetryOptions', 'systemClock', 'Clock', 'ApiMeta', 'Readable', 'Writable', 'Plain', 'Simplify', 'OpConfig',
  'CallOptions', 'MultipartBody', 'Input', 'JsonBody', 'Args', 'StatusRange', 'BodyOf', 'HeadersOf', 'Result',
  'Success', 'Failure', 'SuccessData', 'FailureResult', 'Method', 'BatchOutcome', 'BatchChunk', 'BatchReport',
  'BatchOptions', 'BatchMethod', 'ArrayBatchMethod', 'DefaultedKeys', 'WaitForJobOptions', 'IdentifyHelper',
  'TrackHelper', 'BodyProp', 'DataOf', 'paths', 'components', 'operations',
  'items', 'pages', 'RawPage', 'download', 'downloadUrl', 'DownloadOptions', 'DownloadResult', 'Budget', 'RateLimitOptions', 'pacing', 'Limiter', 'DownloadError',
  'ItemsAt', 'Page', 'Paginated', 'Downloadable',
];

/** The hand-written runtime, copied into the package with a header (sorted, so output is stable). */
export function runtimeFiles(model: ApiModel): EmittedFile[] {
  return readdirSync(runtimeDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => ({
      path: `runtime/${f}`,
      contents: generatedHeader(`The client runtime (${f}), copied from oaskit's generator/runtime/${f}.`, sourceName(model)) + readFileSync(join(runtimeDir, f), 'utf8'),
    }));
}

/**
 * The named types of one operation (`DeleteUsersInput`, `DeleteUsersResult`, `DeleteUsersFailure`,
 * and `DeleteUsersBody` for a batch), and its method type written with them: an editor then shows
 * a call as `(input: DeleteUsersInput) => Promise<…the success body…>` instead of the `paths` entry.
 */
function methodTypes(model: ApiModel, f: OperationEntry, taken: Set<string>): { type: string; aliases: string[]; imports: string[] } {
  const op = operationType(f.op, false);
  const cfg = configType(f);
  const names = model.names.operations.get(f.op)!;
  const call = '`' + methodPath(names) + '`';
  const name = (suffix: string) => uniqueTypeName(names.type + suffix, taken);
  const alias = (aliasName: string, type: string, docs: string) => typeAlias({ name: aliasName, type, docs: textDocs(docs) });
  const [input, result, failure] = [name('Input'), name('Result'), name('Failure')];
  const aliases = [
    alias(`${input}<PD extends string = never>`, `Input<${op}, ${cfg}, PD>`, `What ${call} takes: its parameters by location, its body and call options.`),
    alias(result, `Result<${op}, ${cfg}>`, `Every documented outcome of ${call} (\`.result()\`), discriminated by \`status\`.`),
    alias(failure, `Failure<${op}, ${cfg}>`, `The documented failures of ${call}: what its \`ApiError\` carries.`),
  ];
  const imports = ['Input', 'Result', 'Failure', 'SuccessData'];
  const pieces = `${input}<PD>, SuccessData<${op}, ${cfg}>, ${result}, ${failure}`;
  const batch = f.meta.batch;
  let type: string;
  if (!batch) type = `Method<${pieces}>`, imports.push('Method');
  else {
    const body = name('Body');
    aliases.push(alias(body, `JsonBody<${op}, ${cfg}>`, `The JSON body of ${call}, as \`.batch()\` takes it.`));
    imports.push('JsonBody');
    if (batch.root !== undefined) type = `ArrayBatchMethod<${pieces}, ${body}>`, imports.push('ArrayBatchMethod');
    else type = `BatchMethod<${pieces}, ${body}, ${literalUnion(batch.arrays.map(([n]) => n))}>`, imports.push('BatchMethod');
  }
  // `.all()` yields the type of the items where the spec says they are
  const pagination = f.meta.pagination;
  if (pagination) type += ` & Paginated<${op}, ${cfg}, PD, [${pagination.items.map((k) => literal(k)).join(', ')}]>`, imports.push('Paginated');
  if (f.meta.download) type += ` & Downloadable<${op}, ${cfg}, PD>`, imports.push('Downloadable');
  return { type, aliases, imports };
}

function uniqueTypeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = base + n;
  taken.add(name);
  return name;
}

export function clientSource(model: ApiModel, table: ClientTable, ctx: EmitContext, hasValidators: boolean): string {
  const api = model.names.api;
  const factory = identifier(model.names.factory);
  const taken = new Set([...runtimeExports, factory]);
  const clientName = uniqueTypeName(`${api}Client`, taken);
  const optionsName = uniqueTypeName(`${api}ClientOptions`, taken);
  const pathParamsName = uniqueTypeName(`${api}PathParams`, taken);
  const statements: string[] = [];

  const runtimeImports = new Set(['ApiMeta', 'ClientOptions']);
  const groupInterfaces: string[] = [];
  const clientMembers: Member[] = [];
  const byOp = new Map(table.operations.map((f) => [f.op, f]));
  const tags = new Map(model.tags.map((t) => [t.name, t]));
  const operationAliases: string[] = [];
  const member = (name: string, index: number): Member => {
    const f = byOp.get(model.operations[index]!)!;
    const { type, aliases, imports } = methodTypes(model, f, taken);
    operationAliases.push(...aliases);
    imports.forEach((i) => runtimeImports.add(i));
    return { name: identifier(name), type, isReadonly: true, docs: operationDocs(model, f, ctx) };
  };

  for (const [group, methods] of table.meta.layout) {
    // untagged operations are methods of the client itself
    if (group === '') {
      clientMembers.push(...methods.map(([name, index]) => member(name, index)));
      continue;
    }
    const tag = byOp.get(model.operations[methods[0]![1]]!)!.op.tags[0];
    const interfaceName = uniqueTypeName(`${toIdentifier(group, 'pascal')}Operations`, taken);
    const properties = methods.map(([name, index]) => member(name, index));
    const tagInfo = tag === undefined ? undefined : tags.get(tag);
    const groupDocs = textDocs(`The ${tag} operations.`, tagInfo?.description, tagInfo && provenanceDoc(tagInfo.extensions));
    groupInterfaces.push(interfaceDeclaration({ name: interfaceName, typeParameters: ['PD extends string = never'], members: properties, docs: groupDocs }));
    clientMembers.push({ name: identifier(group), type: `${interfaceName}<PD>`, isReadonly: true, docs: groupDocs });
  }

  const opType = (index: number) => operationType(model.operations[index]!, false);
  const cfgOf = (index: number) => configType(byOp.get(model.operations[index]!)!);
  if (table.meta.job) {
    const { operation, helper, property, terminal } = table.meta.job;
    const statusOp = model.operations[operation]!;
    const pathNames = statusOp.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    runtimeImports.add('WaitForJobOptions').add('DataOf');
    clientMembers.push({
      name: identifier(helper),
      isReadonly: true,
      type: `(job: object | string, options?: WaitForJobOptions & { path?: { ${pathNames.map((n) => `${propertyKey(n)}?: string | number`).join('; ')} } }) => Promise<DataOf<${opType(operation)}, ${cfgOf(operation)}>>`,
      docs: textDocs(
        `Polls \`${statusOp.method.toUpperCase()} ${statusOp.path}\` (${statusOp.id}) until \`${property}\` is one of ${terminal.map((t) => '`' + JSON.stringify(t) + '`').join(', ')}, and resolves with that last status. ` +
          `\`job\` is the body of the response that started the job: its ${pathNames.map((n) => '`' + n + '`').join(', ')} (or a URL in it) name the job. ` +
          'Rejects with JobTimeoutError after `timeoutMs` (default 10 minutes); polls every `intervalMs` (default 2 s).',
      ),
    });
  }
  let eventNamesType: string | undefined;
  const eventNames = model.facts.segment.track?.eventNames;
  const eventNamesSchema = eventNames && model.schemas.find((s) => s.schema === eventNames)?.name;
  if (eventNamesSchema !== undefined) {
    eventNamesType = uniqueTypeName(toIdentifier(eventNamesSchema, 'pascal'), taken);
    statements.push(
      typeAlias({
        name: eventNamesType,
        type: `components["schemas"][${literal(eventNamesSchema)}]`,
        docs: textDocs(eventNames!.description, `The \`${eventNamesSchema}\` schema.`),
      }),
    );
  }
  const segment = table.meta.segment;
  for (const kind of ['identify', 'track'] as const) {
    const call = segment?.[kind];
    if (!call) continue;
    const op = model.operations[call.operation]!;
    const userKey = call.userId[0] === 'path' ? literal(call.userId[1]) : 'never';
    const target = opType(call.operation);
    const cfg = cfgOf(call.operation);
    runtimeImports.add(kind === 'identify' ? 'IdentifyHelper' : 'TrackHelper');
    if (kind === 'identify') {
      runtimeImports.add(call.traits ? 'BodyProp' : 'JsonBody');
      const traits = call.traits ? `BodyProp<${target}, ${cfg}, ${literal(call.traits)}>` : `JsonBody<${target}, ${cfg}>`;
      clientMembers.push({
        name: identifier(call.helper),
        isReadonly: true,
        type: `IdentifyHelper<${target}, ${cfg}, PD, ${userKey}, ${traits}>`,
        docs: textDocs(`A Segment-style identify: sets \`traits\` on the user's profile through ${op.id} (\`${op.method.toUpperCase()} ${op.path}\`).`),
      });
    } else {
      runtimeImports.add('BodyProp');
      const eventType = eventNamesType ? `${eventNamesType} | (string & {})` : `BodyProp<${target}, ${cfg}, ${literal(call.event!)}>`;
      const props = call.properties ? `BodyProp<${target}, ${cfg}, ${literal(call.properties)}>` : 'never';
      clientMembers.push({
        name: identifier(call.helper),
        isReadonly: true,
        type: `TrackHelper<${target}, ${cfg}, PD, ${userKey}, ${eventType}, ${props}>`,
        docs: textDocs(
          `A Segment-style track: records \`event\` with \`properties\` for the user through ${op.id} (\`${op.method.toUpperCase()} ${op.path}\`)` +
            (call.timestamp ? `, with \`${call.timestamp}\` set to the time of the call.` : '.'),
        ),
      });
    }
  }

  statements.push(
    typeAlias({
      name: pathParamsName,
      type: model.facts.pathParamNames.length ? `{ ${model.facts.pathParamNames.map((n) => `${propertyKey(n)}?: string | number`).join('; ')} }` : 'Record<string, never>',
      docs: textDocs('Path parameters a client can be given once (`pathParams`) instead of in every call.'),
    }),
  );
  statements.push(interfaceDeclaration({
    name: optionsName,
    extends: ['ClientOptions'],
    members: table.options.map((o) => ({
      name: identifier(o.name),
      type: 'string',
      hasQuestionToken: !o.required,
      docs: textDocs(`Credential: ${o.role}.`, o.scheme.scheme.description, provenanceDoc(o.scheme.scheme.extensions)),
    })),
    docs: textDocs(`Options of \`${factory}\`: the credentials of the ${apiTitle(model)} and the client's behaviour.`),
  }));
  statements.push(...operationAliases);
  statements.push(...groupInterfaces);
  statements.push(interfaceDeclaration({
    name: clientName,
    typeParameters: ['PD extends string = never'],
    members: clientMembers,
    docs: textDocs(`A client of the ${apiTitle(model)} (${model.info.version}).`, provenanceDoc(model.extensions), provenanceDoc(model.info.extensions), ...model.servers.map((s) => provenanceDoc(s.extensions))),
  }));
  statements.push('/** What the runtime needs to know about each operation (generated from the spec). */\n' + tableStatement('api', 'ApiMeta', { ...table.meta }));
  statements.push(functionDeclaration({
    name: factory,
    typeParameters: [`const K extends keyof ${pathParamsName} & string = never`],
    parameters: [`options: ${optionsName} & { pathParams?: { [P in K]: string | number } }`],
    returnType: `${clientName}<K>`,
    // the validators are loaded on the first check only: a client that never validates never loads them
    body: [`return buildClient(options, api, ${hasValidators ? "() => import('./validators.ts')" : 'undefined'}) as ${clientName}<K>;`],
    docs: textDocs(
      `Creates a client of the ${apiTitle(model)}. Each method returns the success body and throws an ApiError for an error status; \`.result()\` returns every documented outcome instead.`,
      model.info.summary,
    ),
  }));
  const typeOnly = [...runtimeImports].sort().map((name) => `type ${name}`);
  const imports = [
    `import { buildClient, ${typeOnly.join(', ')} } from './runtime/index.ts';`,
    `import type { components, paths } from './schema.d.ts';`,
  ];
  const header = generatedHeader(`The ${model.info.title} client: ${factory}(options).<group>.<method>(input).`, sourceName(model));
  return header + imports.join('\n') + '\n\n' + statements.map((st) => st.trimEnd()).join('\n\n') + '\n';
}

/** client.ts, index.ts and the runtime; `validators: false` leaves the validator hook unwired. */
export function clientFiles(model: ApiModel, ctx: EmitContext, options: { validators?: boolean } = {}): EmittedFile[] {
  const table = clientTable(model, options);
  const index =
    generatedHeader(`The ${model.info.title} package: the client, its runtime (errors, CSV, retry options) and the spec's types.`, sourceName(model)) +
    `export * from './client.ts';\nexport * from './operations.ts';\nexport * from './runtime/index.ts';\nexport type { components, operations, paths } from './schema.d.ts';\n`;
  return [
    { path: 'client.ts', contents: clientSource(model, table, ctx, options.validators !== false) },
    { path: 'operations.ts', contents: operationsSource(model, table, ctx) },
    { path: 'index.ts', contents: index },
    ...runtimeFiles(model),
  ];
}

export const clientEmitter: ApiEmitter = {
  name: 'client',
  emit: (model, ctx) => clientFiles(model, ctx),
};
