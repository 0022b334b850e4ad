import * as z from "zod";
import { GENERATED } from "./generated-templates.js";
import { isSlug, isTemplateId } from "./ids.js";
import { once } from "./once.js";
import { type FieldsProblem, oneOf, strictObject } from "./strict.js";
import { COACHING_KINDS, FOCUSES, GROW_STEPS, QUESTION_TYPES, TEMPLATE_KINDS } from "./template-terms.js";

/**
 * The template schemas, built on first use: built-in templates come checked inside the
 * bundle, so only a run that reads a workspace's own template files builds them (see once.ts).
 */
const templateSchemas = once(() => {
  const id = z.string().refine(isTemplateId, "use lowercase letters, digits, '-' or '_'");
  const slug = z.string().refine(isSlug, "use a lowercase slug such as 'active-listening'");
  const scalar = z.union([z.string(), z.number(), z.boolean()]);

  const coachingKindSchema = oneOf(COACHING_KINDS, (input) =>
    input === "heroic"
      ? "heroic coaching (the manager making the sale) is never planned; use 'deal' to help the rep win it themselves"
      : undefined,
  );

  const choiceSchema = z.union([z.string(), strictObject({ value: z.string(), name: z.string().optional() })]);

  const conditionSchema = strictObject({
    question: id,
    equals: scalar.optional(),
    in: z.array(scalar).optional(),
    not: scalar.optional(),
  });

  const questionSchema = strictObject({
    id,
    prompt: z.string().min(1),
    type: oneOf(QUESTION_TYPES).default("text"),
    help: z.string().optional(),
    choices: z.array(choiceSchema).min(1).optional(),
    default: z.union([scalar, z.array(z.string())]).optional(),
    required: z.boolean().default(true),
    skill: slug.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    grow: oneOf(GROW_STEPS).optional(),
    when: conditionSchema.optional(),
    /** A caution for the plan's "Before you start" when the answer is `equals`. */
    warning: strictObject({ equals: scalar, message: z.string().min(1) }).optional(),
    /** What a 1, a 3 and a 5 look like for a scale's skill, shown while rating. */
    anchors: strictObject({ 1: z.string().min(1), 3: z.string().min(1), 5: z.string().min(1) }).optional(),
  }).superRefine((q, ctx) => {
    if (q.anchors && q.type !== "scale")
      ctx.addIssue({ code: "custom", path: ["anchors"], message: "only a 'scale' question has rating anchors" });
    if ((q.type === "choice" || q.type === "multi") && !q.choices) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: `a '${q.type}' question needs choices` });
    }
    if (q.type === "scale" && !q.skill) {
      ctx.addIssue({ code: "custom", path: ["skill"], message: "a 'scale' question needs the skill it rates" });
    }
    // Ratings are stored as 1..5 (records and reviews rely on it), so a scale may narrow that range but not widen it.
    if (q.type === "scale" && ((q.min ?? 1) < 1 || (q.max ?? 5) > 5 || (q.min ?? 1) >= (q.max ?? 5))) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "a 'scale' runs within 1 to 5" });
    }
    const values = (q.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
    const defaults = q.default === undefined ? [] : Array.isArray(q.default) ? q.default : [q.default];
    if (values.length && defaults.some((d) => !values.includes(String(d)))) {
      ctx.addIssue({
        code: "custom",
        path: ["default"],
        message: `the default must be one of the choices: ${values.join(", ")}`,
      });
    }
  });

  /**
   * One rubric item: plain text, or `{text, must?, live?}`. `must`: the round scores at most 2
   * without it. `live`: only someone who heard the rep can tick it (tone, pace, a pause); the
   * rest a written summary of the response shows, so a second manager can check them later.
   */
  const lookForSchema = z.union([
    z
      .string()
      .min(1)
      .transform((text) => ({ text, must: false, live: false })),
    strictObject({ text: z.string().min(1), must: z.boolean().default(false), live: z.boolean().default(false) }),
  ]);

  const roundSchema = strictObject({
    scenario: z.string().min(1),
    prompt: z.string().min(1),
    timebox: z.number().int().positive().max(3600).optional(),
    look_for: z.union([lookForSchema.transform((item) => [item]), z.array(lookForSchema).min(1)]),
    skill: slug,
  });

  const templateSchema = strictObject(
    {
      id: slug,
      title: z.string().min(1),
      kind: oneOf(TEMPLATE_KINDS),
      stages: z.union([z.literal("any").transform(() => ["any"]), z.array(z.union([slug, z.literal("any")])).min(1)]),
      coaching_kind: coachingKindSchema,
      focus: oneOf(FOCUSES),
      minutes: z.number().int().positive().max(240).default(30),
      description: z.string().default(""),
      /** How many questions of a GROW step one session asks, when the step holds a bank of them. */
      ask: strictObject(
        Object.fromEntries(
          GROW_STEPS.map((step) => [
            step,
            z
              .number({ error: "use a whole number of questions, e.g. 2" })
              .int("use a whole number of questions, e.g. 2")
              .positive("ask at least 1 question")
              .optional(),
          ]),
        ) as Record<(typeof GROW_STEPS)[number], z.ZodOptional<z.ZodNumber>>,
      ).optional(),
      questions: z.array(questionSchema).optional(),
      rounds: z.array(roundSchema).optional(),
    },
    // with the fields' own checks, so `templates validate` reports a wrong count with the rest
    askProblems,
  ).superRefine((t, ctx) => {
    if (t.kind === "drill" && !t.rounds?.length) {
      ctx.addIssue({ code: "custom", path: ["rounds"], message: "a drill template needs at least one round" });
    }
    if (t.kind !== "drill" && !t.questions?.length) {
      ctx.addIssue({
        code: "custom",
        path: ["questions"],
        message: `a ${t.kind} template needs at least one question`,
      });
    }
    const seen = new Set<string>();
    t.questions?.forEach((q, index) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: `duplicate question id '${q.id}'` });
      if (q.when && !seen.has(q.when.question)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "when", "question"],
          message: `'when' must refer to an earlier question; '${q.when.question}' is not asked before '${q.id}'`,
        });
      }
      const target = q.when && t.questions!.find((other) => other.id === q.when!.question);
      const problem = target && conditionProblem(q.when!, target);
      if (problem) ctx.addIssue({ code: "custom", path: ["questions", index, "when"], message: problem });
      const warningProblem = q.warning && conditionProblem({ question: q.id, equals: q.warning.equals }, q);
      if (warningProblem)
        ctx.addIssue({ code: "custom", path: ["questions", index, "warning", "equals"], message: warningProblem });
      seen.add(q.id);
    });
  });
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

