#!/usr/bin/env node
// The oaskit command. The toolkit is written in TypeScript and run through tsx's loader,
// so a fresh clone needs no build step between `npm install` and the first command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../generator/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
