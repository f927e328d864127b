// client.ts, index.ts and the runtime of an API package. client.ts is thin: an interface per tag
// whose members are typed from `paths` (runtime/types.ts computes inputs, results and errors),
// the operation table as one JSON literal, and a factory that hands both to the runtime.
// Built with ts-morph from structures in one batch and printed once (STYLE.md).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Project,
  StructureKind,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
} from 'ts-morph';
import { toIdentifier } from '../../model/names.ts';
import type { ApiModel } from '../../model/types.ts';
import type { ApiEmitter, EmitContext, EmittedFile } from '../emitter.ts';
import { generatedHeader, sourceName } from '../header.ts';
import { identifier, literal, literalUnion, propertyKey, tableStatement } from '../safe.ts';
import { operationType } from '../validators/plan.ts';
import { clientTable, type ClientTable, type OperationEntry } from './analyze.ts';
import { operationDocs, textDocs } from './docs.ts';

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
  'items', 'pages', 'RawPage', 'download', 'downloadUrl', 'DownloadOptions', 'DownloadResult', 'Budget', 'RateLimitOptions', 'DownloadError',
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

/** "the Petstore REST API", "the Petstore API" */
function apiTitle(model: ApiModel): string {
  return /\bAPI\b/i.test(model.info.title) ? model.info.title : `${model.info.title} API`;
}

/** `{ ct: "application/json"; dates: "X-RateLimit-Reset" }` */
function configType(f: OperationEntry): string {
  const entries: [string, string[]][] = [
    ['ct', f.facts.defaultMedia ? [f.facts.defaultMedia] : []],
    ['credQuery', f.facts.credentialParams.filter((c) => c.in === 'query').map((c) => c.name)],
    ['credHeader', f.facts.credentialParams.filter((c) => c.in === 'header').map((c) => c.name)],
    ['credCookie', f.facts.credentialParams.filter((c) => c.in === 'cookie').map((c) => c.name)],
    ['credBody', f.facts.credentialBody.map((c) => c.property)],
    ['autoHeader', f.facts.idempotencyKey !== undefined ? [f.facts.idempotencyKey] : []],
    ['csv', f.facts.csvParts],
    ['dates', [...new Set([...f.facts.headers.values()].flatMap((hs) => hs.filter((h) => h.kind === 'date').map((h) => h.name)))]],
  ];
  const members = entries.filter(([, v]) => v.length).map(([k, v]) => `${k}: ${literalUnion(v)}`);
  return members.length ? `{ ${members.join('; ')} }` : '{}';
}

