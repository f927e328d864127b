// The three dialects the compiler reads: JSON Schema 2020-12, and the OpenAPI schema objects
// built on it (3.1 is 2020-12 plus `discriminator`; 3.0 is an older JSON Schema subset).

export type Dialect = 'openapi-3.0' | 'openapi-3.1' | '2020-12';

export interface DialectRules {
  dialect: Dialect;
  /** OpenAPI 3.0 `nullable: true` adds null to the types `type` allows. */
  nullable: boolean;
  /** OpenAPI 3.0 `exclusiveMinimum: true` makes `minimum` exclusive (draft 4 style). */
  booleanExclusive: boolean;
  /** OpenAPI 3.0: keywords beside `$ref` are ignored. */
  refOverridesSiblings: boolean;
  /** OpenAPI `discriminator` dispatches a tagged oneOf/anyOf on the tag value. */
  discriminator: boolean;
}

export function dialectRules(dialect: Dialect): DialectRules {
  switch (dialect) {
    case 'openapi-3.0':
      return { dialect, nullable: true, booleanExclusive: true, refOverridesSiblings: true, discriminator: true };
    case 'openapi-3.1':
      return { dialect, nullable: false, booleanExclusive: false, refOverridesSiblings: false, discriminator: true };
    case '2020-12':
      return { dialect, nullable: false, booleanExclusive: false, refOverridesSiblings: false, discriminator: false };
    default:
      throw new Error(`unknown dialect ${JSON.stringify(dialect)} (expected openapi-3.0, openapi-3.1 or 2020-12)`);
  }
}
