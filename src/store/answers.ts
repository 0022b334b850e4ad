import { resolve } from "node:path";
import * as z from "zod/mini";
import type { Context } from "../context.js";
import { strayControlCharacter } from "../domain/ids.js";
import { ACTION_STATUSES, OWNERS } from "../domain/record.js";
import { RESERVED_ANSWER_KEYS } from "../domain/template-checks.js";
import { badInput, CoachError } from "../errors.js";
import { MAX_YAML_BYTES, readYamlFile, yamlFromBytes } from "./yaml-file.js";
import { loadYaml } from "./yaml-source.js";

const scalar = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.null()]);

const score = z.number().check(z.int(), z.gte(1, "a score runs from 1 to 5"), z.lte(5, "a score runs from 1 to 5"));
const textOrPerRep = z.union([z.string(), z.record(z.string(), z.string())]);
// An item ticked twice is a slip (the score counts it once), so it is refused, not stored as given.
const metIndexes = z
  .array(z.number().check(z.int("give the indexes of the items met, such as [0, 2]"), z.gte(0)))
  .check(
    z.superRefine((met, ctx) => {
      const again = met.findIndex((item, at) => met.indexOf(item) !== at);
      if (again >= 0)
        ctx.addIssue({
          code: "custom",
          path: [again],
          message: `item ${met[again]} is ticked more than once; give each item once: [${[...new Set(met)].join(", ")}]`,
        });
    }),
  );

/** Every text in the file, with where it is: a record keeps them, so none may hold a control character. */
function* textsIn(value: unknown, path: (string | number)[] = []): Generator<[string, (string | number)[]]> {
  if (typeof value === "string") yield [value, path];
  else if (Array.isArray(value)) for (const [at, item] of value.entries()) yield* textsIn(item, [...path, at]);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) yield* textsIn(item, [...path, key]);
}

const noControlCharacters = z.superRefine((file: object, ctx) => {
  for (const [text, path] of textsIn(file)) {
    const found = strayControlCharacter(text);
    if (found) ctx.addIssue({ code: "custom", path, message: `holds a control character (${found}); remove it` });
  }
});

export const answersFileSchema = z
  .catchall(
    z.object({
      actions: z.optional(
        z.array(
          z.object({
            text: z.string().check(z.minLength(1, "an action needs text")),
            due: z.optional(z.union([z.string(), z.null()])),
            owner: z.optional(z.enum(OWNERS)),
            goal: z.optional(z.string()),
          }),
        ),
      ),
      // What became of each open commitment: its status, or `{status, note?, due?}` (`due`
      // gives a commitment left open a new due date).
      follow_ups: z.optional(
        z.record(
          z.string(),
          z.union([
            z.enum(ACTION_STATUSES),
            z.strictObject(
              z.object({
                status: z.enum(ACTION_STATUSES),
                note: z.optional(z.string()),
                due: z.optional(z.union([z.string(), z.null()])),
              }).shape,
            ),
          ]),
        ),
      ),
      // Drill rounds in order. In a clinic, `score` (and `response`, `notes`) may be a map
      // of rep id to value; a single value applies to every rep. A round or score left out
      // is reported as a missing answer (`round-N`), not as a schema error.
      // keep, a stage id or a skill id: what the session works on (checked against the workspace's own).
      focus_choice: z.optional(z.string()),
      // A deal session's evidence by gate id: what the buyer said or did; empty leaves the gate open.
      gates: z.optional(z.record(z.string(), z.string())),
      rounds: z.optional(
        z.array(
          z.strictObject(
            z.object({
              response: z.optional(textOrPerRep),
              score: z.optional(z.union([score, z.record(z.string(), score)])),
              // The rubric items met, by index from 0; the score is computed from them.
              met: z.optional(z.union([metIndexes, z.record(z.string(), metIndexes)])),
              notes: z.optional(textOrPerRep),
            }).shape,
          ),
        ),
      ),
    }),
    scalar,
  )
  .check(noControlCharacters);
export type AnswersFile = z.infer<typeof answersFileSchema>;

/** Reads `--answers FILE` (or stdin for `-`) as YAML answers by question id. */
export async function loadAnswersFile(path: string, ctx: Context): Promise<AnswersFile> {
  const label = path === "-" ? "<stdin>" : path;
  let text: string;
  try {
    text =
      path === "-"
        ? yamlFromBytes(await ctx.readStdin(MAX_YAML_BYTES), label)
        : readYamlFile(resolve(ctx.cwd, path), undefined, label);
  } catch (error) {
    if (error instanceof CoachError) throw error;
    throw badInput(
      "unreadable_answers",
      `cannot read answers file ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      "check the path",
    );
  }
  return loadYaml(answersFileSchema, text, label, "an answers file maps question ids to answers");
}

/** The plain question answers of a file, without the reserved keys. */
export function questionAnswers(file: AnswersFile): Record<string, unknown> {
  return Object.fromEntries(Object.entries(file).filter(([key]) => !RESERVED_ANSWER_KEYS.has(key)));
}
