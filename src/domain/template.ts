import * as z from "zod/mini";
import { GENERATED } from "./generated-templates.js";
import { isSlug, isTemplateId } from "./ids.js";
import { once } from "./once.js";
import { oneOf, strictObject } from "./strict.js";
import { questionProblems, templateProblems } from "./template-checks.js";
import { COACHING_KINDS, FOCUSES, GROW_STEPS, QUESTION_TYPES, TEMPLATE_KINDS } from "./template-terms.js";

/**
 * The template schemas, built on first use: built-in templates come checked inside the
 * bundle, so only a run that reads a workspace's own template files builds them (see once.ts).
 */
const templateSchemas = once(() => {
  const id = z.string().check(z.refine(isTemplateId, "use lowercase letters, digits, '-' or '_'"));
  const slug = z.string().check(z.refine(isSlug, "use a lowercase slug such as 'active-listening'"));
  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  const coachingKindSchema = oneOf(COACHING_KINDS, (input) =>
    input === "heroic"
      ? "heroic coaching (the manager making the sale) is never planned; use 'deal' to help the rep win it themselves"
      : undefined,
  );

  const choiceSchema = z.union([z.string(), strictObject({ value: z.string(), name: z.optional(z.string()) })]);

  const conditionSchema = strictObject({
    question: id,
    equals: z.optional(scalar),
    in: z.optional(z.array(scalar)),
    not: z.optional(scalar),
  });

  const questionSchema = strictObject(
    {
      id,
      prompt: z.string().check(z.minLength(1)),
      type: z._default(oneOf(QUESTION_TYPES), "text"),
      help: z.optional(z.string()),
      choices: z.optional(z.array(choiceSchema).check(z.minLength(1))),
      default: z.optional(z.union([scalar, z.array(z.string())])),
      required: z._default(z.boolean(), true),
      skill: z.optional(slug),
      min: z.optional(z.number()),
      max: z.optional(z.number()),
      grow: z.optional(oneOf(GROW_STEPS)),
      when: z.optional(conditionSchema),
      /** A caution for the plan's "Before you start" when the answer is `equals`. */
      warning: z.optional(strictObject({ equals: scalar, message: z.string().check(z.minLength(1)) })),
      /** What a 1, a 3 and a 5 look like for a scale's skill, shown while rating. */
      anchors: z.optional(
        strictObject({
          1: z.string().check(z.minLength(1)),
          3: z.string().check(z.minLength(1)),
          5: z.string().check(z.minLength(1)),
        }),
      ),
    },
    // checked with the fields, not after them, so each problem is reported with the rest
    questionProblems,
  );

  /**
   * One rubric item: plain text, or `{text, must?, live?}`. `must`: the round scores at most 2
   * without it. `live`: only someone who heard the rep can tick it (tone, pace, a pause); the
   * rest a written summary of the response shows, so a second manager can check them later.
   */
  const lookForSchema = z.union([
    z.pipe(
      z.string().check(z.minLength(1)),
      z.transform((text) => ({ text, must: false, live: false })),
    ),
    strictObject({
      text: z.string().check(z.minLength(1)),
      must: z._default(z.boolean(), false),
      live: z._default(z.boolean(), false),
    }),
  ]);

  const roundSchema = strictObject({
    scenario: z.string().check(z.minLength(1)),
    prompt: z.string().check(z.minLength(1)),
    timebox: z.optional(z.number().check(z.int(), z.positive(), z.lte(3600))),
    look_for: z.union([
      z.pipe(
        lookForSchema,
        z.transform((item) => [item]),
      ),
      z.array(lookForSchema).check(z.minLength(1)),
    ]),
    skill: slug,
  });

  const templateSchema = strictObject(
    {
      id: slug,
      title: z.string().check(z.minLength(1)),
      kind: oneOf(TEMPLATE_KINDS),
      stages: z.union([
        z.pipe(
          z.literal("any"),
          z.transform(() => ["any"]),
        ),
        z.array(z.union([slug, z.literal("any")])).check(z.minLength(1)),
      ]),
      coaching_kind: coachingKindSchema,
      focus: oneOf(FOCUSES),
      minutes: z._default(z.number().check(z.int(), z.positive(), z.lte(240)), 30),
      description: z._default(z.string(), ""),
      /** How many questions of a GROW step one session asks, when the step holds a bank of them. */
      ask: z.optional(
        strictObject(
          Object.fromEntries(
            GROW_STEPS.map((step) => [
              step,
              z.optional(
                z
                  .number({ error: "use a whole number of questions, e.g. 2" })
                  .check(z.int("use a whole number of questions, e.g. 2"), z.positive("ask at least 1 question")),
              ),
            ]),
          ) as Record<(typeof GROW_STEPS)[number], z.ZodMiniOptional<z.ZodMiniNumber>>,
        ),
      ),
      questions: z.optional(z.array(questionSchema)),
      rounds: z.optional(z.array(roundSchema)),
    },
    // checked with the fields, not after them, so each problem is reported with the rest
    templateProblems,
  );
  return {
    condition: conditionSchema,
    question: questionSchema,
    lookFor: lookForSchema,
    round: roundSchema,
    template: templateSchema,
  };
});
type Schemas = ReturnType<typeof templateSchemas>;
export const questionSchema = () => templateSchemas().question;
export const templateSchema = () => templateSchemas().template;
export type Condition = z.infer<Schemas["condition"]>;
export type Question = z.infer<Schemas["question"]>;
export type LookFor = z.infer<Schemas["lookFor"]>;
export type Round = z.infer<Schemas["round"]>;
export type Template = z.infer<Schemas["template"]>;

