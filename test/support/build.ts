// vitest globalSetup: the tests that run `bin/oaskit.js` run dist/, so build it first when a
// source is newer than the last build (bin/oaskit.js would too, but once here instead of racing
// in parallel test processes).
import { build, isStale } from '../../scripts/build.js';

export default async function setup(): Promise<void> {
  if (isStale()) await build();
}
