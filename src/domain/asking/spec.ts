import type { Question } from "../template.js";

/** The reserved keys of an answers file; a template question's id is a top-level key of its own. */
export type AnswersKey = "follow_ups" | "actions" | "rounds" | "focus_choice" | "gates";

/** Where an answer sits in an answers file: `["goal"]`, `["actions", 0, "due"]`, `["rounds", 2, "score", "alex-kim"]`. */
export type AnswerPath = (string | number)[];

/**
 * One question as every way of asking sees it: a template question, a follow-up, a
 * commitment's field, the focus choice or a drill round's score. A person is shown it, an
 * answers file is read at its `path`, and both answers go through the one `checkAnswer`.
 */
export interface QuestionSpec extends Question {
  /** The reserved key it lives under; absent for a top-level question id. */
  key?: AnswersKey;
  path: AnswerPath;
  /**
   * A shorter place the same answer may be given, used when a single value sits there:
   * `follow_ups: {k7m2qx: done}` for the status, a round's single `score` for every rep.
   */
  shortPath?: AnswerPath;
  /** The id of the prompt at a terminal when it differs from `id` (`round-1-score-alex-kim`). */
  promptId?: string;
  /** In a clinic: the rep this answer is for (listed as `reps` when missing). */
  rep?: string;
  /** Given only in an answers file; nobody is asked at a terminal (a follow-up's note). */
  fileOnly?: boolean;
  /**
   * The answer is whether the path exists: "add another commitment?" is the file's list
   * going on. Without a person and without the list, the answer is no.
   */
  presence?: boolean;
  /** A commitment's due date: a day before the record's own is refused (nobody commits to the past). */
  dueDate?: boolean;
  /** A required template question the person at the terminal may skip (recorded as a null answer). */
  skippable?: boolean;
  /** A drill round's score: its rubric items, in order, so a script can answer with `met` indexes instead. */
  lookFor?: string[];
}

/** A template question as a spec: its answer is the top-level key of its id. */
export function templateSpec(question: Question): QuestionSpec {
  return { ...question, path: [question.id] };
}

/** "1 = reads a script; 3 = ...; 5 = ...": what each rating looks like, agreed before choosing one. */
export function anchorsLine(anchors: NonNullable<Question["anchors"]>): string {
  return `1 = ${anchors[1]}; 3 = ${anchors[3]}; 5 = ${anchors[5]}`;
}

export function promptIdOf(spec: QuestionSpec): string {
  return spec.promptId ?? spec.id;
}

function isMap(value: unknown): value is Record<string | number, unknown> {
  return typeof value === "object" && value !== null;
}

function valueAt(root: unknown, path: AnswerPath): unknown {
  let here: unknown = root;
  for (const segment of path) {
    if (!isMap(here)) return undefined;
    here = (here as Record<string | number, unknown>)[segment];
  }
  return here;
}

/** What an answers file says for a spec, or `undefined` when it says nothing. */
export function answerAt(file: unknown, spec: QuestionSpec): { raw: unknown } | undefined {
  const raw = valueAt(file, spec.path);
  if (spec.presence) {
    if (raw !== undefined) return { raw: true };
    return Array.isArray(valueAt(file, spec.path.slice(0, -1))) ? { raw: false } : undefined;
  }
  if (raw !== undefined) return { raw };
  if (!spec.shortPath) return undefined;
  const short = valueAt(file, spec.shortPath);
  return short === undefined || (isMap(short) && !Array.isArray(short)) ? undefined : { raw: short };
}

/** How a message names the place of an answer: `answer 'goal'`, `actions[1].due`, `follow_ups.k7m2qx.due`. */
export function pathLabel(spec: QuestionSpec): string {
  if (!spec.key) return `answer '${spec.id}'`;
  return spec.path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}
