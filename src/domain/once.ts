/**
 * A value built the first time it is asked for. For zod schemas: building one costs about
 * as much as compiling the code that uses it, and a command served by the index never
 * checks a record or a profile, so it should not build their schemas at start.
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
