// The interpreter tests a spec's patterns against the same spec's examples (in `check` and the
// language server). A hostile or careless pattern (`^(a+)+$`) backtracks for hours on a
// 40-character string, and JavaScript cannot interrupt a RegExp that is running. So each test runs
// in a worker thread while this thread waits for it synchronously (Atomics.wait), at most
// `limits.patternMs`; past that the worker is terminated (V8 interrupts the regex) and the test
// throws PatternTimeout, which the example rule reports as `limit-time`. A pattern that timed out
// once fails at once afterwards. A round trip costs about 35 µs; real specs test a few dozen
// patterns. Generated validators run in the user's process, as Ajv's do, and are not sandboxed.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { limits } from '../core/limits.ts';

export class PatternTimeout extends Error {
  constructor(readonly pattern: string) {
    super(`the pattern ${JSON.stringify(pattern)} took longer than ${limits.patternMs} ms on one value, the most oaskit spends on one test (it backtracks catastrophically)`);
  }
}

// CommonJS run by `eval`: no file to resolve next to a built module, no loader hooks inherited
const workerSource = `
const { workerData } = require('node:worker_threads');
const done = new Int32Array(workerData.done);
const compiled = new Map();
workerData.port.on('message', ({ pattern, value }) => {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(pattern, 'u')));
  workerData.port.postMessage(re.test(value));
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});`;

interface Sandbox {
  worker: Worker;
  port: MessagePort;
  done: Int32Array;
}

let sandbox: Sandbox | undefined;
const timedOut = new Set<string>();

function start(): Sandbox {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerSource, { eval: true, execArgv: [], workerData: { done: done.buffer, port: port2 }, transferList: [port2] });
  // an idle sandbox never keeps a command from exiting
  worker.unref();
  port1.unref();
  return { worker, port: port1, done };
}

// answers by pattern and value (short ones): the language server checks the same examples on
// every edit
const answers = new Map<string, boolean>();

/** `new RegExp(pattern, 'u').test(value)`, given at most `limits.patternMs` (else PatternTimeout). */
export function testPattern(pattern: string, value: string): boolean {
  if (timedOut.has(pattern)) throw new PatternTimeout(pattern);
  if (pattern.length + value.length > 2048) return askSandbox(pattern, value); // kept small
  const key = pattern + '\0' + value;
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= 10_000) answers.clear();
    answers.set(key, (answer = askSandbox(pattern, value)));
  }
  return answer;
}

function askSandbox(pattern: string, value: string): boolean {
  const s = (sandbox ??= start());
  Atomics.store(s.done, 0, 0);
  s.port.postMessage({ pattern, value });
  if (Atomics.wait(s.done, 0, 0, limits.patternMs) === 'timed-out') {
    void s.worker.terminate();
    sandbox = undefined;
    timedOut.add(pattern);
    throw new PatternTimeout(pattern);
  }
  // the answer was posted before `done` was set
  const answer = receiveMessageOnPort(s.port);
  if (!answer) throw new Error('the pattern sandbox answered without a result');
  return answer.message as boolean;
}
