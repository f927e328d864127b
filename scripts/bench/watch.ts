// npm run bench:watch — `oaskit generate --watch` on a copy of spec/appboy.yaml: a one-line change
// (the title) is saved, and the time until generated client.ts changes is measured; 5 saves,
// median. Target (issue 11): under 1 s.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/stats.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'oaskit-bench-watch-'));
const spec = join(dir, 'appboy.yaml');
copyFileSync(join(root, 'spec/appboy.yaml'), spec);
const out = join(dir, 'out');
const child = spawn(process.execPath, [join(root, 'bin/oaskit.js'), 'generate', '--watch', '--spec', spec, '-o', out], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
let said = '';
child.stdout.on('data', (d) => (said += d));
child.stderr.on('data', (d) => (said += d));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};
try {
  while (!/generated: \d+ files changed/.test(said)) {
    if (child.exitCode !== null) throw new Error(`oaskit generate --watch exited:\n${said}`);
    await wait(50);
  }
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = read(join(out, 'client.ts'));
    const text = readFileSync(spec, 'utf8').replace(/^ {2}title: (.*)$/m, (_m, title: string) => `  title: ${title.replace(/ v\d+$/, '')} v${i}`);
    const started = performance.now();
    writeFileSync(spec, text);
    while (read(join(out, 'client.ts')) === before) await wait(5);
    times.push(performance.now() - started);
    await wait(500);
  }
  const m = median(times);
  console.log(`bench:watch — spec/appboy.yaml, a one-line change saved, until generated client.ts changed: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${m.toFixed(0)} ms (target under 1000 ms: ${m < 1000 ? 'met' : 'OVER'})`);
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
