// Tests that read ../shared (the specs of other projects, the JSON Schema Test Suite) skip with a
// printed reason when it is absent, as in a user's clone; under CI (.ci/run sets CI) they fail.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const sharedDir = resolve(import.meta.dirname, '../../../shared');

export function sharedAvailable(what: string): boolean {
  if (existsSync(sharedDir)) return true;
  if (process.env.CI) throw new Error(`${what}: ${sharedDir} is missing, and CI must run these tests`);
  console.warn(`skipped ${what}: ${sharedDir} is absent (it sits beside the repository in CI only)`);
  return false;
}
