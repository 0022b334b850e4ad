/**
 * A value built the first time it is asked for. For zod schemas: building them is a
 * measurable part of a command's start (several milliseconds for the record and
 * coach.yaml schemas here), and a command served by the index never checks a record.
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}
