// Writes schemas/oaskit.config.schema.json, the JSON Schema of oaskit's config file, from the rule
// table (generator/diagnostics/config.ts). test/cli/config.test.ts fails when it is out of date.
//   npx tsx scripts/config-schema.ts
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../generator/diagnostics/config.ts';

export const configSchemaPath = new URL('../schemas/oaskit.config.schema.json', import.meta.url);
export const configSchemaText = () => JSON.stringify(configJsonSchema(), null, 2) + '\n';

if (process.argv[1]?.endsWith('config-schema.ts')) {
  writeFileSync(configSchemaPath, configSchemaText());
  console.log('wrote schemas/oaskit.config.schema.json');
}
