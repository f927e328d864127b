// openapi-typescript resolves more than types need, through its own resolver: it follows
// `externalValue` and example refs (fetching URLs) and reads discriminator mapping names as refs.
// Types need none of that, so examples go, and mapping names become refs to existing components
// (or are dropped when they name nothing). Nothing the spec says about types changes.
import { isObject } from '../../core/pointer.ts';
import { walkStructure } from '../../load/spec-walk.ts';

export function stripForTypes(doc: Record<string, unknown>): Record<string, unknown> {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  walkStructure(doc, (node, { isNameMap }) => {
    if (isNameMap) return;
    delete node.example;
    if (!Array.isArray(node.examples)) delete node.examples;
    if (isObject(node.discriminator) && isObject(node.discriminator.mapping)) {
      const mapping = node.discriminator.mapping;
      for (const [key, target] of Object.entries(mapping)) {
        if (typeof target !== 'string') delete mapping[key];
        else if (!target.includes('/') && !target.includes('#')) {
          if (Object.prototype.hasOwnProperty.call(schemas, target)) mapping[key] = `#/components/schemas/${target}`;
          else delete mapping[key];
        } else if (!target.startsWith('#/')) delete mapping[key];
      }
    }
  });
  return doc;
}
