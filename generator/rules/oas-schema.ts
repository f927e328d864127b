// oas-schema: the document against the official OpenAPI JSON Schema of its version (Ajv, compiled
// once per process; 3.1 schemas are also checked against the JSON Schema 2020-12 meta-schema).
// Ajv reports every failed branch of every oneOf/anyOf; the errors are reduced to the ones that
// say something, and each points at the offending node (a key for an unknown property).
// Files reached through `$ref` are validated in place: the ref is replaced by its target before
// validation, and errors inside it are mapped back to that file.
import { escapeSegment, isObject, parsePointer, toPointer } from '../core/pointer.ts';
import { grammar, kindAt } from '../core/grammar.ts';
import { closest } from '../core/suggest.ts';
import type { Suggestion } from '../core/diagnostic.ts';
import type { Loc, Workspace } from '../load/workspace.ts';
import { describeError, reduceErrors, type VerboseError } from './ajv-errors.ts';
import { openApiValidators, type Container, type ValidateFunction } from './openapi-schemas.ts';
import type { Finding, Rule, RuleContext } from './rule.ts';

export const oasSchema: Rule = {
  id: 'oas-schema',
  description: 'The document must be valid against the OpenAPI JSON Schema of its version.',
  check(ctx) {
    return validateDocument(ctx);
  },
};

