// Object keywords: required, minProperties, maxProperties, dependentRequired, properties,
// patternProperties, additionalProperties, propertyNames, dependentSchemas.
// Presence is `hasOwnProperty` and key iteration is over own keys, so `__proto__`,
// `constructor` or `toString` are properties like any other (never the prototype's).
import { _, join, literal, type Code } from '../code.ts';
import { ERRORS, type Cx } from '../compiler.ts';
import { ValidatorCompileError } from '../errors.ts';
import type { Ix } from '../interpreter.ts';
import { additionalMessage, hasOwn, requiredMessage } from '../runtime.ts';
import { count, own, type KeywordFamily } from './family.ts';
import { childPointer } from '../schema-index.ts';
import { regexFor } from './string.ts';
import { testPattern } from '../pattern-sandbox.ts';

type Schema = Record<string, unknown>;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, what: string, at: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new ValidatorCompileError(`${what} must be an array of strings`, at);
  return [...new Set(value as string[])];
}

function schemaMap(schema: Schema, keyword: string, at: string): [string, unknown][] {
  const value = own(schema, keyword);
  if (value === undefined) return [];
  if (!isObject(value)) throw new ValidatorCompileError(`${keyword} must be an object`, `${at}/${keyword}`);
  return Object.keys(value).map((key) => [key, value[key]]);
}

function required(schema: Schema, at: string): string[] {
  const value = own(schema, 'required');
  return value === undefined ? [] : stringList(value, 'required', `${at}/required`);
}

function dependentRequired(schema: Schema, at: string): [string, string[]][] {
  return schemaMap(schema, 'dependentRequired', at).map(([key, list]) => [key, stringList(list, 'dependentRequired values', `${at}/dependentRequired`)]);
}

/** Whether a subschema accepts everything (so checking it is pointless). */
function acceptsAll(schema: unknown): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

const requiredError = (name: string) => ({ keyword: 'required', params: { missingProperty: name }, message: requiredMessage(name) });
const dependentError = (name: string, trigger: string) => ({
  keyword: 'dependentRequired',
  params: { property: trigger, missingProperty: name },
  message: `must have property ${JSON.stringify(name)} when property ${JSON.stringify(trigger)} is present`,
});
const propertyCount = (n: number) => `${n} ${n === 1 ? 'property' : 'properties'}`;
const maxError = (n: number) => ({ keyword: 'maxProperties', params: { limit: n }, message: `must have at most ${propertyCount(n)}` });
const minError = (n: number) => ({ keyword: 'minProperties', params: { limit: n }, message: `must have at least ${propertyCount(n)}` });
const propertyNameMessage = (key: string) => `property name ${JSON.stringify(key)} is invalid`;

/** Names that plain objects inherit from Object.prototype. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * How properties are read: `ownValue(name)` is code for the object's own value of `name`, or
 * undefined when it has none (JSON has no undefined: a property holding undefined counts as
 * absent, as in Ajv), and `present(name)` tests that the object has it.
 *
 * hasOwnProperty with a constant key is slow in V8 (no inline cache). So a checking function
 * first tests, once per object, that the object's prototype is Object.prototype and that
 * Object.prototype carries none of the names read (`!("name" in Object.prototype)` with a
 * constant name costs next to nothing); when that holds (`f`), a defined value can only be the
 * object's own, and a property is one inline-cached load. Other objects (null or custom
 * prototypes), names Object.prototype has (`constructor`, `toString`, `__proto__`...) and a
 * polluted Object.prototype fall back to hasOwnProperty. Collecting functions, which only run on
 * invalid data, always use hasOwnProperty (less code).
 */
function propertyReader(cx: Cx, names: string[]): { ownValue: (name: string) => Code; present: (name: string) => Code } {
  const d = cx.data;
  const hasOwn = () => cx.mod.helper('hasOwn');
  const fast = cx.mode === 'is' ? [...new Set(names.filter((name) => !INHERITED.has(name)))] : [];
  let plain: Code | undefined;
  if (fast.length) {
    plain = cx.local('f');
    // One short statement per name (V8 folds each to a constant test).
    cx.emit(
      _`let ${plain} = Object.getPrototypeOf(${d}) === Object.prototype;`,
      ...fast.map((name) => _`if (${literal(name)} in Object.prototype) ${plain} = false;`),
    );
  }
  const ownValue = (name: string): Code => {
    const slow = _`${cx.mod.helper('own')}(${d}, ${literal(name)})`;
    return plain && !INHERITED.has(name) ? _`${plain} ? ${member(d, name)} : ${slow}` : slow;
  };
  const present = (name: string): Code => {
    const test = _`${hasOwn()}.call(${d}, ${literal(name)})`;
    return plain && !INHERITED.has(name) ? _`${member(d, name)} !== undefined && (${plain} || ${test})` : _`${member(d, name)} !== undefined && ${test}`;
  };
  return { ownValue, present };
}

