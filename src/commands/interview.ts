import type { Context } from "../context.js";
import {
  type Answers,
  checkAnswer,
  defaultAnswer,
  isAsked,
  type MissingQuestion,
  missingAnswers,
} from "../domain/questions.js";
import type { Answer } from "../domain/record.js";
import type { Question } from "../domain/template.js";
import { badInput, InterruptedError } from "../errors.js";
import { askQuestions } from "../ui/ask.js";
import { PromptCancelled, type Prompter } from "../ui/prompter.js";

/** Ctrl-C after a draft was saved: where it is and how to go on (exit 130). */
export function draftSaved(path: string, resumeHint: string): InterruptedError {
  return new InterruptedError(`interrupted: what you answered is saved in the draft ${path}; ${resumeHint}`);
}

export function missingAnswersError(missing: MissingQuestion[]) {
  return badInput(
    "missing_answers",
    `missing answers: ${missing.map((m) => m.id).join(", ")}`,
    "answer them in a terminal, or give them with --answers FILE",
    { missing },
  );
}

/**
 * Checks answers given up front (an answers file, a resumed draft) with the same
 * validator a prompt uses. Unknown ids are reported, since a typo would otherwise
 * silently leave a question unanswered.
 */
export function checkGivenAnswers(
  questions: Question[],
  given: Record<string, unknown>,
  today: string,
  ctx: Context,
  source: string,
): Answers {
  const answers: Answers = {};
  for (const [id, raw] of Object.entries(given)) {
    const question = questions.find((q) => q.id === id);
    if (!question) {
      ctx.out.warn(
        `${source}: '${id}' is not a question here; ignored (known: ${questions.map((q) => q.id).join(", ")})`,
      );
      continue;
    }
    const checked = checkAnswer(question, raw, today);
    if (!checked.ok)
      throw badInput("invalid_answer", `${source}: answer '${id}': ${checked.error}`, "fix the answer and run again");
    answers[id] = checked.value;
  }
  return answers;
}

/** Answers recorded in a draft, back as a map by id. */
export function answersFromRecord(list: Answer[] | undefined): Answers {
  return Object.fromEntries((list ?? []).map((a) => [a.id, a.answer]));
}

/** What was typed into the open question when Ctrl-C came. */
export interface PendingAnswer {
  question: string;
  text: string;
}

/** The half-typed answer a draft saved, if it holds one. */
export function pendingAnswerOf(record: Record<string, unknown> | undefined): PendingAnswer | undefined {
  const pending = record?.pending as Partial<PendingAnswer> | undefined;
  return typeof pending?.question === "string" && typeof pending.text === "string"
    ? { question: pending.question, text: pending.text }
    : undefined;
}

export interface InterviewOptions {
  questions: Question[];
  /** Answers already known; filled in as questions are answered. */
  answers: Answers;
  ctx: Context;
  /** Saves what was answered so far (synchronously: the process may be going down). */
  saveDraft(answers: Answers, pending: PendingAnswer | undefined): string;
  /** Half-typed text saved in a draft: offered again as the default of its question. */
  pending?: PendingAnswer;
  /** How to continue, e.g. "resume with `coach session alex-kim --resume`". */
  resumeHint: string;
  prompter?: Prompter;
}

/**
 * Gets an answer for every question that is asked: from what is known, else a person
 * at a terminal, else the question's default. Without a terminal, anything still
 * missing is an exit-2 error listing every missing question at once.
 */
export async function interview(options: InterviewOptions): Promise<Answers> {
  const { answers, ctx, pending } = options;
  const questions = pending
    ? options.questions.map((q) => (q.id === pending.question ? { ...q, default: pending.text } : q))
    : options.questions;
  if (!ctx.interactive) {
    const missing = missingAnswers(questions, answers);
    if (missing.length) throw missingAnswersError(missing);
    applyDefaults(questions, answers, ctx.today);
    return answers;
  }
  const prompter = options.prompter ?? (await ctx.prompter());
  try {
    return await askQuestions(questions, prompter, answers, ctx.today);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    const open = questions.find((q) => !(q.id in answers) && isAsked(q, answers));
    const text = prompter.pendingText?.();
    const path = options.saveDraft(answers, open && text ? { question: open.id, text } : undefined);
    throw draftSaved(path, options.resumeHint);
  }
}

function applyDefaults(questions: Question[], answers: Answers, today: string): void {
  for (const question of questions) {
    if (question.id in answers || !isAsked(question, answers)) continue;
    const fallback = defaultAnswer(question);
    if (fallback === undefined) continue;
    const checked = checkAnswer(question, fallback, today);
    answers[question.id] = checked.ok ? checked.value : null;
  }
}