/** A template with where it came from: `built-in` or the file path. */
export interface LoadedTemplate {
  template: Template;
  source: string;
}

/**
 * The template summary scripts rely on (`coach templates list --json`). The contract's
 * `source` is `built-in` or a file path, so a template coach made from coach.yaml is
 * `built-in` (no file of the team's holds it), marked `generated: true`.
 */
export function templateSummary({ template, source }: LoadedTemplate) {
  return {
    id: template.id,
    title: template.title,
    kind: template.kind,
    stages: template.stages,
    coaching_kind: template.coaching_kind,
    focus: template.focus,
    ...(source === GENERATED ? { source: "built-in", generated: true } : { source }),
  };
}

/** Where a template file sits: its name without `.yaml` and the folder holding it. */
export interface TemplatePlace {
  fileName: string;
  folder: string;
  /** In a workspace's templates/, every file belongs in templates/<kind>/. */
  inKindFolder: boolean;
}

/**
 * A template's `id` must be its file name and its `kind` its folder: otherwise an override
 * of a built-in, or a drill filed among sessions, would silently do something else. Read
 * from the file's data as written, so these are reported beside any schema problem.
 */
export function placementProblems(data: unknown, place: TemplatePlace): { key: string; message: string }[] {
  const { id, kind } = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const kindFolders: readonly unknown[] = TEMPLATE_KINDS;
  const problems: { key: string; message: string }[] = [];
  if (typeof id === "string" && id !== place.fileName) {
    problems.push({
      key: "id",
      message: `id '${id}' does not match the file name '${place.fileName}'; rename the file to ${id}.yaml or change the id`,
    });
  }
  if (!kindFolders.includes(kind)) return problems;
  const misfiled = kindFolders.includes(place.folder) ? place.folder !== kind : place.inKindFolder;
  if (misfiled)
    problems.push({
      key: "kind",
      message: kindFolders.includes(place.folder)
        ? `kind '${kind}' does not match its folder ${place.folder}/; move it to templates/${kind}/ or change the kind`
        : `a ${kind} template belongs in templates/${kind}/; move it there`,
    });
  return problems;
}
