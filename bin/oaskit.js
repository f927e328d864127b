#!/usr/bin/env node
// The oaskit command: runs the compiled toolkit in dist/ (built by `npm install`, see
// scripts/build.js). In a checkout whose sources changed since the last build, it rebuilds first
// (about a second), so an edit is never run stale.
import { existsSync } from 'node:fs';

const buildScript = new URL('../scripts/build.js', import.meta.url);
if (existsSync(buildScript)) {
  const { build, isStale } = await import(buildScript.href);
  if (isStale()) {
    const { ms } = await build();
    if (process.stderr.isTTY) process.stderr.write(`oaskit: sources changed; rebuilt dist/ in ${ms} ms\n`);
  }
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
