import type { AnswersKey, QuestionSpec } from "./asking/spec.js";
import { strayControlCharacter } from "./ids.js";
import type { Question } from "./template.js";
import { parseDue, WHEN_FORMS } from "./when.js";

export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Record<string, AnswerValue>;

export type Checked = { ok: true; value: AnswerValue } | { ok: false; error: string };

/** A question as a script needs to know it to answer it (`--json` `missing`). */
export interface MissingQuestion {
  id: string;
  /** Where the answer goes in an answers file; absent for a top-level question id. */
  key?: AnswersKey;
  type: Question["type"];
  prompt: string;
  choices?: string[];
  min?: number;
  max?: number;
  skill?: string;
  /** What a 1, a 3 and a 5 look like, for a rating. */
  anchors?: Question["anchors"];
  /** In a clinic: the reps still needing this answer. */
  reps?: string[];
  /** A drill round: its rubric items; `met: [indexes]` answers it as well as a score. */
  look_for?: string[];
}

export function scaleRange(question: Question): { min: number; max: number } {
  return { min: question.min ?? 1, max: question.max ?? 5 };
}

export function choiceValues(question: Question): string[] {
  return (question.choices ?? []).map((c) => (typeof c === "string" ? c : c.value));
}

/** `when` holds if the earlier answer equals, is among, or is not the given value. */
export function isAsked(question: Question, answers: Answers): boolean {
  const condition = question.when;
  if (!condition) return true;
  const answer = answers[condition.question];
  const matches = (expected: unknown) =>
    Array.isArray(answer)
      ? answer.includes(String(expected))
      : answer === expected || (answer != null && String(answer) === String(expected));
  if (condition.equals !== undefined && !matches(condition.equals)) return false;
  if (condition.in !== undefined && !condition.in.some(matches)) return false;
  if (condition.not !== undefined && matches(condition.not)) return false;
  return true;
}

/**
 * Checks and normalises one answer, from a person or an answers file: the one
 * validator both paths share. Dates accept the forms people type (`friday`, `2w`).
 */
export function checkAnswer(question: Question | QuestionSpec, raw: unknown, today: string): Checked {
  const fail = (error: string): Checked => ({ ok: false, error });
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return question.required ? fail("an answer is required") : { ok: true, value: null };
  }
  switch (question.type) {
    case "text":
    case "editor": {
      if (typeof raw !== "string" && typeof raw !== "number") return fail("expected text");
      // An editor's file can hold anything; the record that keeps the answer must not.
      const control = strayControlCharacter(String(raw));
      return control ? fail(`holds a control character (${control}); remove it`) : { ok: true, value: String(raw) };
    }
    case "choice": {
      const value = String(raw);
      return choiceValues(question).includes(value)
        ? { ok: true, value }
        : fail(`expected one of ${choiceValues(question).join(", ")}`);
    }
    case "multi": {
      const values = (Array.isArray(raw) ? raw : String(raw).split(/\s*[;,]\s*/)).map(String).filter(Boolean);
      const unknown = values.find((v) => !choiceValues(question).includes(v));
      if (unknown !== undefined) return fail(`'${unknown}' is not one of ${choiceValues(question).join(", ")}`);
      const again = values.find((v, at) => values.indexOf(v) !== at);
      if (again !== undefined) return fail(`'${again}' is chosen more than once; choose each once`);
      return values.length || !question.required ? { ok: true, value: values } : fail("choose at least one");
    }
    case "scale":
    case "number": {
      const value = typeof raw === "number" ? raw : Number(String(raw).trim());
      if (!Number.isFinite(value)) return fail("expected a number");
      const { min, max } =
        question.type === "scale"
          ? scaleRange(question)
          : { min: question.min ?? -Infinity, max: question.max ?? Infinity };
      if (question.type === "scale" && !Number.isInteger(value))
        return fail(`expected a whole number from ${min} to ${max}`);
      return value < min || value > max ? fail(`expected a number from ${min} to ${max}`) : { ok: true, value };
    }
    case "confirm": {
      if (typeof raw === "boolean") return { ok: true, value: raw };
      const text = String(raw).trim().toLowerCase();
      if (["yes", "y", "true"].includes(text)) return { ok: true, value: true };
      if (["no", "n", "false"].includes(text)) return { ok: true, value: false };
      return fail("expected yes or no");
    }
    case "date": {
      const value = parseDue(String(raw), today);
      if (!value) return fail(`'${String(raw).trim()}' is not a date I know; use one of: ${WHEN_FORMS}`);
      if ("dueDate" in question && question.dueDate && value < today)
        return fail(`${value} is before ${today}, the day of this record; give a day from then on`);
      return { ok: true, value };
    }
    case "list": {
      const values = (Array.isArray(raw) ? raw.map(String) : String(raw).split(/\s*;\s*|\n/))
        .map((s) => s.trim())
        .filter(Boolean);
      return values.length || !question.required ? { ok: true, value: values } : fail("give at least one item");
    }
  }
}

/** The default a question falls back on without a person to ask, if it has one. */
export function defaultAnswer(question: Question): AnswerValue | undefined {
  if (question.default !== undefined) return question.default;
  return question.required ? undefined : null;
}

export function describeQuestion(question: Question | QuestionSpec): MissingQuestion {
  const described: MissingQuestion = { id: question.id, type: question.type, prompt: question.prompt };
  if ("key" in question && question.key) described.key = question.key;
  if (question.choices) described.choices = choiceValues(question);
  if (question.type === "scale") Object.assign(described, scaleRange(question));
  else {
    if (question.min !== undefined) described.min = question.min;
    if (question.max !== undefined) described.max = question.max;
  }
  if (question.skill) described.skill = question.skill;
  if (question.anchors) described.anchors = question.anchors;
  if ("lookFor" in question && question.lookFor) described.look_for = question.lookFor;
  return described;
}

/** Scale answers become ratings of the question's skill (the last one wins). */
export function ratingsFrom(questions: Question[], answers: Answers): Record<string, number> {
  const ratings: Record<string, number> = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (question.type === "scale" && question.skill && typeof value === "number") ratings[question.skill] = value;
  }
  return ratings;
}

/** The cautions that answers call for (a question's `warning`), in question order. */
export function answerWarnings(questions: Question[], answers: Answers): string[] {
  return questions
    .filter((q) => q.warning && q.id in answers && answers[q.id] === q.warning.equals)
    .map((q) => q.warning!.message);
}