/**
 * `ask: {step: N}` asks N of the step's questions: every required one, and the rest from its
 * optional ones (`required: false`), in turn. A question with a `when` follows the question it
 * depends on and is not counted.
 */
function askProblems({ ask, questions }: Record<string, unknown>): FieldsProblem[] {
  // Read as written: a count that is not a whole number from 1 up is the field's own to report.
  const bank = Array.isArray(questions) ? questions.map(asRecord) : [];
  const problems: FieldsProblem[] = [];
  for (const [step, count] of Object.entries(asRecord(ask))) {
    if (!(GROW_STEPS as readonly string[]).includes(step) || typeof count !== "number") continue;
    if (!Number.isInteger(count) || count < 1) continue;
    const counted = bank.filter((q) => q.grow === step && q.when === undefined);
    const required = counted.filter((q) => q.required !== false).length;
    if (count > counted.length)
      problems.push({
        path: ["ask", step],
        message:
          `asks ${count} ${step} question${count === 1 ? "" : "s"} but the step has ${counted.length}` +
          ` (without a 'when'); lower it to ${counted.length || 1} or add questions with grow: ${step}`,
      });
    else if (count < required)
      problems.push({
        path: ["ask", step],
        message:
          `asks ${count} ${step} question${count === 1 ? "" : "s"} but ${required} of them are required (always asked);` +
          ` raise it to ${required} or mark the bank's questions required: false`,
      });
  }
  return problems;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A `when` that can never hold (`equals: "no"` on a yes/no question) is a silent bug: refuse it. */
function conditionProblem(condition: Condition, target: Question): string | undefined {
  const expected = [condition.equals, condition.not, ...(condition.in ?? [])].filter((v) => v !== undefined);
  if (target.type === "confirm" && expected.some((v) => typeof v !== "boolean")) {
    return `'${target.id}' is a yes/no question: compare it with true or false`;
  }
  const values = (target.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
  const unknown = values.length ? expected.find((v) => !values.includes(String(v))) : undefined;
  return unknown === undefined
    ? undefined
    : `'${String(unknown)}' is not one of the choices of '${target.id}': ${values.join(", ")}`;
}

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
