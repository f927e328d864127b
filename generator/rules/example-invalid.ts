// example-invalid: an example validates against the schema it illustrates: `example`/`examples`
// of parameters, headers and media types, and `example`/`examples` written inside a schema.
// The diagnostic points at the offending value inside the example; an example with many problems
// (a response sample out of date) gives one diagnostic at the example, each problem in `related`.
import { escapeSegment, isObject } from '../core/pointer.ts';
import type { Loc } from '../load/workspace.ts';
import { describeError } from './ajv-errors.ts';
import { mediaKind } from '../runtime/media.ts';
import { ExampleValidator, type Direction } from './example-validator.ts';
import { PatternTimeout } from '../validators/pattern-sandbox.ts';
import { finding, type Finding, type Rule, type RuleContext } from './rule.ts';
import type { Site } from '../load/spec-index.ts';

export const exampleInvalid: Rule = {
  id: 'example-invalid',
  description: 'An example must validate against the schema it illustrates.',
  check(ctx) {
    return [...exampleSteps(ctx)].flat();
  },
  steps: exampleSteps,
};

/** From this many problems in one example on, they come as one diagnostic. */
const manyProblems = 4;

/** One step per object holding examples (a parameter, a header, a media type, a schema). */
function* exampleSteps(ctx: RuleContext): Generator<Finding[]> {
  const validator = new ExampleValidator(ctx.workspace, ctx.version, ctx.exampleVerdicts);
  const seen = new Set<string>();
  const check = (into: Finding[], schemaLoc: Loc, schema: unknown, valueLoc: Loc, value: unknown, label: string, direction: Direction) => {
    let errors;
    try {
      errors = validator.validate(schemaLoc, schema, value, direction);
    } catch (error) {
      if (!(error instanceof PatternTimeout)) throw error;
      into.push({ ...finding(valueLoc, `${label} could not be checked: ${error.message}`), limit: 'limit-time' });
      return;
    }
    const out: Finding[] = [];
    for (const e of errors ?? []) {
      const extra = e.params.additionalProperty ?? e.params.unevaluatedProperty;
      const path = extra !== undefined ? `${e.instancePath}/${escapeSegment(String(extra))}` : e.instancePath;
      const at = { file: valueLoc.file, pointer: valueLoc.pointer + path };
      const hint = e.keyword === 'type' && e.instancePath === '' && typeof value === 'string' && holdsJson(value) ? ' (it is a string holding JSON: write the value itself)' : '';
      const message = `${label}${e.instancePath ? ` at ${e.instancePath}` : ''} ${describeError(e)}${hint}`;
      const key = `${at.file}#${at.pointer}#${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding(at, message, extra !== undefined || e.keyword === 'required'));
    }
    if (out.length < manyProblems) into.push(...out);
    else {
      const shown = out.slice(0, 3).map((f) => f.message.slice(label.length + 1));
      into.push({
        ...finding(valueLoc, `${label} has ${out.length} problems: ${shown.join('; ')}; and ${out.length - shown.length} more`),
        related: out.map((f) => ({ file: f.file, pointer: f.pointer, message: f.message, ...(f.atKey ? { atKey: true } : {}) })),
      });
    }
  };
  for (const site of ctx.index.sites) {
    const v = site.value;
    if (!isObject(v)) continue;
    const out: Finding[] = [];
    if (site.kind === 'parameter' || site.kind === 'header' || site.kind === 'mediaType') {
      if (v.schema === undefined) continue;
      const schemaLoc = { file: site.loc.file, pointer: site.loc.pointer + '/schema' };
      const direction = directionOf(site);
      // a non-JSON body's example may be written serialised (`a=1&b=2`): nothing to compare
      const kind = site.kind === 'mediaType' ? mediaKind(site.via[1] ?? '') : 'json';
      const serialised = kind !== 'json' && kind !== 'any';
      for (const ex of examplesOf(ctx, site)) {
        if (serialised && typeof ex.value === 'string') continue;
        check(out, schemaLoc, v.schema, ex.loc, ex.value, ex.label, direction);
      }
    } else if (site.kind === 'schema') {
      if (ctx.version === '3.0' && typeof v.$ref === 'string') continue; // 3.0: $ref hides its siblings
      if ('example' in v) check(out, site.loc, v, { file: site.loc.file, pointer: site.loc.pointer + '/example' }, v.example, 'example', 'any');
      if (ctx.version === '3.1' && Array.isArray(v.examples)) {
        v.examples.forEach((value, i) => check(out, site.loc, v, { file: site.loc.file, pointer: `${site.loc.pointer}/examples/${i}` }, value, `examples[${i}]`, 'any'));
      }
    } else continue;
    yield out;
  }
}

function directionOf(site: Site): Direction {
  for (let s: Site | undefined = site; s; s = s.parent) {
    if (s.kind === 'requestBody' || s.kind === 'parameter') return 'request';
    if (s.kind === 'response') return 'response';
  }
  return 'any';
}

/** `example` and the values of `examples` (Example objects, refs followed). */
function examplesOf(ctx: RuleContext, site: Site): { loc: Loc; value: unknown; label: string }[] {
  const v = site.value as Record<string, unknown>;
  const out: { loc: Loc; value: unknown; label: string }[] = [];
  if ('example' in v) out.push({ loc: { file: site.loc.file, pointer: site.loc.pointer + '/example' }, value: v.example, label: 'example' });
  if (isObject(v.examples)) {
    for (const [name, raw] of Object.entries(v.examples)) {
      const r = ctx.workspace.deref({ file: site.loc.file, pointer: `${site.loc.pointer}/examples/${escapeSegment(name)}` }, raw);
      if (!r.ok || !isObject(r.target.value) || !('value' in r.target.value)) continue;
      out.push({ loc: { file: r.target.loc.file, pointer: r.target.loc.pointer + '/value' }, value: r.target.value.value, label: `example '${name}'` });
    }
  }
  return out;
}

function holdsJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