/** The method's type, and the runtime types it names. */
function methodType(f: OperationEntry): { type: string; uses: string[] } {
  const op = operationType(f.op, false);
  const cfg = configType(f);
  const batch = f.meta.batch;
  const parts: string[] = [];
  const uses: string[] = [];
  if (batch?.root !== undefined) parts.push(`ArrayBatchMethod<${op}, ${cfg}, PD>`), uses.push('ArrayBatchMethod');
  else if (batch) parts.push(`BatchMethod<${op}, ${cfg}, PD, ${literalUnion(batch.arrays.map(([n]) => n))}>`), uses.push('BatchMethod');
  else parts.push(`Method<${op}, ${cfg}, PD>`), uses.push('Method');
  // `.all()` yields the type of the items where the spec says they are
  const pagination = f.meta.pagination;
  if (pagination) parts.push(`Paginated<${op}, ${cfg}, PD, [${pagination.items.map((k) => literal(k)).join(', ')}]>`), uses.push('Paginated');
  if (f.meta.download) parts.push(`Downloadable<${op}, ${cfg}, PD>`), uses.push('Downloadable');
  return { type: parts.join(' & '), uses };
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
  const statements: (string | StatementStructures)[] = [];

  const runtimeImports = new Set(['ApiMeta', 'ClientOptions']);
  const groupInterfaces: InterfaceDeclarationStructure[] = [];
  const clientMembers: OptionalKind<PropertySignatureStructure>[] = [];
  const byOp = new Map(table.operations.map((f) => [f.op, f]));
  const tags = new Map(model.tags.map((t) => [t.name, t]));
  const member = (name: string, index: number): OptionalKind<PropertySignatureStructure> => {
    const f = byOp.get(model.operations[index]!)!;
    const { type, uses } = methodType(f);
    for (const u of uses) runtimeImports.add(u);
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
    const groupDocs = textDocs(`The ${tag} operations.`, tagInfo?.description);
    groupInterfaces.push({ kind: StructureKind.Interface, name: interfaceName, isExported: true, typeParameters: ['PD extends string = never'], properties, docs: groupDocs });
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
    statements.push({
      kind: StructureKind.TypeAlias,
      name: eventNamesType,
      isExported: true,
      type: `components["schemas"][${literal(eventNamesSchema)}]`,
      docs: textDocs(eventNames!.description, `The \`${eventNamesSchema}\` schema.`),
    });
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

  statements.push({
    kind: StructureKind.TypeAlias,
    name: pathParamsName,
    isExported: true,
    type: model.facts.pathParamNames.length ? `{ ${model.facts.pathParamNames.map((n) => `${propertyKey(n)}?: string | number`).join('; ')} }` : 'Record<string, never>',
    docs: textDocs('Path parameters a client can be given once (`pathParams`) instead of in every call.'),
  });
  statements.push({
    kind: StructureKind.Interface,
    name: optionsName,
    isExported: true,
    extends: ['ClientOptions'],
    properties: table.options.map((o) => ({
      name: identifier(o.name),
      type: 'string',
      hasQuestionToken: !o.required,
      docs: textDocs(`Credential: ${o.role}.`, o.scheme.scheme.description),
    })),
    docs: textDocs(`Options of \`${factory}\`: the credentials of the ${apiTitle(model)} and the client's behaviour.`),
  });
  statements.push(...groupInterfaces);
  statements.push({
    kind: StructureKind.Interface,
    name: clientName,
    isExported: true,
    typeParameters: ['PD extends string = never'],
    properties: clientMembers,
    docs: textDocs(`A client of the ${apiTitle(model)} (${model.info.version}).`),
  });
  statements.push('/** What the runtime needs to know about each operation (generated from the spec). */\n' + tableStatement('api', 'ApiMeta', { ...table.meta }));
  statements.push({
    kind: StructureKind.Function,
    name: factory,
    isExported: true,
    typeParameters: [`const K extends keyof ${pathParamsName} & string = never`],
    parameters: [{ name: 'options', type: `${optionsName} & { pathParams?: { [P in K]: string | number } }` }],
    returnType: `${clientName}<K>`,
    // the validators are loaded on the first check only: a client that never validates never loads them
    statements: [`return buildClient(options, api, ${hasValidators ? "() => import('./validators.ts')" : 'undefined'}) as ${clientName}<K>;`],
    docs: textDocs(
      `Creates a client of the ${apiTitle(model)}. Each method returns the success body and throws an ApiError for an error status; \`.result()\` returns every documented outcome instead.`,
      model.info.summary,
    ),
  });
  runtimeImports.add('buildClient');
  const typeOnly = [...runtimeImports].filter((n) => n !== 'buildClient').sort();
  const imports: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './runtime/index.ts',
      namedImports: [{ name: 'buildClient' }, ...typeOnly.map((name) => ({ name, isTypeOnly: true }))],
    },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './schema.d.ts', namedImports: ['components', 'paths'] },
  ];

  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const file = project.createSourceFile('client.ts', { statements: [...imports, '', ...statements] });
  return generatedHeader(`The ${model.info.title} client: ${factory}(options).<group>.<method>(input).`, sourceName(model)) + file.getFullText();
}

/** client.ts, index.ts and the runtime; `validators: false` leaves the validator hook unwired. */
export function clientFiles(model: ApiModel, ctx: EmitContext, options: { validators?: boolean } = {}): EmittedFile[] {
  const table = clientTable(model, options);
  const index =
    generatedHeader(`The ${model.info.title} package: the client, its runtime (errors, CSV, retry options) and the spec's types.`, sourceName(model)) +
    `export * from './client.ts';\nexport * from './runtime/index.ts';\nexport type { components, operations, paths } from './schema.d.ts';\n`;
  return [{ path: 'client.ts', contents: clientSource(model, table, ctx, options.validators !== false) }, { path: 'index.ts', contents: index }, ...runtimeFiles(model)];
}

export const clientEmitter: ApiEmitter = {
  name: 'client',
  emit: (model, ctx) => clientFiles(model, ctx),
};