export function validateDocument(ctx: Pick<RuleContext, 'workspace' | 'version' | 'loadDiagnostics'>): Finding[] {
  const ws = ctx.workspace;
  const { value, locate } = ws.loadedFiles().length > 1 ? inlineExternal(ws) : { value: ws.root.value, locate: (p: string): Loc => ({ file: ws.root.path, pointer: p }) };
  const raw = validate(ctx.version, value);
  if (raw.length === 0) return [];
  // what the loader already reports as a warning (a number for a version, a 3.0 document of
  // components only) is read that way, not reported again as an error
  const lenient = new Set(ctx.loadDiagnostics.map((d) => d.code));
  const errors = reduceErrors(raw).filter(
    (e) =>
      !(lenient.has('info-version-not-string') && e.instancePath === '/info/version') &&
      !(lenient.has('oas-version-not-string') && e.instancePath === '/openapi') &&
      !(lenient.has('oas-paths-missing') && e.instancePath === '' && e.params.missingProperty === 'paths'),
  );
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const unknown = e.params.unevaluatedProperty ?? e.params.additionalProperty ?? e.params.invalidName;
    const path = unknown !== undefined ? e.instancePath + '/' + escapeSegment(String(unknown)) : e.instancePath;
    const loc = locate(path);
    // in a file reached through a $ref, the path is that file's own (the same node may be
    // reached from several places of the document)
    const where = loc.file === ws.root.path ? e.instancePath : unknown !== undefined ? loc.pointer.slice(0, loc.pointer.lastIndexOf('/')) : loc.pointer;
    const suggestion = suggest(e, value, unknown);
    const message = `${where || '/'} ${describeError(e)}${suggestion ? `; did you mean '${suggestion.text}'?` : ''}`;
    const key = `${loc.file}#${loc.pointer}#${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // a missing property is reported at the object's key (`info:`), an unknown one at its own key
    const atKey = unknown !== undefined || e.keyword === 'required';
    out.push({ message, file: loc.file, pointer: loc.pointer, ...(atKey && loc.pointer !== '' ? { atKey: true } : {}), ...(suggestion ? { suggestion } : {}) });
  }
  return out;
}

/** Did you mean: a known field for an unknown key (from the grammar), an allowed value for a wrong one. */
function suggest(e: VerboseError, doc: unknown, unknown: unknown): Suggestion | undefined {
  if (unknown !== undefined) {
    if (typeof unknown !== 'string' || unknown.startsWith('x-')) return undefined;
    const kind = kindAt(doc, parsePointer(e.instancePath), 'document', 'expected');
    const text = kind ? closest(unknown, Object.keys(grammar[kind].fields)) : undefined;
    return text ? { text, part: 'key' } : undefined;
  }
  if (e.keyword === 'enum' && typeof e.data === 'string' && Array.isArray(e.params.allowedValues)) {
    const text = closest(e.data, e.params.allowedValues.filter((v): v is string => typeof v === 'string'));
    return text ? { text, part: 'value' } : undefined;
  }
  return undefined;
}

/** Remembered errors of a member (a path item, a component) by the member's object: an edit
 * elsewhere in the document does not validate it again. */
const memberErrors = new WeakMap<object, Map<ValidateFunction, VerboseError[]>>();
const placeholders: Record<string, unknown> = { schemas: {}, pathItems: {}, paths: {}, webhooks: {} };

/**
 * Every Ajv error of a document (copies, for reduceErrors to rewrite). The members of its big
 * maps (paths, webhooks, components) are validated one by one and their errors remembered; the
 * rest of the document is validated with placeholders standing in for them.
 */
function validate(version: '3.0' | '3.1', doc: unknown): VerboseError[] {
  const validators = openApiValidators(version);
  if (!isObject(doc)) return run(validators.document, doc, '');
  const shell: Record<string, unknown> = { ...doc };
  const errors: VerboseError[] = [];
  const members = (container: Container, map: unknown, prefix: string, replace: (stub: Record<string, unknown>) => void) => {
    if (!isObject(map)) return;
    const stub: Record<string, unknown> = {};
    const placeholder = placeholders[container.kind === 'components' ? container.section : container.kind] ?? { $ref: '#' };
    for (const key of Object.keys(map)) {
      const member = map[key];
      const v = validators.member(container, key);
      if (!v || key.startsWith('x-') || !isObject(member)) {
        stub[key] = member;
        continue;
      }
      stub[key] = placeholder;
      let byValidator = memberErrors.get(member);
      if (!byValidator) memberErrors.set(member, (byValidator = new Map()));
      let found = byValidator.get(v);
      if (!found) byValidator.set(v, (found = run(v, member, '')));
      const at = `${prefix}/${escapeSegment(key)}`;
      for (const e of found) errors.push({ ...e, instancePath: at + e.instancePath });
    }
    replace(stub);
  };
  members({ kind: 'paths' }, doc.paths, '/paths', (stub) => (shell.paths = stub));
  members({ kind: 'webhooks' }, doc.webhooks, '/webhooks', (stub) => (shell.webhooks = stub));
  if (isObject(doc.components)) {
    const components: Record<string, unknown> = { ...doc.components };
    for (const section of Object.keys(doc.components)) {
      members({ kind: 'components', section }, doc.components[section], `/components/${escapeSegment(section)}`, (stub) => (components[section] = stub));
    }
    shell.components = components;
  }
  errors.push(...run(validators.document, shell, ''));
  return errors.map((e) => ({ ...e }));
}

function run(v: ValidateFunction, value: unknown, prefix: string): VerboseError[] {
  if (v(value)) return [];
  return ((v.errors ?? []) as VerboseError[]).map((e) => ({ ...e, instancePath: prefix + e.instancePath }));
}

/**
 * The root document with every ref into another file replaced by its target (and, inside such a
 * target, the refs into its own file too), plus where each replaced part came from.
 */
function inlineExternal(ws: Workspace): { value: unknown; locate: (instancePath: string) => Loc } {
  const root = ws.root.path;
  const origins: [string, Loc][] = [];
  const active = new Set<string>();
  const copy = (value: unknown, file: string, path: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => copy(v, file, [...path, String(i)]));
    if (!isObject(value)) return value;
    if (typeof value.$ref === 'string' && (file !== root || !value.$ref.startsWith('#'))) {
      const r = ws.resolveRef(file, value.$ref);
      const key = r.ok ? r.target.loc.file + '#' + r.target.loc.pointer : '';
      if (r.ok && r.target.loc.file !== root && !active.has(key)) {
        active.add(key);
        origins.push([toPointer(path), r.target.loc]);
        const out = copy(r.target.value, r.target.loc.file, path);
        active.delete(key);
        return out;
      }
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = copy(value[k], file, [...path, k]);
    return out;
  };
  const value = copy(ws.root.value, root, []);
  origins.sort((a, b) => b[0].length - a[0].length);
  return {
    value,
    locate(instancePath) {
      for (const [prefix, loc] of origins) {
        if (instancePath === prefix || instancePath.startsWith(prefix + '/')) {
          return { file: loc.file, pointer: loc.pointer + instancePath.slice(prefix.length) };
        }
      }
      return { file: root, pointer: instancePath };
    },
  };
}