/** `d["name"]` (a string literal key: the same load as `d.name` for V8). */
function member(d: Code, name: string): Code {
  return _`${d}[${literal(name)}]`;
}

/** Whether a subschema checks nothing (no keyword that validates). */
function checksNothing(schema: unknown): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).every((key) => ANNOTATIONS.has(key)));
}
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', '$comment']);

/** Above this many required names or properties, a checking function tests `required` and
 * `properties` with loops over constant tables (runtime helpers) rather than code per name.
 * Collecting functions always do. */
const WIDE = 32;

/** Emits into `cx` the test "`key` is one of `names`" and returns it: a chain of `===` for a few
 * names, else a switch on the key's length first (a Set lookup or a long chain costs more). */
function isOneOf(cx: Cx, key: Code, names: string[]): Code {
  if (names.length <= 4) return join(names.map((name) => _`${key} === ${literal(name)}`), ' || ');
  // Collecting (only invalid data) or very many names: a hoisted Set, one line.
  if (cx.mode === 'collect' || names.length > WIDE) return _`${cx.mod.set(names)}.has(${key})`;
  const byLength = new Map<number, string[]>();
  for (const name of names) byLength.set(name.length, [...(byLength.get(name.length) ?? []), name]);
  const known = cx.local('x');
  const cases = [...byLength].map(([length, group]) => _`case ${literal(length)}:\n${known} = ${join(group.map((name) => _`${key} === ${literal(name)}`), ' || ')};\nbreak;`);
  cx.emit(_`let ${known} = false;`, _`switch (${key}.length) {\n${join(cases, '\n')}\n}`);
  return known;
}

