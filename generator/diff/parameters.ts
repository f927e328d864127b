// The parameter family: parameters matched by where they go and their name (path parameters by
// their place in the path, so a renamed one is the same parameter: the SDK check reports the
// rename), then required-ness, serialisation and schema.
import type { Operation, Parameter } from '../model/types.ts';
import { defineChecks } from './checks.ts';
import { docText, type DiffContext } from './context.ts';

export const parameterChecks = defineChecks('parameters', {
  'new-required-request-parameter': ['breaking', 'major', 'a new required parameter (requests without it are rejected; the SDK input gains a required field)'],
  'new-optional-request-parameter': ['info', 'minor', 'a new optional parameter'],
  'request-parameter-removed': ['breaking', 'major', 'a parameter is gone (servers may ignore it; the SDK input no longer has it)'],
  'request-parameter-became-required': ['breaking', 'major', 'an optional parameter became required'],
  'request-parameter-became-optional': ['info', 'minor', 'a required parameter became optional'],
  'request-parameter-serialization-changed': ['breaking', 'major', "a parameter's style, explode or content media type changed (the same value is sent differently)"],
});

/** `query limit`; a path parameter by its place (`path #1`) so a rename is the same parameter. */
export function parameterKey(op: Operation, p: Parameter): string {
  if (p.in === 'path') {
    const names = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const i = names.indexOf(p.name);
    return i >= 0 ? `path #${i}` : `path ${p.name}`;
  }
  return `${p.in} ${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

export function parameterSchema(p: Parameter) {
  return p.schema ?? p.content[0]?.schema;
}

export function parameterChanges(ctx: DiffContext): void {
  for (const { old, new: n, label } of ctx.pairs) {
    const olds = new Map(old.parameters.map((p) => [parameterKey(old, p), p]));
    const news = new Map(n.parameters.map((p) => [parameterKey(n, p), p]));
    for (const [key, p] of olds) {
      const q = news.get(key);
      const where = `${p.in} parameter '${q?.name ?? p.name}'`;
      if (!q) {
        ctx.add('request-parameter-removed', `${where} removed`, p.loc, label);
        continue;
      }
      if (!p.required && q.required) ctx.add('request-parameter-became-required', `${where} became required`, q.loc, label);
      if (p.required && !q.required) ctx.add('request-parameter-became-optional', `${where} became optional`, q.loc, label);
      const style = (x: Parameter) => `${x.style ?? defaultStyle(x)}/${x.explode ?? (x.style ?? defaultStyle(x)) === 'form'}/${x.content[0]?.contentType ?? ''}`;
      if (style(p) !== style(q)) ctx.add('request-parameter-serialization-changed', `${where}: serialisation ${style(p)} → ${style(q)} (style/explode/media type)`, q.loc, label);
      if (p.deprecated !== q.deprecated) ctx.add('deprecation-changed', `${where} of ${label} ${q.deprecated ? 'is now deprecated' : 'is no longer deprecated'}`, q.loc);
      if (docText(p.description) !== docText(q.description)) ctx.add('description-changed', `description of ${where} of ${label} changed`, q.loc);
      ctx.schemas('request', 'parameter', where, parameterSchema(p), parameterSchema(q), label);
    }
    for (const [key, q] of news) {
      if (olds.has(key)) continue;
      ctx.add(q.required ? 'new-required-request-parameter' : 'new-optional-request-parameter', `new ${q.required ? 'required' : 'optional'} ${q.in} parameter '${q.name}'`, q.loc, label);
    }
  }
}

function defaultStyle(p: Parameter): string {
  return p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
}
