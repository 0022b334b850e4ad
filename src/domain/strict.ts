import * as z from "zod/mini";
import { closest } from "./ids.js";

// Files people write (coach.yaml, templates) are read strictly: a misspelt key such as
// `stage:` for `stages:` would otherwise be dropped without a word and its setting lost.

/** A problem found across an object's fields: where (a path inside the object) and what. */
export interface FieldsProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Like `z.object`, but every key the shape does not know is an error at that key, with a
 * did-you-mean. The fields are checked too, in the same pass, so one run reports every
 * problem of a file; a field the misspelt key was meant to be is not reported as missing
 * (`promt:` is the typo it is, not also a missing `prompt`), see `UnknownKeyIssue`.
 * `alongside` checks several fields together in that same pass (a refinement after the
 * object would be skipped once any field failed); it gets the fields as far as they parsed,
 * so it must not trust their types.
 */
export function strictObject<Shape extends z.core.$ZodShape>(
  shape: Shape,
  alongside?: (value: Record<string, unknown>) => FieldsProblem[],
) {
  const known = Object.keys(shape);
  return z.pipe(
    z.looseObject(shape).check(
      z.superRefine(
        (value, ctx) => {
          if (typeof value !== "object" || value === null || Array.isArray(value)) return;
          for (const key of Object.keys(value)) {
            if (known.includes(key)) continue;
            const guess = closest(key, known);
            ctx.addIssue({
              code: "custom",
              path: [key],
              message: unknownKeyMessage(key, known),
              params: { at: "key", ...(guess ? { meant: guess } : {}) },
            });
          }
          for (const problem of alongside?.(value) ?? []) ctx.addIssue({ code: "custom", ...problem });
        },
        // run even when a field failed: both kinds of problem are reported together
        { when: () => true },
      ),
    ),
    z.transform(
      (value) =>
        Object.fromEntries(Object.entries(value).filter(([key]) => known.includes(key))) as z.output<
          z.ZodMiniObject<Shape>
        >,
    ),
  );
}

/** What an unknown-key issue carries in `params`: point at the key itself, and the key it was likely meant as. */
export interface UnknownKeyIssue {
  at: "key";
  meant?: string;
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = closest(key, known);
  return guess ? `unknown key; did you mean '${guess}'?` : `unknown key; the keys here are ${known.join(", ")}`;
}

/** An enum whose error names the allowed values and the closest one to what was written. */
export function oneOf<const Values extends readonly [string, ...string[]]>(
  values: Values,
  special?: (input: unknown) => string | undefined,
) {
  return z.enum(values, { error: (issue) => special?.(issue.input) ?? notOneOfMessage(issue.input, values) });
}

export function notOneOfMessage(input: unknown, values: readonly string[]): string {
  const list = values.join(", ");
  if (input === undefined) return `missing; use one of ${list}`;
  const guess = typeof input === "string" ? closest(input, values) : undefined;
  const shown = typeof input === "string" ? `'${input}'` : JSON.stringify(input);
  return guess ? `${shown} is not one of ${list}; did you mean '${guess}'?` : `${shown} is not one of ${list}`;
}