export const objectFamily: KeywordFamily = {
  name: 'object',
  type: 'object',
  keywords: [
    'required', 'minProperties', 'maxProperties', 'dependentRequired', 'properties',
    'patternProperties', 'additionalProperties', 'propertyNames', 'dependentSchemas',
  ],

  compile(cx: Cx) {
    const d = cx.data;
    const requiredNames = required(cx.object, cx.at);
    const properties = schemaMap(cx.object, 'properties', cx.at).filter(([, schema]) => !checksNothing(schema));
    const dependents = dependentRequired(cx.object, cx.at).filter(([, names]) => names.length > 0);
    const dependentSchemas = schemaMap(cx.object, 'dependentSchemas', cx.at);
    // Collecting, and checking a very wide object: `required` and `properties` are loops over
    // constant tables (runtime helpers), not code per name.
    const wide = cx.mode === 'collect' || requiredNames.length > WIDE || properties.length > WIDE;
    const read = [
      ...(wide ? [] : requiredNames),
      ...(wide ? [] : properties.map(([name]) => name)),
      ...dependents.flatMap(([trigger, names]) => [trigger, ...names]),
      ...dependentSchemas.map(([trigger]) => trigger),
    ];
    const { ownValue, present } = propertyReader(cx, read);

    // Collecting: every missing name, in order (a loop over a constant list). Checking: names
    // without a property schema here; the others are tested where their value is read.
    const withSchema = new Set(properties.map(([name]) => name));
    if (wide && requiredNames.length) {
      const names = cx.mod.json(requiredNames);
      if (cx.mode === 'is') cx.check(_`!${cx.mod.helper('hasAll')}(${d}, ${names})`, { keyword: 'required', message: '' });
      else cx.emit(_`${cx.mod.helper('failMissing')}(${d}, ${names}, ${ERRORS}, ${cx.path.code()}, ${cx.schemaPath(cx.atKeyword('required'))});`);
    } else {
      for (const name of requiredNames) if (!withSchema.has(name)) cx.check(_`!(${present(name)})`, { ...requiredError(name), path: cx.path });
    }

    const max = count(cx.object, 'maxProperties', cx.at);
    const min = count(cx.object, 'minProperties', cx.at);
    if (max !== undefined || (min !== undefined && min > 0)) {
      const size = cx.local('n');
      cx.emit(_`const ${size} = Object.keys(${d}).length;`);
      if (max !== undefined) cx.check(_`${size} > ${literal(max)}`, maxError(max));
      if (min !== undefined && min > 0) cx.check(_`${size} < ${literal(min)}`, minError(min));
    }

    for (const [trigger, names] of dependents) {
      const inner = cx.fork(cx.known);
      for (const name of names) inner.check(_`!(${present(name)})`, dependentError(name, trigger));
      cx.emit(_`if (${present(trigger)}) {\n${inner.code()}\n}`);
    }

    const names = schemaMap(cx.object, 'properties', cx.at).map(([name]) => name);
    // A boolean check may look at the keys first when that is only a cheap scan of names
    // (additionalProperties: false and nothing else per key): unknown keys fail before any
    // property is descended into. Collecting keeps the documented order.
    const keysFirst = cx.mode === 'is' && own(cx.object, 'additionalProperties') === false && !own(cx.object, 'patternProperties') && own(cx.object, 'propertyNames') === undefined;
    if (keysFirst) compileKeyLoop(cx, names);
    const mustHave = new Set(wide ? [] : requiredNames);
    if (wide && properties.length) compilePropertyTable(cx, properties);
    for (const [name, schema] of wide ? [] : properties) {
      const value = cx.local('d');
      const child = cx.sub(schema, ['properties', name], value, cx.path.key(name));
      const required = mustHave.has(name);
      if (child.out.length === 0 && !required) continue;
      // The value is read once (own, or undefined); a checking function tests a required
      // property there, failing on undefined before the value's own checks.
      const load = _`const ${value} = ${ownValue(name)};`;
      const conds = child.pureConditions();
      if (required) {
        const failures = [_`${value} === undefined`, ...(conds ?? [])];
        cx.emit(load);
        cx.check(join(failures.map((failure, i) => (i === 0 ? failure : _`(${failure})`)), ' || '), { ...requiredError(name), path: cx.path });
        if (!conds) cx.emit(child.code());
        continue;
      }
      const single = conds?.length === 1 ? { failure: conds[0]!, action: _`${cx.exit};` } : child.singleCheck();
      if (single) {
        cx.emit(load, _`if (${value} !== undefined && (${single.failure})) ${single.action}`);
      } else if (conds) {
        cx.emit(load, _`if (${value} !== undefined && (${join(conds.map((cond) => _`(${cond})`), ' || ')})) ${cx.exit};`);
      } else {
        cx.emit(load, _`if (${value} !== undefined) {\n${child.code()}\n}`);
      }
    }

    if (!keysFirst) compileKeyLoop(cx, names);

    for (const [trigger, schema] of dependentSchemas) {
      const child = cx.sub(schema, ['dependentSchemas', trigger], d, cx.path, { known: 'object' });
      if (child.out.length) cx.emit(_`if (${present(trigger)}) {\n${child.code()}\n}`);
    }
  },

  interpret(ix: Ix) {
    const value = ix.data as Schema;
    const has = (name: string) => value[name] !== undefined && hasOwn.call(value, name);
    for (const name of required(ix.object, ix.at)) if (!has(name)) ix.error(requiredError(name));
    const max = count(ix.object, 'maxProperties', ix.at);
    const min = count(ix.object, 'minProperties', ix.at);
    const size = Object.keys(value).length;
    if (max !== undefined && size > max) ix.error(maxError(max));
    if (min !== undefined && min > 0 && size < min) ix.error(minError(min));
    for (const [trigger, names] of dependentRequired(ix.object, ix.at)) {
      if (has(trigger)) for (const name of names) if (!has(name)) ix.error(dependentError(name, trigger));
    }
    const properties = schemaMap(ix.object, 'properties', ix.at);
    for (const [name, schema] of properties) {
      if (has(name)) ix.sub(schema, ['properties', name], value[name], ix.childPath(name));
    }
    const known = new Set(properties.map(([name]) => name));
    const patterns = schemaMap(ix.object, 'patternProperties', ix.at).map(([pattern, schema]) => {
      regexFor(pattern, ix.atKeyword('patternProperties', pattern)); // compiled for its error; tested in the sandbox
      return { pattern, schema };
    });
    const additional = own(ix.object, 'additionalProperties');
    const names = own(ix.object, 'propertyNames');
    for (const key of Object.keys(value)) {
      if (names !== undefined && !ix.test(names, ['propertyNames'], key)) {
        ix.error({ keyword: 'propertyNames', params: { propertyName: key }, message: propertyNameMessage(key) });
      }
      let matched = false;
      for (const { pattern, schema } of patterns) {
        if (testPattern(pattern, key)) {
          matched = true;
          ix.sub(schema, ['patternProperties', pattern], value[key], ix.childPath(key));
        }
      }
      if (additional === undefined || matched || known.has(key)) continue;
      if (additional === false) {
        ix.error({ keyword: 'additionalProperties', params: { additionalProperty: key }, message: additionalMessage(key) });
      } else {
        ix.sub(additional, ['additionalProperties'], value[key], ix.childPath(key));
      }
    }
    for (const [trigger, schema] of schemaMap(ix.object, 'dependentSchemas', ix.at)) {
      if (has(trigger)) ix.sub(schema, ['dependentSchemas', trigger], value, ix.path);
    }
  },
};

