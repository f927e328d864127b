// Compile-time errors of the validator compiler: always one line, always with the schema location.

/** A schema the compiler cannot turn into a validator (bad `$ref`, invalid pattern, too deep...). */
export class ValidatorCompileError extends Error {
  constructor(
    readonly reason: string,
    /** Where in the document, as a URI fragment JSON pointer ("#/components/schemas/Foo/pattern"). */
    readonly at: string,
  ) {
    super(`${reason} at ${at}`);
    this.name = 'ValidatorCompileError';
  }
}
