import { isTemplateId } from "./ids.js";
import type { FieldsProblem } from "./strict.js";
import { GROW_STEPS, QUESTION_TYPES, TEMPLATE_KINDS } from "./template-terms.js";

// The checks of a template that span several fields. They run in the same pass as each
// field's own check (strictObject's `alongside`), so `coach templates validate` reports them
// with every other problem of the file. So they get each field as far as it parsed, read it
// as written, and say nothing from a field that is itself wrong (a question whose id is not
// an id is not a duplicate): that field's own problem is reported instead.

type Fields = Record<string, unknown>;
type Scalar = string | number | boolean;
type QuestionType = (typeof QUESTION_TYPES)[number];

/** A question's own checks: what its type needs, and a default among its choices. */
export function questionProblems(q: Fields): FieldsProblem[] {
  const problems: FieldsProblem[] = [];
  const type = typeOf(q);
  if (isFields(q.anchors) && type !== undefined && type !== "scale")
    problems.push({ path: ["anchors"], message: "only a 'scale' question has rating anchors" });
  if ((type === "choice" || type === "multi") && q.choices === undefined)
    problems.push({ path: ["choices"], message: `a '${type}' question needs choices` });
  if (type === "scale" && q.skill === undefined)
    problems.push({ path: ["skill"], message: "a 'scale' question needs the skill it rates" });
  // Ratings are stored as 1..5 (records and reviews rely on it), so a scale may narrow that range but not widen it.
  const [min, max] = [q.min ?? 1, q.max ?? 5];
  if (type === "scale" && typeof min === "number" && typeof max === "number" && (min < 1 || max > 5 || min >= max))
    problems.push({ path: ["max"], message: "a 'scale' runs within 1 to 5" });
  const values = choiceValues(q);
  const defaults = defaultsOf(q.default);
  if (values?.length && defaults?.some((d) => !values.includes(String(d))))
    problems.push({ path: ["default"], message: `the default must be one of the choices: ${values.join(", ")}` });
  return problems;
}

/** A template's checks across its fields: it has content, its `ask:` counts fit, its questions fit together. */
export function templateProblems(t: Fields): FieldsProblem[] {
  return [...contentProblems(t), ...askProblems(t), ...questionListProblems(t)];
}

function contentProblems({ kind, questions, rounds }: Fields): FieldsProblem[] {
  if (!(TEMPLATE_KINDS as readonly unknown[]).includes(kind)) return [];
  const [key, items] = kind === "drill" ? ["rounds", rounds] : ["questions", questions];
  // A list that is not a list is the field's own problem.
  if (items !== undefined && !(Array.isArray(items) && items.length === 0)) return [];
  const message =
    kind === "drill" ? "a drill template needs at least one round" : `a ${kind} template needs at least one question`;
  return [{ path: [key], message }];
}

/**
 * Keys an answers file keeps for what is not a template question (commitments, follow-ups,
 * drill rounds, the focus choice, a deal's gates): a question so named could never be answered.
 */
export const RESERVED_ANSWER_KEYS = new Set(["actions", "follow_ups", "rounds", "focus_choice", "gates"]);

/** Ids are unique and not reserved; a `when` follows the question it names and can hold; a `warning` can fire. */
function questionListProblems({ questions }: Fields): FieldsProblem[] {
  const list = Array.isArray(questions) ? questions.map(asFields) : [];
  const problems: FieldsProblem[] = [];
  const seen = new Set<string>();
  list.forEach((q, index) => {
    const id = idOf(q);
    if (id !== undefined && seen.has(id))
      problems.push({ path: ["questions", index, "id"], message: `duplicate question id '${id}'` });
    if (id !== undefined && RESERVED_ANSWER_KEYS.has(id))
      problems.push({
        path: ["questions", index, "id"],
        message: `'${id}' is an answers file's own key; give the question another id`,
      });
    const when = isFields(q.when) ? q.when : undefined;
    const asked = when && idOf(when, "question");
    if (asked !== undefined && !seen.has(asked))
      problems.push({
        path: ["questions", index, "when", "question"],
        message: `'when' must refer to an earlier question; '${asked}' is not asked before ${named(id)}`,
      });
    const target = asked === undefined ? undefined : list.find((other) => idOf(other) === asked);
    const whenProblem = target && conditionProblem(expectedBy(when!), target);
    if (whenProblem) problems.push({ path: ["questions", index, "when"], message: whenProblem });
    const warned = isFields(q.warning) && isScalar(q.warning.equals) ? [q.warning.equals] : undefined;
    const warningProblem = warned && conditionProblem(warned, q);
    if (warningProblem) problems.push({ path: ["questions", index, "warning", "equals"], message: warningProblem });
    if (id !== undefined) seen.add(id);
  });
  return problems;
}

/** A `when` that can never hold (`equals: "no"` on a yes/no question) is a silent bug: refuse it. */
function conditionProblem(expected: Scalar[] | undefined, target: Fields): string | undefined {
  if (!expected) return undefined;
  const type = typeOf(target);
  if (type === "confirm" && expected.some((v) => typeof v !== "boolean"))
    return `${named(idOf(target))} is a yes/no question: compare it with true or false`;
  const values = choiceValues(target) ?? [];
  const unknown = values.length ? expected.find((v) => !values.includes(String(v))) : undefined;
  return unknown === undefined
    ? undefined
    : `'${String(unknown)}' is not one of the choices of ${named(idOf(target))}: ${values.join(", ")}`;
}

/** The answers a `when` compares with; undefined when one of them is itself wrong. */
function expectedBy(when: Fields): Scalar[] | undefined {
  const single = [when.equals, when.not].filter((v) => v !== undefined);
  const listed = when.in === undefined ? [] : when.in;
  if (!Array.isArray(listed)) return undefined;
  const all = [...single, ...listed];
  return all.every(isScalar) ? all : undefined;
}

/**
 * `ask: {step: N}` asks N of the step's questions: every required one, and the rest from its
 * optional ones (`required: false`), in turn. A question with a `when` follows the question it
 * depends on and is not counted.
 */
function askProblems({ ask, questions }: Fields): FieldsProblem[] {
  // A count that is not a whole number from 1 up is the field's own to report.
  const bank = Array.isArray(questions) ? questions.map(asFields) : [];
  const problems: FieldsProblem[] = [];
  for (const [step, count] of Object.entries(asFields(ask))) {
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

/** The question's type, `text` when left out; undefined when what is written is not a type. */
function typeOf(q: Fields): QuestionType | undefined {
  const type = q.type ?? "text";
  return (QUESTION_TYPES as readonly unknown[]).includes(type) ? (type as QuestionType) : undefined;
}

/** The values of a question's choices: none when it has none, undefined when they are not a list of choices. */
function choiceValues(q: Fields): string[] | undefined {
  if (q.choices === undefined) return [];
  if (!Array.isArray(q.choices)) return undefined;
  const values = q.choices.map((c) => (typeof c === "string" ? c : isFields(c) ? c.value : undefined));
  return values.every((v) => typeof v === "string") ? (values as string[]) : undefined;
}

function defaultsOf(value: unknown): Scalar[] | undefined {
  if (value === undefined) return [];
  if (isScalar(value)) return [value];
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
}

/** An id as a question (or a `when`) names it; undefined when that field is not an id. */
function idOf(fields: Fields, key = "id"): string | undefined {
  const id = fields[key];
  return typeof id === "string" && isTemplateId(id) ? id : undefined;
}

function named(id: string | undefined): string {
  return id === undefined ? "this question" : `'${id}'`;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asFields(value: unknown): Fields {
  return isFields(value) ? value : {};
}