/** The properties as a table of [name, check, collect, schemaPath] rows walked by a runtime
 * helper, one short row per property instead of inline code: `collectProperties` (a property's
 * value is checked first; only a failing one is collected, its paths built then), and
 * `checkProperties` for very wide objects. */
function compilePropertyTable(cx: Cx, properties: [string, unknown][]): void {
  const rows = properties.map(([name, schema]) => {
    const { check, collect, at } = cx.funcsFor(schema, ['properties', name]);
    const usual = childPointer(cx.at, 'properties', name);
    // The schemaPath, when it is not the usual `/properties/<name>` below this schema's.
    let schemaPath: Code | undefined;
    if (collect.shared && at !== usual) schemaPath = literal(at);
    else if (collect.shared && usual !== `${cx.at}/properties/${name}`) schemaPath = literal(usual.slice(cx.at.length));
    const row = [literal(name), check.name, collect.name, ...(schemaPath ? [schemaPath] : [])];
    return _`[${join(row, ', ')}]`;
  });
  const table = cx.mod.propertyTable(rows);
  if (cx.mode === 'is') cx.check(_`!${cx.mod.helper('checkProperties')}(${cx.data}, ${table})`, { keyword: 'properties', message: '' });
  else cx.emit(_`${cx.mod.helper('collectProperties')}(${cx.data}, ${table}, ${ERRORS}, ${cx.path.code()}, ${cx.schemaPath(cx.at)});`);
}

/** One pass over the own keys for propertyNames, patternProperties and additionalProperties. */
function compileKeyLoop(cx: Cx, knownNames: string[]): void {
  const d = cx.data;
  const key = cx.local('k');
  const body = cx.fork(cx.known);

  const names = own(cx.object, 'propertyNames');
  if (names !== undefined && !acceptsAll(names)) {
    const test = body.test(names, ['propertyNames'], key, 'string');
    const message = _`${'property name '} + JSON.stringify(${key}) + ${' is invalid'}`;
    body.emit(test.code);
    body.check(test.failure, { keyword: 'propertyNames', params: { propertyName: key }, message });
  }

  const additional = own(cx.object, 'additionalProperties');
  const checkAdditional = additional !== undefined && !acceptsAll(additional);
  const patterns = schemaMap(cx.object, 'patternProperties', cx.at);
  const matched = checkAdditional && patterns.length ? cx.local('m') : undefined;
  if (matched) body.emit(_`let ${matched} = false;`);
  for (const [pattern, schema] of patterns) {
    const re = cx.mod.regex(pattern, cx.atKeyword('patternProperties', pattern));
    const value = cx.local('d');
    const child = body.sub(schema, ['patternProperties', pattern], value, cx.path.dynamicKey(key, cx.mod));
    const inner: Code[] = [];
    if (matched) inner.push(_`${matched} = true;`);
    if (child.out.length) inner.push(_`const ${value} = ${d}[${key}];`, child.code());
    if (inner.length) body.emit(_`if (${re}.test(${key})) {\n${join(inner, '\n')}\n}`);
  }

  if (checkAdditional) {
    const unknown: Code[] = [];
    if (matched) unknown.push(_`!${matched}`);
    if (knownNames.length) unknown.push(_`!(${isOneOf(body, key, knownNames)})`);
    const isUnknown = unknown.length ? join(unknown, ' && ') : undefined;
    if (additional === false) {
      const message = _`${'must not have unknown property '} + JSON.stringify(${key})`;
      const spec = { keyword: 'additionalProperties', params: { additionalProperty: key }, message, helper: 'failAdditional' };
      body.check(isUnknown ?? _`true`, spec);
    } else {
      const value = cx.local('d');
      const child = body.sub(additional, ['additionalProperties'], value, cx.path.dynamicKey(key, cx.mod));
      if (child.out.length) {
        const apply = _`const ${value} = ${d}[${key}];\n${child.code()}`;
        body.emit(isUnknown ? _`if (${isUnknown}) {\n${apply}\n}` : apply);
      }
    }
  }

  if (body.out.length === 0) return;
  // Spelled out (not the hasOwn alias): V8 optimizes this exact form inside for-in.
  cx.emit(_`for (const ${key} in ${d}) {\nif (!Object.prototype.hasOwnProperty.call(${d}, ${key})) continue;\n${body.code()}\n}`);
}
